// Tests of "log a meeting": Alt+M opens the dialog from any screen, participants are added and
// removed by keyboard, Ctrl+Enter sends meeting_log with snake_case arguments, Escape closes, and
// on a person's page the person is pre-filled and the page shows the new meeting after saving.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MeetingInput } from "../../lib/generated";
import {
  appError,
  byTestId,
  callsOf,
  cleanUp,
  click,
  press,
  queryTestId,
  resetAll,
  startLoggedIn,
  typeInto,
  waitFor,
} from "../../testing/harness";
import { HITS, MEETING, personPage } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

function participants(): string[] {
  return [...document.querySelectorAll('[data-testid="meeting-participant"]')].map(
    (chip) => chip.getAttribute("data-person-id") ?? "",
  );
}

describe("log a meeting", () => {
  it("opens with Alt+M, adds a participant by keyboard and saves with Ctrl+Enter", async () => {
    await startLoggedIn({ search: () => HITS, meeting_log: () => MEETING });
    click(byTestId("nav-password"));
    await waitFor(() => byTestId("password-screen"));

    press("m", { altKey: true, code: "KeyM" });
    await waitFor(() => byTestId("meeting-dialog"));
    expect(byTestId<HTMLSelectElement>("meeting-kind").value).toBe("meeting");
    expect(byTestId<HTMLInputElement>("meeting-at").placeholder).toBe("nyt");
    await waitFor(() => expect(document.activeElement).toBe(byTestId("meeting-participant-search")));

    typeInto("meeting-participant-search", "virt");
    await waitFor(() => byTestId("meeting-participant-search-option"));
    // Only people are offered.
    expect(document.querySelectorAll('[data-testid="meeting-participant-search-option"]')).toHaveLength(2);
    // The first match is highlighted (the same picker as everywhere); Enter takes it.
    const first = document.querySelector('[data-testid="meeting-participant-search-option"]')!;
    expect(first.getAttribute("aria-selected")).toBe("true");
    expect(byTestId("meeting-participant-search").getAttribute("aria-activedescendant")).toBe(first.id);
    press("Enter");
    expect(participants()).toEqual(["p-virtanen"]);
    expect(byTestId<HTMLInputElement>("meeting-participant-search").value).toBe("");
    expect(byTestId("meeting-participant").textContent).toContain("Virtanen Matti");

    // Backspace in the empty box removes the last chip; add it again.
    press("Backspace");
    expect(participants()).toEqual([]);
    // Enter right after typing (before the answer) picks the first person when it comes.
    typeInto("meeting-participant-search", "virtanen");
    press("Enter");
    await waitFor(() => expect(participants()).toEqual(["p-virtanen"]));

    typeInto("meeting-subject", "Tarjouksen läpikäynti");
    typeInto("meeting-kind", "call");
    typeInto("meeting-at", "27.11.2026 14.30");
    press("Enter", { ctrlKey: true }, byTestId("meeting-subject"));
    await waitFor(() => expect(queryTestId("meeting-dialog")).toBeNull());
    expect(callsOf("meeting_log")).toEqual([
      {
        cmd: "meeting_log",
        payload: {
          meeting: {
            kind: "call",
            at: "27.11.2026 14.30",
            subject: "Tarjouksen läpikäynti",
            participant_ids: ["p-virtanen"],
            notes: null,
            organisation_id: null,
          } satisfies MeetingInput,
        },
      },
    ]);
    expect(byTestId("meeting-logged").textContent).toContain("Tarjouksen läpikäynti");
    // The notice belongs to the screen it was logged on, not to the next one.
    click(byTestId("nav-people"));
    await waitFor(() => expect(queryTestId("meeting-logged")).toBeNull());
  });

  it("opens from the header button, shows errors by their field and closes with Escape", async () => {
    await startLoggedIn({
      meeting_log: () =>
        Promise.reject(
          appError("field_invalid", "Aihe puuttuu.", "The subject is missing.", { field: "subject", rule: "required" }),
        ),
    });
    click(byTestId("log-meeting"));
    await waitFor(() => byTestId("meeting-dialog"));
    click(byTestId("meeting-save"));
    await waitFor(() => byTestId("meeting-error-subject"));
    expect(byTestId("meeting-error-subject").textContent?.trim()).toBe("Aihe puuttuu.");
    expect(byTestId("meeting-subject").getAttribute("aria-invalid")).toBe("true");
    press("Escape", {}, byTestId("meeting-subject"));
    expect(queryTestId("meeting-dialog")).toBeNull();
  });

  it("pre-fills the person on their page, focuses the subject and refreshes the page after saving", async () => {
    let logged = false;
    await startLoggedIn({
      search: () => HITS,
      person_page: () => personPage(logged ? [MEETING] : []),
      meeting_log: () => {
        logged = true;
        return MEETING;
      },
    });
    typeInto("search-input", "virtanen");
    await waitFor(() => byTestId("search-hit"));
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => byTestId("person-meetings-empty"));

    press("m", { altKey: true, code: "KeyM" });
    await waitFor(() => byTestId("meeting-dialog"));
    expect(participants()).toEqual(["p-virtanen"]);
    await waitFor(() => expect(document.activeElement).toBe(byTestId("meeting-subject")));
    typeInto("meeting-subject", "Tarjouksen läpikäynti");
    press("Enter", { ctrlKey: true });
    await waitFor(() => byTestId("meeting-item"));
    expect(queryTestId("meeting-dialog")).toBeNull();
    expect((callsOf("meeting_log")[0].payload as { meeting: MeetingInput }).meeting.participant_ids).toEqual([
      "p-virtanen",
    ]);
    expect(callsOf("person_page")).toHaveLength(2);
    const item = byTestId("meeting-item");
    expect(item.textContent).toContain("Puhelu");
    expect(item.textContent).toContain("Tarjouksen läpikäynti");
    expect(item.textContent).toContain("Virtanen Matti");
    expect(byTestId("meeting-item-at").textContent).toMatch(/^27\.11\.2026 \d{2}\.30$/);
  });

  it("tells namesakes apart: organisation's people first, title and organisation shown, the meeting filed under it", async () => {
    const helmi = (id: string, org: string, orgId: string) => ({
      record_kind: "person",
      record_id: id,
      title: "Järvinen Helmi",
      subtitle: `Ostaja, ${org}`,
      restricted: false,
      organisation_id: orgId,
      organisation_name: org,
    });
    const found = [helmi("p-h1", "Alfa Oy", "o-alfa"), helmi("p-h2", "Beeta Oy", "o-beeta"), helmi("p-h3", "Gamma Oy", "o-gamma")];
    const colleague = { ...helmi("p-k", "Beeta Oy", "o-beeta"), title: "Järvinen Kalle" };
    await startLoggedIn({
      search: (p) => (String(p.query).startsWith("helmi") ? found : [found[0], colleague]),
      meeting_log: () => MEETING,
    });
    press("m", { altKey: true, code: "KeyM" });
    await waitFor(() => byTestId("meeting-dialog"));
    typeInto("meeting-participant-search", "helmi");
    await waitFor(() => expect(document.querySelectorAll('[data-testid="meeting-participant-search-option"]')).toHaveLength(3));
    const options = [...document.querySelectorAll('[data-testid="meeting-participant-search-option"]')];
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining("Ostaja, Alfa Oy"),
      expect.stringContaining("Ostaja, Beeta Oy"),
      expect.stringContaining("Ostaja, Gamma Oy"),
    ]);
    press("ArrowDown", {}, byTestId("meeting-participant-search"));
    press("Enter", {}, byTestId("meeting-participant-search"));
    expect(participants()).toEqual(["p-h2"]);
    // The chip names the organisation; the meeting is filed under it.
    expect(byTestId("meeting-participant-detail").textContent).toBe("Ostaja, Beeta Oy");
    expect(byTestId<HTMLInputElement>("meeting-organisation").value).toBe("Beeta Oy");

    // Now the people of Beeta Oy come first.
    typeInto("meeting-participant-search", "järvinen");
    await waitFor(() => byTestId("meeting-participant-search-option"));
    const ranked = [...document.querySelectorAll('[data-testid="meeting-participant-search-option"]')];
    expect(ranked.map((o) => o.getAttribute("data-record-id"))).toEqual(["p-k", "p-h1"]);
    press("Enter", {}, byTestId("meeting-participant-search"));
    expect(participants()).toEqual(["p-h2", "p-k"]);

    typeInto("meeting-subject", "Vuosisopimus");
    press("Enter", { ctrlKey: true }, byTestId("meeting-subject"));
    await waitFor(() => expect(callsOf("meeting_log")).toHaveLength(1));
    expect((callsOf("meeting_log")[0].payload as { meeting: MeetingInput }).meeting.organisation_id).toBe("o-beeta");
  });

  it("asks before Escape throws typed notes away", async () => {
    await startLoggedIn({});
    click(byTestId("log-meeting"));
    await waitFor(() => byTestId("meeting-dialog"));
    typeInto("meeting-notes", "Asiakas haluaa tarjouksen tammikuussa.");
    press("Escape", {}, byTestId("meeting-notes"));
    await waitFor(() => byTestId("confirm-dialog"));
    expect(byTestId("confirm-question").textContent).toContain("Hylätäänkö");
    expect(byTestId("meeting-dialog")).toBeTruthy();
    click(byTestId("confirm-no"));
    await waitFor(() => expect(queryTestId("confirm-dialog")).toBeNull());
    expect(byTestId<HTMLTextAreaElement>("meeting-notes").value).toBe("Asiakas haluaa tarjouksen tammikuussa.");
    click(byTestId("meeting-cancel"));
    await waitFor(() => byTestId("confirm-dialog"));
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(queryTestId("meeting-dialog")).toBeNull());
    expect(callsOf("meeting_log")).toHaveLength(0);
  });
});
