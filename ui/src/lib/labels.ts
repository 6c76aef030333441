// The dictionary keys of the register's kinds and statuses (sources, contacts, organisations, deals,
// meetings, service elements, duplicates, history fields, consent, requests, transfers, erasure). Wording lives in i18n.ts.
import type {
  ConsentChannel,
  ConsentEventKind,
  ContactKind,
  DealKind,
  DealStatus,
  DuplicateReason,
  ErasureCounts,
  LegalBasis,
  MeetingKind,
  OrganisationKind,
  RequestChannel,
  RequestKind,
  RequestStatus,
  ServiceElementKind,
  SourceKind,
} from "./generated";
import type { MessageKey } from "./i18n";

export const SOURCE_KINDS: readonly SourceKind[] = [
  "business-card",
  "customer-meeting",
  "email-or-social-media",
  "event",
  "rfq-or-contract-document",
  "public-source",
  "data-provider",
  "portal-registration",
  "self-service",
];

/** Source kinds that must say which one (event, public source, data provider). */
export function sourceNeedsDetail(kind: SourceKind): boolean {
  return kind === "event" || kind === "public-source" || kind === "data-provider";
}

export const SOURCE_LABELS: Record<SourceKind, MessageKey> = {
  "rfq-or-contract-document": "source_rfq_or_contract_document",
  "business-card": "source_business_card",
  "email-or-social-media": "source_email_or_social_media",
  "customer-meeting": "source_customer_meeting",
  event: "source_event",
  "public-source": "source_public_source",
  "data-provider": "source_data_provider",
  "portal-registration": "source_portal_registration",
  "self-service": "source_self_service",
};

/** The hint asking "which one" for the source kinds that need a detail. */
export const SOURCE_DETAIL_LABELS: Partial<Record<SourceKind, MessageKey>> = {
  event: "source_detail_event",
  "public-source": "source_detail_public_source",
  "data-provider": "source_detail_data_provider",
};

export const CONTACT_KINDS: readonly ContactKind[] = ["email", "phone", "mobile", "address", "social"];

export const CONTACT_LABELS: Record<ContactKind, MessageKey> = {
  address: "contact_kind_address",
  phone: "contact_kind_phone",
  mobile: "contact_kind_mobile",
  email: "contact_kind_email",
  social: "contact_kind_social",
};

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  "company",
  "unit",
  "public-body",
  "association",
  "sole-trader",
];

export const ORGANISATION_LABELS: Record<OrganisationKind, MessageKey> = {
  company: "organisation_kind_company",
  unit: "organisation_kind_unit",
  "public-body": "organisation_kind_public_body",
  association: "organisation_kind_association",
  "sole-trader": "organisation_kind_sole_trader",
};

export const DEAL_LABELS: Record<DealKind, MessageKey> = {
  "delivery-contract": "deal_kind_delivery_contract",
  "service-contract": "deal_kind_service_contract",
  offer: "deal_kind_offer",
  rfq: "deal_kind_rfq",
  lead: "deal_kind_lead",
  "info-request": "deal_kind_info_request",
};

export const DEAL_STATUSES: readonly DealStatus[] = ["open", "active", "won", "lost", "ended", "cancelled"];

export const DEAL_STATUS_LABELS: Record<DealStatus, MessageKey> = {
  open: "deal_status_open",
  active: "deal_status_active",
  won: "deal_status_won",
  lost: "deal_status_lost",
  ended: "deal_status_ended",
  cancelled: "deal_status_cancelled",
};

export const MEETING_KINDS: readonly MeetingKind[] = ["meeting", "call", "email", "visit", "web-meeting"];

export const MEETING_LABELS: Record<MeetingKind, MessageKey> = {
  meeting: "meeting_kind_meeting",
  call: "meeting_kind_call",
  email: "meeting_kind_email",
  visit: "meeting_kind_visit",
  "web-meeting": "meeting_kind_web_meeting",
};

export const ELEMENT_KINDS: readonly ServiceElementKind[] = ["licence", "device", "service"];

