// Tests of the person's page (contact data with their sources, positions current first, history,
// the name correction and adding contact data) and of the virtualised people list at 100,000 rows.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync } from "svelte";
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
  submitForm,
  typeInto,
  waitFor,
  type Handler,
} from "../../testing/harness";
import { HITS, peoplePage, personPage } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

async function openVirtanen(overrides: Record<string, Handler> = {}) {
  await startLoggedIn({ search: () => HITS, person_page: () => personPage(), ...overrides });
  typeInto("search-input", "virtanen");
  await waitFor(() => byTestId("search-hit"));
  press("Enter", {}, byTestId("search-input"));
  await waitFor(() => byTestId("person-name"));
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="people-row"]')];
}

describe("person page", () => {
  it("shows contact data each with its source, positions current first, and the history", async () => {
    await openVirtanen();
    // Title and organisation at the top, the ended position not.
    const current = [...document.querySelectorAll('[data-testid="person-current-position"]')].map((p) =>
      p.textContent?.replace(/\s+/g, " ").trim(),
    );
    expect(current).toEqual(["Toimitusjohtaja, Acme Oy"]);
    expect(byTestId("person-source").textContent?.trim()).toBe(
      "Lähde: Käyntikortti 27.11.2026, kirjannut Päivi Toimisto",
    );
    const contacts = [...document.querySelectorAll<HTMLElement>('[data-testid="contact-item"]')];
    expect(contacts).toHaveLength(2);
    expect(contacts[0].textContent).toContain("Matkapuhelin");
    expect(contacts[0].textContent).toContain("työ");
    expect(contacts[0].querySelector('[data-testid="contact-value"]')?.textContent).toBe("040 1234567");
    expect(contacts[0].querySelector('[data-testid="contact-source"]')?.textContent?.trim()).toBe(
      "Lähde: Käyntikortti 27.11.2026, kirjannut Päivi Toimisto",
    );
    expect(contacts[1].querySelector('[data-testid="contact-source"]')?.textContent?.trim()).toBe(
      "Lähde: Tapahtuma (Slush 2026) 20.11.2026, kirjannut Päivi Toimisto",
    );

    const positions = [...document.querySelectorAll<HTMLElement>('[data-testid="position-item"]')];
    expect(positions[0].textContent).toContain("Toimitusjohtaja");
    expect(positions[0].textContent).toContain("Nykyinen");
    expect(positions[1].textContent).toContain("Vanha Oy");
    expect(positions[1].querySelector('[data-testid="position-ended"]')).not.toBeNull();

    const history = byTestId("person-history");
    expect(history.querySelector('[data-testid="history-field"]')?.textContent).toBe("Sukunimi");
    expect(history.querySelector('[data-testid="history-change"]')?.textContent).toContain("Virtane");
    expect(history.querySelector('[data-testid="history-change"]')?.textContent).toContain("Virtanen");
    expect(history.textContent).toContain("28.11.2026");
    expect(history.textContent).toContain("Maija Meikäläinen");

    expect(byTestId("person-deals-empty")).toBeTruthy();
    expect(byTestId("person-meetings-empty").textContent).toContain("Alt+M");
    expect(byTestId("person-elements-empty")).toBeTruthy();
  });

  it("renders register data as text, never as markup", async () => {
    const page = personPage();
    page.person.surname = "<img src=x onerror=alert(1)>";
    await openVirtanen({ person_page: () => page });
    expect(byTestId("person-name").textContent).toContain("<img src=x onerror=alert(1)>");
    expect(byTestId("person-page").querySelector("img")).toBeNull();
  });

  it("corrects the name inline and adds a contact with its source", async () => {
    await openVirtanen({
      person_edit: (p) => ({ ...personPage().person, ...(p.person as object) }),
      contact_add: () => ({ ...personPage().contacts[0], contact_id: "c-3" }),
    });
    click(byTestId("person-edit"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("person-edit-first-name")));
    typeInto("person-edit-other", "Juhani");
    submitForm("person-edit-form");
    await waitFor(() => expect(callsOf("person_edit")).toHaveLength(1));
    expect(callsOf("person_edit")[0].payload).toEqual({
      person_id: "p-virtanen",
      person: { surname: "Virtanen", first_name: "Matti", other_first_names: "Juhani" },
      request_id: null,
    });
    await waitFor(() => expect(queryTestId("person-edit-form")).toBeNull());

    click(byTestId("contact-add"));
    typeInto("contact-add-kind", "phone");
    typeInto("contact-add-value", "09 123 4567");
    typeInto("contact-add-label", "vaihde");
    typeInto("contact-add-source", "data-provider");
    typeInto("contact-add-source-detail", "Fonecta");
    submitForm("contact-add-form");
    await waitFor(() => expect(callsOf("contact_add")).toHaveLength(1));
    expect(callsOf("contact_add")[0].payload).toEqual({
      person_id: "p-virtanen",
      organisation_id: null,
      contact: { kind: "phone", value: "09 123 4567", label: "vaihde", social_kind: null },
      source: { kind: "data-provider", detail: "Fonecta", obtained_on: null },
    });
    await waitFor(() => expect(queryTestId("contact-add-form")).toBeNull());
    expect(callsOf("person_page")).toHaveLength(3);
  });

  it("shows a contact error by the value field", async () => {
    await openVirtanen({
      contact_add: () =>
        Promise.reject(
          appError("field_invalid", "Puhelinnumero ei kelpaa.", "The phone number is not valid.", {
            field: "phone",
            rule: "phone",
          }),
        ),
    });
    click(byTestId("contact-add"));
    typeInto("contact-add-kind", "phone");
    typeInto("contact-add-value", "abc");
    submitForm("contact-add-form");
    await waitFor(() => byTestId("contact-add-error-value"));
    expect(byTestId("contact-add-error-value").textContent?.trim()).toBe("Puhelinnumero ei kelpaa.");
  });
});

