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
  /** The name the user explicitly chose to create as a new organisation ("Create organisation '…'?"). */
  createOrganisation: string | null;
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

/**
 * What will happen to the organisation text on save: nothing, link the picked one, create the one
 * the user chose to create, or "unchosen" — text typed but neither picked nor chosen to be created,
 * which saving refuses (typed text never becomes an organisation by itself).
 */
export type OrganisationPlan = "none" | "existing" | "new" | "unchosen";

export function organisationPlan(fields: CardFields): OrganisationPlan {
  if (fields.organisation) return "existing";
  const typed = orNull(fields.organisationText);
  if (typed === null) return "none";
  return fields.createOrganisation !== null && fields.createOrganisation === typed ? "new" : "unchosen";
}

/** The card as the backend's BusinessCard: empty fields left out, a new organisation only when chosen. */
export function buildCard(fields: CardFields): BusinessCard {
  const contacts: ContactInput[] = [];
  const add = (kind: ContactKind, text: string) => {
    const value = orNull(text);
    if (value !== null) contacts.push({ kind, value, label: null, social_kind: null });
  };
  add("email", fields.email);
  add("phone", fields.phone);
  add("mobile", fields.mobile);
  add("address", fields.address);
  const plan = organisationPlan(fields);
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

/** A contact value as compared for "already there": no spaces or dashes, any case; 0… phones as +358… */
function comparable(kind: ContactKind, value: string): string {
  const squeezed = value.replace(/[\s\-()]/g, "").toLowerCase();
  if (kind === "phone" || kind === "mobile") return squeezed.replace(/^\+/, "").replace(/^0/, "358");
  return squeezed;
}

/** The card's contact data that the existing person does not have yet (retired data do not count). */
export function newContacts(
  typed: readonly ContactInput[],
  existing: readonly { kind: ContactKind; value: string; retired_at: string | null }[],
): ContactInput[] {
  const have = new Set(
    existing
      .filter((contact) => contact.retired_at === null)
      .map((contact) => comparable(contact.kind === "mobile" ? "phone" : contact.kind, contact.value)),
  );
  return typed.filter((contact) => !have.has(comparable(contact.kind === "mobile" ? "phone" : contact.kind, contact.value)));
}
