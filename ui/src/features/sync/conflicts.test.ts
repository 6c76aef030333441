// The conflicts view in the whole app: reached from the sync indicator and (on team registers,
// for every role) from the navigation; each conflict in words — the detail, the person (a link),
// the value in force and the one that lost with who, which computer and when; restore asked once;
// an empty state that says what it means; and the words of fields and values on their own.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SyncConflictView, SyncStatus } from "../../lib/generated";
import { messages } from "../../lib/i18n";
import {
  SALES,
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
import { conflictFieldText, conflictValueText } from "./conflicts";

beforeEach(resetAll);
afterEach(cleanUp);

const TEAM: SyncStatus = {
  set_up: true,
  device_name: "toimisto",
  hub_url: "postgres://hub.example.fi/kortisto",
  waiting: 0,
  last_sync_at: "2026-12-01T09:30:00Z",
  last_attempt_at: "2026-12-01T09:30:00Z",
  offline_since: null,
  last_error: null,
  open_conflicts: 1,
};

const SURNAME: SyncConflictView = {
  conflict_id: "c-1",
  table: "people",
  field: "surname",
  person_id: "p-1",
  person_name: "Päivi Kannettava",
  organisation_id: null,
  organisation_name: null,
  record_name: null,
  hidden: false,
  kept: {
    value: "Kannettava",
    at: "2026-12-01T09:20:00Z",
    this_device: false,
    device_name: null,
    changed_by_name: "Maija Myyjä",
  },
  other: {
    value: "Toimistolainen",
    at: "2026-12-01T09:10:00Z",
    this_device: true,
    device_name: "toimisto",
    changed_by_name: "Päivi Pääkäyttäjä",
  },
  detected_at: "2026-12-01T09:30:00Z",
  resolved_at: null,
};

/** A team register whose conflicts are `open`; a restore resolves the one it names. */
function team(open: SyncConflictView[], restore?: (id: string) => unknown) {
  let conflicts = open;
  return {
    sync_status: () => ({ ...TEAM, open_conflicts: conflicts.filter((c) => !c.resolved_at).length }),
    sync_conflicts: (p: Record<string, unknown>) =>
      p.open_only ? conflicts.filter((c) => !c.resolved_at) : conflicts,
    sync_conflict_restore: (p: Record<string, unknown>) => {
      if (restore) return restore(String(p.conflict_id));
      conflicts = conflicts.map((c) =>
        c.conflict_id === p.conflict_id ? { ...c, resolved_at: "2026-12-01T10:00:00Z" } : c,
      );
      return null;
    },
  };
}

async function openFromIndicator(overrides: Record<string, (p: Record<string, unknown>) => unknown>) {
  await startLoggedIn(overrides);
  await waitFor(() => byTestId("sync-conflicts-open"));
  click(byTestId("sync-conflicts-open"));
  await waitFor(() => byTestId("conflicts-screen"));
}

describe("the conflicts view", () => {
  it("is reached from the sync indicator and says each conflict in words", async () => {
    await openFromIndicator(team([SURNAME]));
    await waitFor(() => byTestId("conflict-item"));
    expect(callsOf("sync_conflicts")[0].payload).toEqual({ open_only: true });
    expect(byTestId("conflict-field").textContent).toBe("Sukunimi");
    expect(byTestId("conflict-person").textContent?.trim()).toBe("Päivi Kannettava");
    expect(byTestId("conflict-kept-value").textContent).toBe("Kannettava");
    // Who · which computer · when, each part whole and the separators spaced.
    expect(byTestId("conflict-kept-by").textContent).toMatch(/^Maija Myyjä · toinen kone · 1\.12\.2026 \d\d\.\d\d$/);
    expect(byTestId("conflict-other-value").textContent).toBe("Toimistolainen");
    expect(byTestId("conflict-other-by").textContent).toMatch(
      /^Päivi Pääkäyttäjä · tämä kone \(toimisto\) · 1\.12\.2026 \d\d\.\d\d$/,
    );
    expect(byTestId("conflicts-screen").textContent).not.toContain("surname");
    expect(byTestId("conflict-restore").textContent?.trim()).toBe("Palauta tämä arvo");
  });

  it("opens the person's page from the conflict", async () => {
    await openFromIndicator({
      ...team([SURNAME]),
      person_page: () => {
        throw appError("record_not_found", "Henkilöä ei löydy.", "No such person.");
      },
    });
    await waitFor(() => byTestId("conflict-person"));
    click(byTestId("conflict-person"));
    await waitFor(() => expect(callsOf("person_page")).toEqual([{ cmd: "person_page", payload: { person_id: "p-1" } }]));
    expect(queryTestId("conflicts-screen")).toBeNull();
  });

  it("asks once before restoring, then restores, marks it resolved and says so", async () => {
    await openFromIndicator(team([SURNAME]));
    await waitFor(() => byTestId("conflict-restore"));

    click(byTestId("conflict-restore"));
    const question = byTestId("confirm-question").textContent ?? "";
    expect(question).toContain("”Sukunimi”");
    expect(question).toContain("”Toimistolainen”");
    expect(question).toContain("”Kannettava”");
    click(byTestId("confirm-no"));
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(callsOf("sync_conflict_restore")).toHaveLength(0);

    const statusReads = callsOf("sync_status").length;
    click(byTestId("conflict-restore"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("conflicts-empty"));
    expect(callsOf("sync_conflict_restore")).toEqual([
      { cmd: "sync_conflict_restore", payload: { conflict_id: "c-1" } },
    ]);
    expect(byTestId("conflict-restored").textContent).toContain("Toimistolainen");
    // The indicator reads the status again at once: no conflict is left to point to.
    await waitFor(() => expect(callsOf("sync_status").length).toBeGreaterThan(statusReads));
    await waitFor(() => expect(queryTestId("sync-conflicts")).toBeNull());

    // Restored conflicts stay visible on request, with when they were restored.
    click(byTestId("conflicts-show-resolved"));
    await waitFor(() => byTestId("conflict-resolved"));
    const listed = callsOf("sync_conflicts");
    expect(listed[listed.length - 1].payload).toEqual({ open_only: false });
    expect(queryTestId("conflict-restore")).toBeNull();
  });

  it("shows a refused restore in words and keeps the conflict", async () => {
    await openFromIndicator(
      team([SURNAME], () => {
        throw appError("record_not_found", "Ristiriitaa ei löydy.", "No such conflict.");
      }),
    );
    await waitFor(() => byTestId("conflict-restore"));
    click(byTestId("conflict-restore"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("conflict-restore-error"));
    expect(byTestId("conflict-restore-error").textContent).toContain("Ristiriitaa ei löydy.");
    expect(byTestId("conflict-item")).toBeTruthy();
    expect(queryTestId("conflict-restored")).toBeNull();
  });

  it("says what an empty list means, and is in the navigation of every role on a team register", async () => {
    await startLoggedIn(team([]), SALES);
    await waitFor(() => byTestId("nav-conflicts"));
    expect(queryTestId("sync-conflicts")).toBeNull();
    click(byTestId("nav-conflicts"));
    await waitFor(() => byTestId("conflicts-empty"));
    expect(byTestId("conflicts-empty").textContent).toContain("Ei ristiriitoja");
  });

  it("is not in the navigation of a register without a hub", async () => {
    await startLoggedIn();
    await waitFor(() => expect(callsOf("sync_status").length).toBeGreaterThan(0));
    expect(queryTestId("nav-conflicts")).toBeNull();
  });

  it("speaks English when English is chosen", async () => {
    await openFromIndicator(team([SURNAME]));
    await waitFor(() => byTestId("conflict-item"));
    click(byTestId("language-en"));
    await waitFor(() => expect(byTestId("conflict-field").textContent).toBe("Surname"));
    expect(byTestId("conflict-field").textContent).toBe("Surname");
    expect(byTestId("conflict-kept-by").textContent).toContain("another computer");
    expect(byTestId("conflict-restore").textContent?.trim()).toBe("Restore this value");
  });
});

describe("the words of a conflict", () => {
  it("names every detail in words, never by its column", () => {
    for (const lang of ["fi", "en"] as const) {
      const text = messages[lang];
      expect(conflictFieldText({ table: "deals", field: "status" }, text)).toBe(text.field_deal_status);
      expect(conflictFieldText({ table: "meetings", field: "subject" }, text)).toBe(text.field_meeting_subject);
      const unknownField = conflictFieldText({ table: "deals", field: "organisation_id" }, text);
      expect(unknownField).toContain(text.conflict_table_deal);
      expect(unknownField).not.toContain("organisation_id");
      expect(conflictFieldText({ table: "retention_rules", field: "months" }, text)).toBe(text.conflict_field_other);
    }
  });

  it("turns codes, days and empty values into words and never shows a password hash", () => {
    const text = messages.fi;
    const deal = { table: "deals", field: "status", hidden: false };
    expect(conflictValueText(deal, "won", text, "fi")).toBe("Voitettu");
    expect(conflictValueText({ ...deal, field: "end_on" }, "2026-11-27", text, "fi")).toBe("27.11.2026");
    expect(conflictValueText({ ...deal, field: "notes" }, null, text, "fi")).toBe(text.conflict_value_empty);
    expect(conflictValueText({ table: "users", field: "role", hidden: false }, "sales", text, "fi")).toBe(
      text.role_sales,
    );
    const password = { table: "users", field: "password_hash", hidden: true };
    expect(conflictValueText(password, "$argon2id$v=19$…", text, "fi")).toBe(text.conflict_value_hidden);
  });
});
