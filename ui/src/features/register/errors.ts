// How the start-up error screen treats each backend error code: its title, its "what to do" hint,
// and whether trying again from inside the app can help. Wording lives in lib/i18n.ts.
import type { MessageKey } from "../../lib/i18n";

/** What the error screen shows for one code. */
export type ErrorGuide = {
  title: MessageKey;
  /** The "what to do" hint; absent when the recovery-code form is shown instead. */
  hint?: MessageKey;
  /** The keychain has no key that fits: the recovery-code form (register_recover) is shown. */
  recovery: boolean;
  /** The cause can be fixed outside the app, so "Try again" (register_open again) is offered. */
  retry: boolean;
  /** The manifest is lost but the database is there: "Repair the register" is offered. */
  repair?: boolean;
};

const GUIDES: Record<string, ErrorGuide> = {
  keychain_unavailable: {
    title: "error_keychain_unavailable_title",
    hint: "error_keychain_unavailable_hint",
    recovery: false,
    retry: true,
  },
  keychain_locked: {
    title: "error_keychain_locked_title",
    hint: "error_keychain_locked_hint",
    recovery: false,
    retry: true,
  },
  key_missing: { title: "error_key_missing_title", recovery: true, retry: false },
  wrong_key: { title: "error_wrong_key_title", recovery: true, retry: false },
  database_damaged: {
    title: "error_database_damaged_title",
    hint: "error_database_damaged_hint",
    recovery: false,
    retry: false,
  },
  schema_too_new: {
    title: "error_schema_too_new_title",
    hint: "error_schema_too_new_hint",
    recovery: false,
    retry: false,
  },
  data_dir_not_writable: {
    title: "error_data_dir_not_writable_title",
    hint: "error_data_dir_not_writable_hint",
    recovery: false,
    retry: true,
  },
  register_missing: {
    title: "error_register_missing_title",
    hint: "error_register_missing_hint",
    recovery: false,
    retry: false,
  },
  manifest_missing: {
    title: "error_manifest_missing_title",
    hint: "error_manifest_missing_hint",
    recovery: false,
    retry: false,
    repair: true,
  },
  manifest_foreign: {
    title: "error_manifest_foreign_title",
    hint: "error_manifest_foreign_hint",
    recovery: false,
    retry: true,
  },
  database_foreign: {
    title: "error_database_foreign_title",
    hint: "error_database_foreign_hint",
    recovery: false,
    retry: true,
  },
  repair_impossible: {
    title: "error_repair_impossible_title",
    hint: "error_repair_impossible_hint",
    recovery: false,
    retry: true,
  },
  register_busy: {
    title: "error_register_busy_title",
    hint: "error_register_busy_hint",
    recovery: false,
    retry: true,
  },
  storage_failed: {
    title: "error_storage_failed_title",
    hint: "error_storage_failed_hint",
    recovery: false,
    retry: true,
  },
};

const UNKNOWN: ErrorGuide = {
  title: "error_unknown_title",
  hint: "error_unknown_hint",
  recovery: false,
  retry: true,
};

/** The guide for `code`; unknown codes get the generic one. */
export function errorGuide(code: string): ErrorGuide {
  return Object.prototype.hasOwnProperty.call(GUIDES, code) ? GUIDES[code] : UNKNOWN;
}
