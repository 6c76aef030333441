// The sync indicator: nothing without a hub; synced / waiting / offline / refused in both
// languages, never a bare error code; "Sync now" calls the backend and shows its refusal.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SyncStatus } from "../../lib/generated";
import { messages } from "../../lib/i18n";
import {
  appError,
  byTestId,
  callsOf,
  cleanUp,
  click,
  queryTestId,
  resetAll,
  startLoggedIn,
  waitFor,
} from "../../testing/harness";
import { syncStateText } from "./sync";

beforeEach(resetAll);
afterEach(cleanUp);

const BASE: SyncStatus = {
  set_up: true,
  device_name: "laptop-2",
  hub_url: "postgres://hub.example.fi/kortisto",
  waiting: 0,
  last_sync_at: "2026-12-01T09:30:00Z",
  last_attempt_at: "2026-12-01T09:30:00Z",
  offline_since: null,
  last_error: null,
  open_conflicts: 0,
};
const when = (at: string) => `<${at}>`;

describe("the sync sentence", () => {
  it("says synced, waiting, offline or refused in both languages", () => {
    for (const lang of ["fi", "en"] as const) {
      const text = messages[lang];
      expect(syncStateText(BASE, text, when)).toContain("<2026-12-01T09:30:00Z>");
      expect(syncStateText({ ...BASE, waiting: 3 }, text, when)).toContain("3");
      const offline = { ...BASE, waiting: 2, offline_since: "2026-12-01T10:00:00Z", last_error: "hub_unreachable" };
      expect(syncStateText(offline, text, when)).toContain("<2026-12-01T10:00:00Z>");
      const revoked = { ...BASE, offline_since: "2026-12-01T10:00:00Z", last_error: "hub_credentials_rejected" };
      expect(syncStateText(revoked, text, when)).toBe(text.sync_refused_login);
      const odd = { ...BASE, offline_since: "2026-12-01T10:00:00Z", last_error: "storage_failed" };
      expect(syncStateText(odd, text, when)).not.toContain("storage_failed");
      expect(syncStateText({ ...BASE, last_sync_at: null }, text, when)).toBe(text.sync_never);
    }
    expect(messages.fi.sync_now).not.toBe(messages.en.sync_now);
  });

  it("says one change in the singular (Finnish plurals, #13)", () => {
    expect(syncStateText({ ...BASE, waiting: 1 }, messages.fi, when)).toBe("1 muutos odottaa lähetystä");
    expect(syncStateText({ ...BASE, waiting: 2 }, messages.fi, when)).toBe("2 muutosta odottaa lähetystä");
    expect(syncStateText({ ...BASE, waiting: 1 }, messages.en, when)).toBe("1 change waiting to be sent");
  });
});

describe("the sync indicator", () => {
  it("is not shown on a register without a hub", async () => {
    await startLoggedIn();
    await waitFor(() => expect(callsOf("sync_status").length).toBeGreaterThan(0));
    expect(queryTestId("sync-indicator")).toBeNull();
  });

  it("shows what waits and syncs on demand, with the refusal in words", async () => {
    let status: SyncStatus = { ...BASE, waiting: 4, open_conflicts: 1 };
    await startLoggedIn({
      sync_status: () => status,
      sync_now: () => {
        status = { ...BASE, offline_since: "2026-12-01T10:00:00Z", last_error: "hub_device_revoked", waiting: 4 };
        throw appError("hub_device_revoked", "Laite on poistettu.", "The device was revoked.");
      },
    });
    await waitFor(() => expect(byTestId("sync-state").textContent).toContain("4"));
    expect(byTestId("sync-conflicts").textContent).toContain("1 ristiriita:");
    expect(byTestId("sync-conflicts").textContent).not.toContain("ristiriitaa");
    click(byTestId("sync-now"));
    await waitFor(() => expect(byTestId("sync-error").textContent).toContain("Laite on poistettu."));
    expect(callsOf("sync_now")).toHaveLength(1);
    await waitFor(() => expect(byTestId("sync-state").textContent).toBe(messages.fi.sync_refused_login));
  });
});
