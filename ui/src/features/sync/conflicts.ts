// The conflicts view's words: which detail a conflict is about (never a column name), the
// value as people read it (kinds and statuses in words, dates in the Finnish way), and where,
// when and by whom each side was set. Owns wording choices only; the backend decides conflicts.
import type { ConflictSide, SyncConflictView } from "../../lib/generated";
import { formatDateTime, formatDay } from "../../lib/format";
import { fill, type MessageKey, type Messages } from "../../lib/i18n";
import type { Language } from "../../lib/generated";
import {
  CONTACT_LABELS,
  DEAL_LABELS,
  DEAL_STATUS_LABELS,
  ELEMENT_LABELS,
  MEETING_LABELS,
  ORGANISATION_LABELS,
} from "../../lib/labels";
import { ROLES, roleLabel } from "../../lib/roles";

/** `table.column` → the detail in words. */
const FIELD_LABELS: Record<string, MessageKey> = {
  "people.surname": "field_surname",
  "people.first_name": "field_first_name",
  "people.other_first_names": "field_other_first_names",
  "organisations.name": "field_organisation_name",
  "organisations.kind": "field_kind",
  "organisations.parent_id": "field_parent",
  "organisations.business_id": "field_business_id",
  "organisations.customer_since": "field_customer_since",
  "organisations.customer_until": "field_customer_until",
  "positions.title": "field_title",
  "positions.job_description": "field_job_description",
  "positions.start_on": "field_start_on",
  "positions.end_on": "field_end_on",
  "contact_points.value": "field_contact_value",
  "contact_points.label": "field_contact_label",
  "contact_points.kind": "field_contact_kind",
  "contact_points.social_kind": "field_social_kind",
  "deals.title": "field_deal_title",
  "deals.status": "field_deal_status",
  "deals.kind": "field_deal_kind",
  "deals.start_on": "field_start_on",
  "deals.end_on": "field_end_on",
  "deals.notes": "field_notes",
  "meetings.subject": "field_meeting_subject",
  "meetings.at": "field_meeting_at",
  "meetings.kind": "field_meeting_kind",
  "meetings.notes": "field_notes",
  "service_elements.vendor": "field_vendor",
  "service_elements.identifier": "conflict_field_identifier",
  "service_elements.valid_from": "field_valid_from",
  "service_elements.valid_to": "field_valid_to",
  "users.display_name": "field_display_name",
  "users.role": "field_role",
  "users.active": "conflict_field_user_active",
  "users.password_hash": "conflict_field_password",
};

/** Which kind of record a table holds, for a detail the view has no own words for. */
const TABLE_LABELS: Record<string, MessageKey> = {
  people: "conflict_table_person",
  organisations: "conflict_table_organisation",
  positions: "field_position",
  contact_points: "field_contact_value",
  deals: "conflict_table_deal",
  meetings: "conflict_table_meeting",
  service_elements: "conflict_table_element",
  users: "conflict_table_user",
  settings: "conflict_table_settings",
};

const has = (map: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/** "Sukunimi", "Deal status", …; a detail without own words is "another detail of a deal". */
export function conflictFieldText(conflict: Pick<SyncConflictView, "table" | "field">, text: Messages): string {
  const key = `${conflict.table}.${conflict.field}`;
  if (has(FIELD_LABELS, key)) return text[FIELD_LABELS[key]];
  if (has(TABLE_LABELS, conflict.table)) return fill(text.conflict_field_other_of, { record: text[TABLE_LABELS[conflict.table]] });
  return text.conflict_field_other;
}

/** Code vocabularies of the fields whose values are codes, by `table.column`. */
const VALUE_LABELS: Record<string, Record<string, MessageKey>> = {
  "organisations.kind": ORGANISATION_LABELS,
  "contact_points.kind": CONTACT_LABELS,
  "deals.kind": DEAL_LABELS,
  "deals.status": DEAL_STATUS_LABELS,
  "meetings.kind": MEETING_LABELS,
  "service_elements.kind": ELEMENT_LABELS,
};

const DAY_FIELDS = /(_on|_since|_until|_from|_to)$/;

/** A side's value in words: an empty value says so, codes become words, days Finnish dates. */
export function conflictValueText(
  conflict: Pick<SyncConflictView, "table" | "field" | "hidden">,
  value: string | null,
  text: Messages,
  language: Language,
): string {
  if (conflict.hidden) return text.conflict_value_hidden;
  if (value === null || value === "") return text.conflict_value_empty;
  const key = `${conflict.table}.${conflict.field}`;
  const vocabulary = VALUE_LABELS[key];
  if (vocabulary && has(vocabulary, value)) return text[vocabulary[value]];
  if (key === "users.role" && (ROLES as readonly string[]).includes(value)) {
    return text[roleLabel(value as (typeof ROLES)[number])];
  }
  if (key === "users.active") return value === "0" || value === "false" ? text.users_active_no : text.users_active_yes;
  if (key === "meetings.at") return formatDateTime(value, language);
  if (DAY_FIELDS.test(conflict.field)) return formatDay(value, language);
  return value;
}

/**
 * Who, where and when, as known: ["Maija Myyjä", "this computer (toimisto)", "1.12.2026 09.30"]
 * (shown joined by " · ", each part kept on one line).
 */
export function conflictSideParts(side: ConflictSide, text: Messages, language: Language): string[] {
  const parts: string[] = [];
  if (side.changed_by_name) parts.push(side.changed_by_name);
  parts.push(
    side.this_device
      ? side.device_name
        ? fill(text.conflict_this_device_named, { name: side.device_name })
        : text.conflict_this_device
      : text.conflict_other_device,
  );
  if (side.at) parts.push(formatDateTime(side.at, language));
  return parts;
}