export const ELEMENT_LABELS: Record<ServiceElementKind, MessageKey> = {
  licence: "element_kind_licence",
  device: "element_kind_device",
  service: "element_kind_service",
};

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, MessageKey> = {
  "same-email": "duplicate_reason_same_email",
  "same-phone": "duplicate_reason_same_phone",
  "same-name-in-organisation": "duplicate_reason_same_name",
  "erased-opt-out": "duplicate_reason_erased_opt_out",
};

/** The consent purpose the UI records and lists (the only one the register knows for now). */
export const DIRECT_MARKETING = "direct-marketing";

export const CONSENT_CHANNELS: readonly ConsentChannel[] = ["form", "email", "phone", "in-person", "self-service"];

export const CONSENT_CHANNEL_LABELS: Record<ConsentChannel, MessageKey> = {
  form: "channel_form",
  email: "channel_email",
  phone: "channel_phone",
  "in-person": "channel_in_person",
  "self-service": "channel_self_service",
};

export const CONSENT_KIND_LABELS: Record<ConsentEventKind, MessageKey> = {
  given: "consent_kind_given",
  withdrawn: "consent_kind_withdrawn",
};

export const REQUEST_KINDS: readonly RequestKind[] = [
  "access",
  "rectification",
  "erasure",
  "consent-withdrawal",
  "objection",
  "restriction",
];

export const REQUEST_KIND_LABELS: Record<RequestKind, MessageKey> = {
  access: "request_kind_access",
  rectification: "request_kind_rectification",
  erasure: "request_kind_erasure",
  "consent-withdrawal": "request_kind_consent_withdrawal",
  objection: "request_kind_objection",
  restriction: "request_kind_restriction",
};

