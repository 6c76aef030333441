// Tests of "who has seen this person" on the person page: the administrator sees every read newest
// first with the kind of read in words, an empty state, and other roles never ask for it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  byTestId,
  callsOf,
  cleanUp,
  press,
  queryTestId,
  resetAll,
  SALES,
  startLoggedIn,
  typeInto,
  waitFor,
  type Handler,
} from "../../testing/harness";
import type { PersonRead } from "../../lib/generated";
import { HITS, personPage } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

const READS: PersonRead[] = [
  {
    read_id: "r-30",
    seq: 30,
    at: "2026-11-28T12:00:00Z",
    user_id: "u-admin",
    username: "maija",
    display_name: "Maija Meikäläinen",
    action: "person_view",
    kind: "opened",
    shown: 1,
    this_device: true,
  },
  {
    read_id: "r-20",
    seq: 20,
    at: "2026-11-28T11:00:00Z",
    user_id: "u-office",
    username: "toimisto",
    display_name: "Tiina Toimisto",
    action: "person_list",
    kind: "listed",
    shown: 50,
    this_device: true,
  },
  {
    read_id: "r-b-10",
    seq: 10,
    at: "2026-11-28T10:00:00Z",
    user_id: "u-sales",
    username: "pekka",
    display_name: "Pekka Myyjä",
    action: "search",
    kind: "found",
    shown: 1,
    this_device: false,
  },
];

async function openVirtanen(overrides: Record<string, Handler> = {}, as = undefined as typeof SALES | undefined) {
  await startLoggedIn({ search: () => HITS, person_page: () => personPage(), ...overrides }, as);
  typeInto("search-input", "virt");
  await waitFor(() => byTestId("search-results"));
  press("Enter", {}, byTestId("search-input"));
  await waitFor(() => byTestId("person-name"));
}

describe("who has seen this person", () => {
  it("lists a search (made on another device), a list page and a page view by three users, newest first, in words", async () => {
    await openVirtanen({ person_seen_by: () => READS });
    await waitFor(() => byTestId("person-seen-by-table"));
    expect(callsOf("person_seen_by")[0].payload).toEqual({ person_id: "p-virtanen" });
    const rows = [...document.querySelectorAll('[data-testid="person-seen-by-row"]')].map((row) =>
      [...row.querySelectorAll("td")].map((cell) => cell.textContent?.trim()),
    );
    expect(rows.map((row) => row.slice(1))).toEqual([
      ["Maija Meikäläinen", "avasi henkilön sivun"],
      ["Tiina Toimisto", "näki listalla (henkilölista) – 50 henkilön joukossa"],
      ["Pekka Myyjä", "löysi haulla – toisella laitteella"],
    ]);
    expect(rows[0][0]).toMatch(/^28\.11\.2026/);
  });

  it("says so when nobody has seen the person", async () => {
    await openVirtanen({ person_seen_by: () => [] });
    await waitFor(() => byTestId("person-seen-by-empty"));
    expect(byTestId("person-seen-by-empty").textContent).toBe("Kukaan ei ole vielä nähnyt tätä henkilöä.");
  });

  it("is not shown to a sales rep, who never asks for it", async () => {
    await openVirtanen({}, SALES);
    expect(queryTestId("person-seen-by")).toBeNull();
    expect(callsOf("person_seen_by")).toHaveLength(0);
  });
});
