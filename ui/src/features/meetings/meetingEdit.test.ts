// Tests of correcting and deleting a meeting where it is listed: the rep who logged it sees
// "Correct" and "Delete", another non-admin does not; the dialog opens with the meeting's values,
// sends meeting_edit with only the time when it changed, and a delete asks once before meeting_delete.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MeetingChange, Session } from "../../lib/generated";
import {
  byTestId,
  callsOf,
  cleanUp,
  click,
  press,
  queryTestId,
  resetAll,
  SALES,
  startLoggedIn,
  typeInto,
  waitFor,
} from "../../testing/harness";
import { HITS, MEETING, personPage } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

const OTHER_REP: Session = { user_id: "u-other", username: "ville", display_name: "Ville Myyjä", role: "sales" };

async function openPersonPage(as: Session, overrides: Record<string, (p: Record<string, unknown>) => unknown> = {}) {
  await startLoggedIn({ search: () => HITS, person_page: () => personPage([MEETING]), ...overrides }, as);
  typeInto("search-input", "virtanen");
  await waitFor(() => byTestId("search-hit"));
  press("Enter", {}, byTestId("search-input"));
  await waitFor(() => byTestId("meeting-item"));
}

describe("correcting and deleting a meeting", () => {
  it("lets the rep who logged it correct the subject by keyboard", async () => {
    await openPersonPage(SALES, {
      meeting_edit: (p) => ({ ...MEETING, subject: (p.change as MeetingChange).subject ?? MEETING.subject }),
    });
    click(byTestId("meeting-item-edit"));
    await waitFor(() => byTestId("meeting-dialog"));
    expect(byTestId("meeting-dialog").textContent).toContain("Korjaa tapaaminen");
    expect(byTestId<HTMLInputElement>("meeting-subject").value).toBe("Tarjouksen läpikäynti");
    expect(byTestId<HTMLSelectElement>("meeting-kind").value).toBe("call");
    expect(byTestId<HTMLInputElement>("meeting-at").value).toMatch(/^27\.11\.2026 \d{2}\.30$/);
    // The organisation stays as logged: no field for it.
    expect(queryTestId("meeting-organisation")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(byTestId("meeting-subject")));

    typeInto("meeting-subject", "Tarjouksen läpikäynti ja hinnat");
    press("Enter", { ctrlKey: true });
    await waitFor(() => expect(queryTestId("meeting-dialog")).toBeNull());
    expect(callsOf("meeting_edit")).toEqual([
      {
        cmd: "meeting_edit",
        payload: {
          meeting_id: "m-1",
          change: {
            kind: "call",
            at: null,
            subject: "Tarjouksen läpikäynti ja hinnat",
            notes: "Soita uudelleen ensi viikolla.",
            participant_ids: ["p-virtanen"],
          } satisfies MeetingChange,
          request_id: null,
        },
      },
    ]);
    await waitFor(() => byTestId("meeting-change-message"));
    expect(byTestId("meeting-change-message").textContent).toContain("korjattu");
    await waitFor(() => expect(callsOf("person_page")).toHaveLength(2));
  });

  it("asks once before deleting, and Cancel deletes nothing", async () => {
    await openPersonPage(SALES, { meeting_delete: () => null });
    click(byTestId("meeting-item-delete"));
    await waitFor(() => byTestId("confirm-yes"));
    expect(document.body.textContent).toContain("Poistetaanko tapaaminen ”Tarjouksen läpikäynti”?");
    press("Escape");
    expect(queryTestId("confirm-yes")).toBeNull();
    expect(callsOf("meeting_delete")).toHaveLength(0);

    click(byTestId("meeting-item-delete"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(callsOf("meeting_delete")).toHaveLength(1));
    expect(callsOf("meeting_delete")[0].payload).toEqual({ meeting_id: "m-1", request_id: null });
    await waitFor(() => byTestId("meeting-change-message"));
  });

  it("offers no correction of another rep's meeting", async () => {
    await openPersonPage(OTHER_REP);
    expect(queryTestId("meeting-item-edit")).toBeNull();
    expect(queryTestId("meeting-item-delete")).toBeNull();
  });
});

describe("a meeting's history", () => {
  it("opens under the meeting for any role, names who changed what, and says when there is none", async () => {
    const changed = {
      change_id: "h-1",
      record_kind: "meeting",
      record_id: "m-1",
      field: "subject",
      old_value: "Tarjous",
      new_value: "Tarjouksen läpikäynti",
      old_label: null,
      new_label: null,
      changed_by: "u-sales",
      changed_by_name: "Maija Myyjä",
      changed_at: "2026-11-27T12:00:00Z",
      request_id: null,
    };
    await openPersonPage(OTHER_REP, { record_history: () => [changed] });
    expect(queryTestId("meeting-item-edit")).toBeNull();
    const toggle = byTestId("meeting-item-history");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    click(toggle);
    await waitFor(() => byTestId("meeting-history-list"));
    expect(callsOf("record_history")[0].payload).toEqual({ record_kind: "meeting", record_id: "m-1" });
    const text = byTestId("meeting-history-list").textContent ?? "";
    expect(text).toContain("Maija Myyjä");
    expect(text).toContain("Tarjouksen läpikäynti");
    expect(byTestId("meeting-item-history").getAttribute("aria-expanded")).toBe("true");
    click(byTestId("meeting-item-history"));
    expect(queryTestId("meeting-history")).toBeNull();
    cleanUp();
    resetAll();

    await openPersonPage(SALES, { record_history: () => [] });
    click(byTestId("meeting-item-history"));
    await waitFor(() => byTestId("meeting-history-empty"));
    expect(byTestId("meeting-history-empty").textContent).toContain("ei ole korjattu");
  });
});
