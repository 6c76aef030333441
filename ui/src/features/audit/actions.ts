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
