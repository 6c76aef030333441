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
});
