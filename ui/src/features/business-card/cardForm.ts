// The business-card form's rules outside the screen: the card sent to the backend from what was
// typed, when a duplicate check is worth asking, and which field a backend error belongs to.
import type { AppError, BusinessCard, ContactInput, ContactKind, SourceKind } from "../../lib/generated";
import { orNull, sourceInput } from "../../lib/input";

/** What the form holds. */
export type CardFields = {
  firstName: string;
  surname: string;
  organisationText: string;
  /** The existing organisation picked from the suggestions, if any. */
  organisation: { id: string; name: string } | null;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  address: string;
  sourceKind: SourceKind;
  sourceDetail: string;
};

export type CardField =
  | "first_name"
  | "surname"
  | "organisation"
  | "title"
  | "email"
  | "phone"
  | "mobile"
  | "address"
  | "source"
  | "source_detail";

/** What will happen to the organisation text on save. */
export type OrganisationPlan = "none" | "existing" | "new" | "not-allowed";

export function organisationPlan(fields: CardFields, mayAddOrganisations: boolean): OrganisationPlan {
  if (fields.organisation) return "existing";
  if (orNull(fields.organisationText) === null) return "none";
  return mayAddOrganisations ? "new" : "not-allowed";
}

/** The card as the backend's BusinessCard: empty fields left out, a typed organisation as new. */
export function buildCard(fields: CardFields, mayAddOrganisations: boolean): BusinessCard {
  const contacts: ContactInput[] = [];
  const add = (kind: ContactKind, text: string) => {
    const value = orNull(text);
    if (value !== null) contacts.push({ kind, value, label: null, social_kind: null });
  };
  add("email", fields.email);
  add("phone", fields.phone);
  add("mobile", fields.mobile);
  add("address", fields.address);
  const plan = organisationPlan(fields, mayAddOrganisations);
  return {
    person: { surname: fields.surname.trim(), first_name: fields.firstName.trim(), other_first_names: null },
    organisation_id: plan === "existing" && fields.organisation ? fields.organisation.id : null,
    new_organisation:
      plan === "new"
        ? {
            name: fields.organisationText.trim(),
            kind: null,
            parent_id: null,
            business_id: null,
            customer_since: null,
            customer_until: null,
          }
        : null,
    title: orNull(fields.title),
    contacts,
    source: sourceInput(fields.sourceKind, fields.sourceDetail),
  };
}

/** A duplicate check can find something: an e-mail or phone, or a full name at a picked organisation. */
export function worthChecking(fields: CardFields): boolean {
  if (orNull(fields.email) || orNull(fields.phone) || orNull(fields.mobile)) return true;
  return orNull(fields.firstName) !== null && orNull(fields.surname) !== null && fields.organisation !== null;
}

const FIELD_BY_PARAM: Record<string, CardField> = {
  first_name: "first_name",
  surname: "surname",
  name: "organisation",
  organisation: "organisation",
  business_id: "organisation",
  parent_id: "organisation",
  title: "title",
  email: "email",
  phone: "phone",
  mobile: "mobile",
  address: "address",
  source: "source",
  source_detail: "source_detail",
  obtained_on: "source_detail",
};

/** The field a backend error is about, or null when it belongs to the form as a whole. */
export function cardErrorField(error: AppError | null): CardField | null {
  if (!error) return null;
  const named = error.params.field;
  if (typeof named === "string" && Object.prototype.hasOwnProperty.call(FIELD_BY_PARAM, named)) {
    return FIELD_BY_PARAM[named];
  }
  return null;
}
