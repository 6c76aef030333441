// The sync Tauri commands the UI calls, typed. Calls go through lib/api.ts's `call`, so
// failures and a lost session are handled the same way as everywhere else.
import { call } from "../../lib/api";
import type { SyncConflictView, SyncReport, SyncStatus } from "../../lib/generated";

export const syncApi = {
  /** Synced / N changes waiting / offline since … ; polled, so it does not count as activity. */
  status: () => call<SyncStatus>("sync_status"),
  /** One sync now, as the logged-in user. */
  now: () => call<SyncReport>("sync_now"),
  /** The conflicts found while merging, newest first, in words. */
  conflicts: (openOnly: boolean) => call<SyncConflictView[]>("sync_conflicts", { open_only: openOnly }),
  /** Puts a conflict's losing value back and marks it resolved (local; travels at the next sync). */
  restore: (conflictId: string) => call<null>("sync_conflict_restore", { conflict_id: conflictId }),
};
