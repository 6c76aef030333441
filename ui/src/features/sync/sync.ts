// The one sentence of the sync indicator, from the status the core reports; the last status
// the indicator read (the shell shows the conflicts entry on team registers only), and a way
// for a screen to ask the indicator to read it again now.
import { writable } from "svelte/store";
import type { SyncStatus } from "../../lib/generated";
import { fill, type MessageKey, type Messages } from "../../lib/i18n";

/** The status the indicator read last (null: not read yet, or no register open). */
export const syncStatus = writable<SyncStatus | null>(null);

/** Bumped when the indicator should read the status again at once (e.g. after a restore). */
export const syncStatusRefresh = writable(0);

/** Asks the indicator to read the status now instead of at its next poll. */
export function refreshSyncStatus(): void {
  syncStatusRefresh.update((n) => n + 1);
}

/** Why the hub refused, by the error code of the last attempt. */
const REFUSALS: Record<string, MessageKey> = {
  hub_credentials_rejected: "sync_refused_login",
  hub_device_revoked: "sync_refused_login",
  sync_record_invalid: "sync_refused_record",
  hub_schema_newer: "sync_refused_schema",
  hub_schema_older: "sync_refused_schema",
};

/** "Synced 1.12.2026 9.30", "3 changes waiting", "Offline since …" or "The hub refused: …". */
export function syncStateText(status: SyncStatus, text: Messages, when: (at: string) => string): string {
  if (status.offline_since && status.last_error) {
    if (status.last_error === "hub_unreachable") {
      return fill(status.waiting === 1 ? text.sync_offline_one : text.sync_offline, {
        since: when(status.offline_since),
        count: status.waiting,
      });
    }
    return text[REFUSALS[status.last_error] ?? "sync_refused_other"];
  }
  if (status.waiting > 0) return fill(status.waiting === 1 ? text.sync_waiting_one : text.sync_waiting, { count: status.waiting });
  if (status.last_sync_at) return fill(text.sync_synced, { at: when(status.last_sync_at) });
  return text.sync_never;
}