describe("people list", () => {
  it("renders only a window of rows of 100,000 and fetches the page of the scrolled-to rows", async () => {
    await startLoggedIn({
      person_list: (p) => peoplePage(Number(p.offset), Number(p.limit), 100_000),
      person_page: () => ({ ...personPage(), person: { ...personPage().person, person_id: "p-5002" } }),
    });
    click(byTestId("nav-people"));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(callsOf("person_list")[0].payload).toEqual({ offset: 0, limit: 200 });
    expect(byTestId("people-total").textContent?.replace(/\s/g, " ")).toBe("Yhteensä 100 000");
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0].textContent).toContain("Sukunimi0");
    expect(byTestId("people-list").getAttribute("aria-label")).toBe("Henkilöt");
    expect(rows()[0].getAttribute("aria-setsize")).toBe("100000");

    // Scroll to row 5000 (rows are 48 px high).
    const list = byTestId("people-list");
    Object.defineProperty(list, "scrollTop", { configurable: true, writable: true, value: 5000 * 48 });
    list.dispatchEvent(new Event("scroll"));
    flushSync();
    await waitFor(() => expect(rows().some((row) => row.textContent?.includes("Sukunimi5002"))).toBe(true));
    const offsets = callsOf("person_list").map((call) => (call.payload as { offset: number }).offset);
    expect(offsets).toContain(5000);
    expect(offsets).toContain(4800);
    expect(offsets).not.toContain(200);
    expect(rows().length).toBeLessThan(40);
    expect(rows().every((row) => Math.abs(Number(row.dataset.index) - 5000) < 30)).toBe(true);

    // Keyboard: the list moves its active row and Enter opens it.
    list.focus();
    press("End", {}, list);
    expect(list.getAttribute("aria-activedescendant")).toBe("people-list-row-99999");
    await waitFor(() => expect(callsOf("person_list").some((c) => (c.payload as { offset: number }).offset === 99_800)).toBe(true));
    press("Home", {}, list);
    press("ArrowDown", {}, list);
    press("ArrowDown", {}, list);
    expect(list.getAttribute("aria-activedescendant")).toBe("people-list-row-2");
    press("Enter", {}, list);
    await waitFor(() => byTestId("person-page"));
    expect(callsOf("person_page")[0].payload).toEqual({ person_id: "p-2" });
  });

  it("says how to add the first person when the register is empty", async () => {
    await startLoggedIn({ person_list: () => ({ total: 0, items: [] }) });
    click(byTestId("nav-people"));
    await waitFor(() => byTestId("people-empty"));
    expect(byTestId("people-empty").textContent).toContain("käyntikorttilomakkeella");
  });
});
