// The retention and backup Tauri commands the UI calls, typed (kept apart from lib/api.ts).
// Calls go through lib/api.ts's `call`, so failures and a lost session are handled the same way.
import { Channel } from "@tauri-apps/api/core";
import { call } from "../../lib/api";
import type {
  BackupInfo,
  BackupSchedule,
  Language,
  MaintenanceNotice,
  RestoreReport,
  RetentionPreview,
  RetentionRule,
  RetentionRuleInput,
  RetentionRun,
  RetentionStatus,
  WorkProgress,
} from "../../lib/generated";

export type {
  BackupInfo,
  BackupSchedule,
  MaintenanceNotice,
  RestoreReport,
  RetentionPreview,
  RetentionRule,
  RetentionRuleInput,
  RetentionRun,
  RetentionStatus,
};

/** The retention and backup commands; each is the backend command of the same (snake_case) name. */
export const retentionApi = {
  /** The retention rules (admin). */
  rules: () => call<RetentionRule[]>("retention_rules"),
  /** Changes one rule's months (1–1200) and references (admin). */
  ruleSet: (rule: RetentionRuleInput) => call<RetentionRule>("retention_rule_set", { rule }),
  /** One person's retention status (every role that can see the person). */
  status: (personId: string) => call<RetentionStatus>("retention_status", { person_id: personId }),
  /** Who would be erased at a date, `27.11.2026` or ISO (admin). */
  preview: (asOf: string, language: Language) =>
    call<RetentionPreview>("retention_preview", { as_of: asOf, language }),
  /**
   * Erases everyone due today (admin), reporting progress after each batch of whole people.
   * Refused with `clock_suspect` when the clock looks wrong, unless an administrator has
   * confirmed it (`clockConfirmed`).
   */
  run: (onProgress: (progress: WorkProgress) => void, clockConfirmed = false) => {
    const channel = new Channel<WorkProgress>();
    channel.onmessage = onProgress;
    return call<RetentionRun>(
      "retention_run",
      clockConfirmed ? { on_progress: channel, clock_confirmed: true } : { on_progress: channel },
    );
  },
  /** Stops the run in progress after its current batch; what is done stays done. */
  cancel: () => call<null>("work_cancel"),
  /** What the app's own schedule could not do, e.g. a retention refused for the clock (admin). */
  maintenanceNotice: () => call<MaintenanceNotice[]>("maintenance_notice"),
  /** Every retention run, as recorded (admin). */
  runs: () => call<RetentionRun[]>("retention_runs"),

  /** Writes an encrypted backup to `outFile` (admin). */
  backupCreate: (outFile: string) => call<BackupInfo>("backup_create", { out_file: outFile }),
  /** The automatic backup schedule (admin). */
  backupSchedule: () => call<BackupSchedule>("backup_schedule"),
  /** Sets the automatic backup schedule; folder null turns it off (admin). */
  backupScheduleSet: (schedule: BackupSchedule) => call<unknown>("backup_schedule_set", { schedule }),
  /** Replaces the register with a backup's content, re-applying later erasures (admin). */
  backupRestore: (file: string) => call<RestoreReport>("backup_restore", { file }),
  /** A sensible folder for files the user saves (admin). */
  defaultFolder: () => call<string>("extract_default_folder"),
};
