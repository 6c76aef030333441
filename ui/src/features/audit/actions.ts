// The audit-trail action and record-kind names the UI can label, and building an AuditFilter from
// the filter form. Unknown names are shown as they are, so new backend actions still appear.
import type { AuditFilter } from "../../lib/generated";
import { localDayStart } from "../../lib/format";
import type { MessageKey } from "../../lib/i18n";

/** Actions offered in the filter, in the order shown, with their label keys. */
export const AUDIT_ACTIONS: readonly (readonly [string, MessageKey])[] = [
  ["login", "action_login"],
  ["login_failed", "action_login_failed"],
  ["login_throttled", "action_login_throttled"],
  ["logout", "action_logout"],
  ["session_locked", "action_session_locked"],
  ["user_add", "action_user_add"],
  ["user_role_change", "action_user_role_change"],
  ["user_deactivate", "action_user_deactivate"],
  ["user_password_reset", "action_user_password_reset"],
  ["own_password_change", "action_own_password_change"],
  ["training_record", "action_training_record"],
  ["internal_audit_record", "action_internal_audit_record"],
  ["settings_change", "action_settings_change"],
  ["retention_rule_set", "action_retention_rule_set"],
  ["key_rotate", "action_key_rotate"],
  ["hub_set_up", "action_hub_set_up"],
  ["sync", "action_sync"],
  ["sync_conflict_restore", "action_sync_conflict_restore"],
  ["device_enrol", "action_device_enrol"],
  ["device_revoke", "action_device_revoke"],
  ["register_repaired", "action_register_repaired"],
  ["register_restored", "action_register_restored"],
  ["person_view", "action_person_view"],
  ["search", "action_search"],
  ["person_list", "action_person_list"],
  ["user_list", "action_user_list"],
  ["audit_list", "action_audit_list"],
  ["audit_verify", "action_audit_verify"],
  ["training_list", "action_training_list"],
  ["internal_audit_list", "action_internal_audit_list"],
  ["settings_read", "action_settings_read"],
  ["person_add", "action_person_add"],
  ["person_edit", "action_person_edit"],
  ["organisation_add", "action_organisation_add"],
  ["organisation_edit", "action_organisation_edit"],
  ["organisation_view", "action_organisation_view"],
  ["organisation_list", "action_organisation_list"],
  ["position_add", "action_position_add"],
  ["contact_add", "action_contact_add"],
  ["position_edit", "action_position_edit"],
  ["position_end", "action_position_end"],
  ["position_move", "action_position_move"],
  ["contact_edit", "action_contact_edit"],
  ["contact_retire", "action_contact_retire"],
  ["contact_delete", "action_contact_delete"],
  ["duplicate_check", "action_duplicate_check"],
  ["business_card_save", "action_business_card_save"],
  ["deal_add", "action_deal_add"],
  ["deal_edit", "action_deal_edit"],
  ["deal_list", "action_deal_list"],
  ["meeting_log", "action_meeting_log"],
  ["meeting_list", "action_meeting_list"],
  ["element_add", "action_element_add"],
  ["demo_fill", "action_demo_fill"],
  ["consent_record", "action_consent_record"],
  ["consent_list", "action_consent_list"],
  ["marketing_list", "action_marketing_list"],
  ["processor_add", "action_processor_add"],
  ["processor_list", "action_processor_list"],
  ["transfer_add", "action_transfer_add"],
  ["transfer_list", "action_transfer_list"],
  ["disclose", "action_disclose"],
  ["request_manage", "action_request_manage"],
  ["request_list", "action_request_list"],
  ["extract", "action_extract"],
  ["erasure", "action_erasure"],
  ["legal_hold_add", "action_legal_hold_add"],
  ["retention_preview", "action_retention_preview"],
  ["retention_run", "action_retention_run"],
  ["backup_create", "action_backup_create"],
  ["backup_restore", "action_backup_restore"],
  ["sync_conflict_list", "action_sync_conflict_list"],
  ["device_list", "action_device_list"],
  ["restriction_set", "action_restriction_set"],
  ["restriction_lift", "action_restriction_lift"],
  ["objection_record", "action_objection_record"],
  ["redact", "action_redact"],
  ["meeting_edit", "action_meeting_edit"],
  ["meeting_delete", "action_meeting_delete"],
  ["processor_edit", "action_processor_edit"],
  ["transfer_edit", "action_transfer_edit"],
  ["legal_hold_list", "action_legal_hold_list"],
  ["legal_hold_lift", "action_legal_hold_lift"],
  ["prospect_add", "action_prospect_add"],
  ["person_seen_by", "action_person_seen_by"],
  ["organisation_merge", "action_organisation_merge"],
  ["organisation_remove", "action_organisation_remove"],
  ["export", "action_export"],
  ["portability_export", "action_portability_export"],
  ["import_plan", "action_import_plan"],
  ["import", "action_import"],
  ["import_suppressed", "action_import_suppressed"],
  ["purpose_edit", "action_purpose_edit"],
  ["notice_publish", "action_notice_publish"],
  ["record_of_processing", "action_record_of_processing"],
];

const ACTION_LABELS = new Map<string, MessageKey>(AUDIT_ACTIONS);

const RECORD_KIND_LABELS = new Map<string, MessageKey>([
  ["user", "record_kind_user"],
  ["training", "record_kind_training"],
  ["internal_audit", "record_kind_internal_audit"],
  ["setting", "record_kind_setting"],
  ["device", "record_kind_device"],
  ["sync_conflict", "record_kind_sync_conflict"],
  ["people", "record_kind_people"],
  ["person", "record_kind_person"],
  ["organisation", "record_kind_organisation"],
  ["request", "record_kind_request"],
  ["position", "record_kind_position"],
  ["contact", "record_kind_contact"],
  ["transfer", "record_kind_transfer"],
  ["processor", "record_kind_processor"],
  ["meeting", "record_kind_meeting"],
  ["deal", "record_kind_deal"],
  ["service_element", "record_kind_service_element"],
  ["retention_run", "record_kind_retention_run"],
  ["retention_rule", "record_kind_retention_rule"],
  ["redaction_todo", "record_kind_redaction_todo"],
  ["privacy_training", "record_kind_privacy_training"],
  ["legal_hold", "record_kind_legal_hold"],
  ["disclosure", "record_kind_disclosure"],
  ["consent_purpose", "record_kind_consent_purpose"],
  ["consent_event", "record_kind_consent_event"],
]);

/** The label key of an action, or null when the UI does not know it. */
export function actionLabel(action: string): MessageKey | null {
  return ACTION_LABELS.get(action) ?? null;
}

/** The label key of a record kind, or null when the UI does not know it. */
export function recordKindLabel(kind: string): MessageKey | null {
  return RECORD_KIND_LABELS.get(kind) ?? null;
}

/** What the filter form holds: days as `YYYY-MM-DD` from date inputs, empty for "any". */
export type AuditFilterForm = {
  username: string;
  action: string;
  from: string;
  to: string;
  recordId: string;
};

export const EMPTY_FILTER: AuditFilterForm = { username: "", action: "", from: "", to: "", recordId: "" };

/** How many entries one search shows at most. */
export const AUDIT_LIMIT = 500;

/**
 * The backend filter: local whole days (the "to" day included, so `until` is the next day's
 * start, which the backend treats as exclusive), empty fields as null.
 */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    since: localDayStart(form.from),
    until: localDayStart(form.to, 1),
    username: text(form.username),
    action: text(form.action),
    record_id: text(form.recordId),
    limit: AUDIT_LIMIT,
  };
}
