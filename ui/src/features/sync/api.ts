// The sync Tauri commands the UI calls, typed. Calls go through lib/api.ts's `call`, so
// failures and a lost session are handled the same way as everywhere else.
import { call } from "../../lib/api";
import type { SyncReport, SyncStatus } from "../../lib/generated";

export const syncApi = {
  /** Synced / N changes waiting / offline since … ; polled, so it does not count as activity. */
  status: () => call<SyncStatus>("sync_status"),
  /** One sync now, as the logged-in user. */
  now: () => call<SyncReport>("sync_now"),
};
