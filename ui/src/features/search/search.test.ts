// Tests of the search-first home screen: hits as you type, stale answers ignored, keyboard
// navigation, Enter opens the person's page, and the empty states.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  byTestId,
  callsOf,
  cleanUp,
  press,
  queryTestId,
  resetAll,
  startLoggedIn,
  typeInto,
  waitFor,
} from "../../testing/harness";
import { HITS, personPage } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

describe("search", () => {
  it("focuses the search box, shows hits as you type and opens the person with Enter", async () => {
    await startLoggedIn({
      search: () => HITS,
      person_page: () => personPage(),
    });
    expect(document.activeElement).toBe(byTestId("search-input"));
    expect(byTestId("search-empty-start").textContent).toContain(
      "Hae nimellä, organisaatiolla, sähköpostilla tai puhelinnumerolla…",
    );
    expect(queryTestId("start-screen")).not.toBeNull();

    typeInto("search-input", "virt");
    await waitFor(() => expect(document.querySelectorAll('[data-testid="search-hit"]')).toHaveLength(3));
    expect(callsOf("search")).toEqual([{ cmd: "search", payload: { query: "virt", limit: 20 } }]);
    const hits = document.querySelectorAll('[data-testid="search-hit"]');
    expect(hits[0].textContent).toContain("Virtanen Matti");
    expect(hits[0].textContent).toContain("Toimitusjohtaja, Acme Oy");
    expect(hits[0].textContent).toContain("Henkilö");
    expect(hits[2].textContent).toContain("Organisaatio");
    expect(hits[0].getAttribute("aria-selected")).toBe("true");

    press("ArrowDown", {}, byTestId("search-input"));
    press("ArrowUp", {}, byTestId("search-input"));
    expect(hits[0].getAttribute("aria-selected")).toBe("true");
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => byTestId("person-name"));
    expect(callsOf("person_page")).toEqual([{ cmd: "person_page", payload: { person_id: "p-virtanen" } }]);
    expect(byTestId("person-name").textContent?.trim()).toBe("Matti Virtanen");
  });

  it("ignores a slow answer to an older query", async () => {
    await startLoggedIn({
      search: (p) =>
        p.query === "vi"
          ? new Promise((resolve) => setTimeout(() => resolve([HITS[2]]), 300))
          : [HITS[0]],
    });
    typeInto("search-input", "vi");
    await waitFor(() => expect(callsOf("search")).toHaveLength(1));
    typeInto("search-input", "virtanen");
    await waitFor(() => expect(document.querySelectorAll('[data-testid="search-hit"]')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await waitFor(() => expect(byTestId("search-results").textContent).toContain("Virtanen Matti"));
    const shown = [...document.querySelectorAll('[data-testid="search-hit"]')].map((hit) => hit.getAttribute("data-record-id"));
    expect(shown).toEqual(["p-virtanen"]);
  });

  it("opens the first hit when Enter is pressed before the answer arrives", async () => {
    await startLoggedIn({ search: () => HITS, person_page: () => personPage() });
    typeInto("search-input", "virtanen");
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => byTestId("person-name"));
    expect(callsOf("person_page")).toEqual([{ cmd: "person_page", payload: { person_id: "p-virtanen" } }]);
  });

  it("says when nothing is found and links to the business-card form", async () => {
    await startLoggedIn({ search: () => [] });
    typeInto("search-input", "zzz");
    await waitFor(() => byTestId("search-no-hits"));
    expect(byTestId("search-no-hits").textContent).toContain("Haulla ”zzz” ei löytynyt ketään.");
    byTestId("search-add-card").click();
    await waitFor(() => byTestId("business-card-form"));
  });
});