export const REQUEST_CHANNELS: readonly RequestChannel[] = [
  "email",
  "form",
  "letter",
  "phone",
  "in-person",
  "self-service",
];

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, MessageKey> = {
  form: "channel_form",
  email: "channel_email",
  phone: "channel_phone",
  "in-person": "channel_in_person",
  letter: "channel_letter",
  "self-service": "channel_self_service",
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, MessageKey> = {
  open: "request_status_open",
  done: "request_status_done",
  refused: "request_status_refused",
};

/** The bases offered when recording a transfer; the Privacy Shield last, marked invalid. */
export const LEGAL_BASES: readonly LegalBasis[] = [
  "adequacy-decision",
  "standard-contractual-clauses",
  "binding-corporate-rules",
  "derogation",
  "privacy-shield",
];

export const LEGAL_BASIS_LABELS: Record<LegalBasis, MessageKey> = {
  "adequacy-decision": "basis_adequacy_decision",
  "standard-contractual-clauses": "basis_standard_contractual_clauses",
  "binding-corporate-rules": "basis_binding_corporate_rules",
  derogation: "basis_derogation",
  "privacy-shield": "basis_privacy_shield",
};

/** A hint for the "which one" detail of each basis. */
export const LEGAL_BASIS_DETAIL_HINTS: Record<LegalBasis, MessageKey> = {
  "adequacy-decision": "basis_detail_hint_adequacy",
  "standard-contractual-clauses": "basis_detail_hint_scc",
  "binding-corporate-rules": "basis_detail_hint_bcr",
  derogation: "basis_detail_hint_derogation",
  "privacy-shield": "basis_detail_hint_privacy_shield",
};

const TRANSFER_PROBLEM_LABELS: Record<string, MessageKey> = {
  "privacy-shield-invalid": "transfer_problem_privacy_shield",
  "dpf-not-certified": "transfer_problem_dpf_not_certified",
  "dpf-before-2023-07-10": "transfer_problem_dpf_before_start",
};

/** Why a transfer needs a new basis, in words (a general sentence for a reason the UI does not know). */
export function transferProblemLabel(reason: string): MessageKey {
  return Object.prototype.hasOwnProperty.call(TRANSFER_PROBLEM_LABELS, reason)
    ? TRANSFER_PROBLEM_LABELS[reason]
    : "transfer_problem_other";
}

/** What an erasure receipt counts, in the order it is shown. */
export const ERASURE_COUNT_LABELS: Record<keyof ErasureCounts, MessageKey> = {
  contacts: "erasure_count_contacts",
  positions: "erasure_count_positions",
  sources: "erasure_count_sources",
  consent_events: "erasure_count_consent_events",
  disclosures: "erasure_count_disclosures",
  history_entries: "erasure_count_history_entries",
  meetings_unlinked: "erasure_count_meetings_unlinked",
  deals_unlinked: "erasure_count_deals_unlinked",
  service_elements_unlinked: "erasure_count_service_elements_unlinked",
  suppression_hashes: "erasure_count_suppression_hashes",
};

const HISTORY_FIELD_LABELS: Record<string, MessageKey> = {
  surname: "field_surname",
  first_name: "field_first_name",
  other_first_names: "field_other_first_names",
  name: "field_organisation_name",
  kind: "field_kind",
  parent_id: "field_parent",
  business_id: "field_business_id",
  customer_since: "field_customer_since",
  customer_until: "field_customer_until",
  merged_from: "history_merged_from",
  position: "field_position",
  "contact.address": "contact_kind_address",
  "contact.phone": "contact_kind_phone",
  "contact.mobile": "contact_kind_mobile",
  "contact.email": "contact_kind_email",
  "contact.social": "contact_kind_social",
  "position.title": "history_position_title",
  "position.organisation": "history_position_organisation",
  "position.job_description": "history_position_job_description",
  "position.start_on": "history_position_start_on",
  "position.end_on": "history_position_end_on",
  "contact.address.retired": "history_contact_retired",
  "contact.phone.retired": "history_contact_retired",
  "contact.mobile.retired": "history_contact_retired",
  "contact.email.retired": "history_contact_retired",
  "contact.social.retired": "history_contact_retired",
  restriction: "history_restriction",
  objection: "history_objection",
  at: "history_meeting_at",
  subject: "history_subject",
  notes: "field_notes",
  participant: "history_participant",
  deleted: "history_deleted",
  status: "history_status",
  title: "history_title",
  organisation_id: "history_organisation",
  start_on: "history_start_on",
  end_on: "history_end_on",
  person: "history_person",
  prospect: "history_prospect",
};

/** The dictionary key of a history entry's field, or null for a field the UI does not name. */
export function historyFieldLabel(field: string): MessageKey | null {
  return Object.prototype.hasOwnProperty.call(HISTORY_FIELD_LABELS, field) ? HISTORY_FIELD_LABELS[field] : null;
}

/** The word for the kind of record a history row belongs to (a request's changes span several). */
export function historyRecordLabel(recordKind: string): MessageKey | null {
  const labels: Record<string, MessageKey> = {
    person: "conflict_table_person",
    organisation: "conflict_table_organisation",
    meeting: "conflict_table_meeting",
    deal: "conflict_table_deal",
  };
  return Object.prototype.hasOwnProperty.call(labels, recordKind) ? labels[recordKind] : null;
}

/**
 * The dictionary key of a history value that is a slug (a meeting's or an organisation's kind,
 * a deal's status, a prospect's yes/no, an objection's purpose), or null for a value shown as it is.
 */
export function historyValueLabel(recordKind: string, field: string, value: string): MessageKey | null {
  const has = <T extends string>(labels: Record<T, MessageKey>, key: string): key is T =>
    Object.prototype.hasOwnProperty.call(labels, key);
  if (recordKind === "meeting" && field === "kind" && has(MEETING_LABELS, value)) return MEETING_LABELS[value];
  if (recordKind === "organisation" && field === "kind" && has(ORGANISATION_LABELS, value)) {
    return ORGANISATION_LABELS[value];
  }
  if (recordKind === "deal" && field === "status" && has(DEAL_STATUS_LABELS, value)) return DEAL_STATUS_LABELS[value];
  if (recordKind === "deal" && field === "kind" && has(DEAL_LABELS, value)) return DEAL_LABELS[value];
  if (field === "prospect" && value === "true") return "history_yes";
  if (field === "prospect" && value === "false") return "history_no";
  if (field === "objection" && value === "direct-marketing") return "history_purpose_direct_marketing";
  return null;
}
