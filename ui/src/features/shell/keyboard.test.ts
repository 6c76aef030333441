// Tests of the app-wide keys: which key press is which shortcut (not while typing in a field), the
// next / previous person of the remembered result list, and in the app: / and Ctrl+K search from
// anywhere, Alt+↓ / Alt+↑ through the people found, Esc back.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  byTestId,
  callsOf,
  cleanUp,
  click,
  press,
  resetAll,
  startLoggedIn,
  typeInto,
  waitFor,
} from "../../testing/harness";
import { HITS, peoplePage, personPage } from "../../testing/register";
import type { PersonPage } from "../../lib/generated";
import { neighbour, shortcutOf } from "./keyboard";

beforeEach(resetAll);
afterEach(cleanUp);

function key(key: string, init: KeyboardEventInit = {}, target: Element = document.body): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, "target", { value: target });
  return event;
}

describe("shortcutOf", () => {
  it("reads / and Ctrl+K as search, Alt+arrows as next and previous, Esc as back", () => {
    expect(shortcutOf(key("/"))).toBe("search");
    expect(shortcutOf(key("k", { ctrlKey: true }))).toBe("search");
    expect(shortcutOf(key("K", { metaKey: true }))).toBe("search");
    expect(shortcutOf(key("ArrowDown", { altKey: true }))).toBe("next");
    expect(shortcutOf(key("ArrowUp", { altKey: true }))).toBe("previous");
    expect(shortcutOf(key("Escape"))).toBe("back");
    expect(shortcutOf(key("ArrowDown"))).toBeNull();
    expect(shortcutOf(key("a"))).toBeNull();
    expect(shortcutOf(key("k", { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it("leaves / and Esc to a field being typed in and to an open dialog, but Ctrl+K works everywhere", () => {
    const input = document.createElement("input");
    const textarea = document.createElement("textarea");
    const select = document.createElement("select");
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const inDialog = document.createElement("button");
    dialog.append(inDialog);
    for (const target of [input, textarea, select, inDialog]) {
      expect(shortcutOf(key("/", {}, target))).toBeNull();
      expect(shortcutOf(key("Escape", {}, target))).toBeNull();
      expect(shortcutOf(key("k", { ctrlKey: true }, target))).toBe("search");
    }
    const checkbox = document.createElement("input");
    checkbox.type = "checkbox";
    expect(shortcutOf(key("/", {}, checkbox))).toBe("search");
  });

  it("ignores a key press already handled", () => {
    const event = key("/");
    event.preventDefault();
    expect(shortcutOf(event)).toBeNull();
  });
});

describe("neighbour", () => {
  it("steps through the list and stops at either end", () => {
    const list = ["a", "b", "c"];
    expect(neighbour("a", 1, list)).toBe("b");
    expect(neighbour("b", -1, list)).toBe("a");
    expect(neighbour("c", 1, list)).toBeNull();
    expect(neighbour("a", -1, list)).toBeNull();
    expect(neighbour("x", 1, list)).toBeNull();
  });
});

function pageOf(personId: string, surname: string): PersonPage {
  const page = personPage();
  return { ...page, person: { ...page.person, person_id: personId, surname } };
}

describe("app-wide keys", () => {
  it("/ searches from anywhere, Enter opens, Alt+↓ / Alt+↑ go through the people found, Esc goes back", async () => {
    await startLoggedIn({
      search: () => HITS,
      person_page: (p) => pageOf(String(p.person_id), p.person_id === "p-virta" ? "Virta" : "Virtanen"),
      person_list: (p) => peoplePage(Number(p.offset), Number(p.limit), 3),
    });
    click(byTestId("nav-people"));
    await waitFor(() => byTestId("people-screen"));

    press("/", {}, document.body);
    await waitFor(() => expect(document.activeElement).toBe(byTestId("search-input")));
    typeInto("search-input", "virt");
    await waitFor(() => expect(document.querySelectorAll('[data-testid="search-hit"]')).toHaveLength(3));
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => expect(byTestId("person-name").textContent?.trim()).toBe("Matti Virtanen"));

    press("ArrowDown", { altKey: true }, document.body);
    await waitFor(() => expect(byTestId("person-name").textContent?.trim()).toBe("Matti Virta"));
    // The organisation among the hits is not a person: the list ends here.
    press("ArrowDown", { altKey: true }, document.body);
    expect(callsOf("person_page").map((c) => c.payload)).toEqual([
      { person_id: "p-virtanen" },
      { person_id: "p-virta" },
    ]);
    press("ArrowUp", { altKey: true }, document.body);
    await waitFor(() => expect(byTestId("person-name").textContent?.trim()).toBe("Matti Virtanen"));

    // Esc goes back to where the search was (the home screen), then to the people list.
    press("Escape", {}, document.body);
    await waitFor(() => byTestId("home-screen"));
    press("Escape", {}, document.body);
    await waitFor(() => byTestId("people-screen"));
  });

  it("Ctrl+K searches even while typing in a field, and / types a slash there", async () => {
    await startLoggedIn({ person_list: (p) => peoplePage(Number(p.offset), Number(p.limit), 0) });
    click(byTestId("nav-training"));
    await waitFor(() => byTestId("training-topic"));
    const topic = byTestId("training-topic");
    topic.focus();
    press("/", {}, topic);
    expect(byTestId("training-screen")).toBeTruthy();
    press("k", { ctrlKey: true }, topic);
    await waitFor(() => expect(document.activeElement).toBe(byTestId("search-input")));
  });

  it("Alt+↓ goes to the next row of the people list a person was opened from", async () => {
    await startLoggedIn({
      person_list: (p) => peoplePage(Number(p.offset), Number(p.limit), 3),
      person_page: (p) => pageOf(String(p.person_id), `Sukunimi-${String(p.person_id)}`),
    });
    click(byTestId("nav-people"));
    await waitFor(() => expect(document.querySelectorAll('[data-testid="people-row"]').length).toBe(3));
    click(document.querySelectorAll<HTMLElement>('[data-testid="people-row"]')[1]);
    await waitFor(() => expect(byTestId("person-name").textContent).toContain("p-1"));
    press("ArrowDown", { altKey: true }, document.body);
    await waitFor(() => expect(byTestId("person-name").textContent).toContain("p-2"));
    press("ArrowUp", { altKey: true }, document.body);
    press("ArrowUp", { altKey: true }, document.body);
    await waitFor(() => expect(byTestId("person-name").textContent).toContain("p-0"));
  });
});
