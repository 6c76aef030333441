// Tests of the corrections on the person page: a contact datum edited (Esc cancels, inline messages in
// both languages), retired and deleted (asked once); a position edited, ended and left for another
// organisation; the "for request" choice carried by every correction; and the request page's list.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Request } from "../../lib/generated";
import { language } from "../../lib/i18n";
import { todayFinnish } from "../../lib/format";
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
import { HITS, MEETING, personPage } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

const OPEN_REQUEST: Request = {
  request_id: "r-fix",
  kind: "rectification",
  received_on: "2026-11-26",
  channel: "email",
  person_id: "p-virtanen",
  person_name: "Virtanen Matti",
  identity_method: null,
  identity_checked_on: null,
  identity_checked_by_name: null,
  due_on: "2026-12-26",
  extended_due_on: null,
  extension_reason: null,
  status: "open",
  closed_on: null,
  outcome: null,
};

async function openVirtanen(overrides: Record<string, Handler> = {}) {
  await startLoggedIn({ search: () => HITS, person_page: () => personPage(), ...overrides });
  typeInto("search-input", "virtanen");
  await waitFor(() => byTestId("search-hit"));
  press("Enter", {}, byTestId("search-input"));
  await waitFor(() => byTestId("person-name"));
}

function item(testid: string, index: number): HTMLElement {
  return [...document.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)][index];
}

function inside<T extends HTMLElement = HTMLElement>(parent: HTMLElement, testid: string): T {
  const found = parent.querySelector<T>(`[data-testid="${testid}"]`);
  if (!found) throw new Error(`no ${testid}`);
  return found;
}

describe("contact corrections", () => {
  it("edits a value by keyboard: Enter saves, Esc cancels and gives the focus back", async () => {
    await openVirtanen({ contact_edit: (p) => ({ ...personPage().contacts[1], value: String(p.value) }) });
    const email = item("contact-item", 1);
    const edit = inside<HTMLButtonElement>(email, "contact-edit");
    expect(edit.getAttribute("aria-label")).toBe("Muokkaa: matti.virtanen@acme.fi");

    click(edit);
    await waitFor(() => expect(document.activeElement).toBe(byTestId("contact-edit-value")));
    expect(byTestId<HTMLInputElement>("contact-edit-value").value).toBe("matti.virtanen@acme.fi");
    press("Escape", {}, byTestId("contact-edit-value"));
    expect(queryTestId("contact-edit-form")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(inside(item("contact-item", 1), "contact-edit")));
    expect(callsOf("contact_edit")).toHaveLength(0);

    click(inside(item("contact-item", 1), "contact-edit"));
    typeInto("contact-edit-value", "matti.virtanen@acme.com");
    submitForm("contact-edit-form");
    await waitFor(() => expect(callsOf("contact_edit")).toHaveLength(1));
    expect(callsOf("contact_edit")[0].payload).toEqual({
      contact_id: "c-2",
      value: "matti.virtanen@acme.com",
      request_id: null,
    });
    await waitFor(() => expect(byTestId("person-message").textContent).toBe("Korjaus tallennettu."));
    expect(callsOf("person_page")).toHaveLength(2);
  });

  it("says inline what is wrong, in Finnish and in English, and sends nothing empty", async () => {
    await openVirtanen({
      contact_edit: () =>
        Promise.reject(
          appError("field_invalid", "Sähköpostiosoite ei kelpaa.", "The e-mail address is not valid.", {
            field: "email",
            rule: "email",
          }),
        ),
    });
    click(inside(item("contact-item", 1), "contact-edit"));
    typeInto("contact-edit-value", "  ");
    submitForm("contact-edit-form");
    expect(byTestId("contact-correction-error").textContent?.trim()).toBe("Kirjoita uusi arvo.");
    expect(callsOf("contact_edit")).toHaveLength(0);
    language.set("en");
    await waitFor(() => expect(byTestId("contact-correction-error").textContent?.trim()).toBe("Type the new value."));

    typeInto("contact-edit-value", "matti@");
    submitForm("contact-edit-form");
    await waitFor(() =>
      expect(byTestId("contact-correction-error").textContent?.trim()).toBe("The e-mail address is not valid."),
    );
    expect(byTestId("contact-edit-value").getAttribute("aria-invalid")).toBe("true");
  });

  it("marks a datum no longer valid (shown struck through) and deletes only after asking once", async () => {
    let retired = false;
    const page = () => {
      const loaded = personPage();
      if (retired) loaded.contacts[1].retired_at = "2026-11-28T09:00:00Z";
      return loaded;
    };
    await openVirtanen({
      person_page: page,
      contact_retire: () => {
        retired = true;
        return page().contacts[1];
      },
      contact_delete: () => null,
    });
    click(inside(item("contact-item", 1), "contact-retire"));
    await waitFor(() => expect(callsOf("contact_retire")).toHaveLength(1));
    expect(callsOf("contact_retire")[0].payload).toEqual({ contact_id: "c-2", request_id: null });
    await waitFor(() => byTestId("contact-retired"));
    const shown = item("contact-item", 1);
    expect(shown.classList.contains("retired")).toBe(true);
    expect(inside(shown, "contact-retired").textContent).toBe("ei enää voimassa");
    expect(shown.querySelector('[data-testid="contact-edit"]')).toBeNull();
    expect(shown.querySelector('[data-testid="contact-retire"]')).toBeNull();

    click(inside(shown, "contact-delete"));
    await waitFor(() => byTestId("confirm-question"));
    expect(byTestId("confirm-question").textContent).toContain("matti.virtanen@acme.fi");
    press("Escape");
    expect(queryTestId("confirm-question")).toBeNull();
    expect(callsOf("contact_delete")).toHaveLength(0);

    click(inside(item("contact-item", 1), "contact-delete"));
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(callsOf("contact_delete")).toHaveLength(1));
    expect(callsOf("contact_delete")[0].payload).toEqual({ contact_id: "c-2", request_id: null });
    await waitFor(() => expect(byTestId("person-message").textContent).toBe("Yhteystieto poistettu."));
  });
});

describe("position corrections", () => {
  it("ends the current position on today by default and shows the core's refusal", async () => {
    await openVirtanen({
      position_end: () =>
        Promise.reject(
          appError(
            "position_end_before_start",
            "Tehtävä ei voi päättyä (1.1.2019) ennen kuin se alkoi (1.1.2020).",
            "A position cannot end (1.1.2019) before it started (1.1.2020).",
            { position_id: "pos-now", start_on: "2020-01-01", end_on: "2019-01-01" },
          ),
        ),
    });
    const current = item("position-item", 0);
    expect(current.textContent).toContain("Toimitusjohtaja");
    expect(item("position-item", 1).querySelector('[data-testid="position-end"]')).toBeNull();
    click(inside(current, "position-end"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("position-end-on")));
    expect(byTestId<HTMLInputElement>("position-end-on").value).toBe(todayFinnish());
    typeInto("position-end-on", "1.1.2019");
    submitForm("position-end-form");
    await waitFor(() => byTestId("position-end-error"));
    expect(byTestId("position-end-error").textContent).toContain("ennen kuin se alkoi");
    expect(callsOf("position_end")[0].payload).toEqual({ position_id: "pos-now", end_on: "1.1.2019", request_id: null });
    press("Escape", {}, byTestId("position-end-on"));
    expect(queryTestId("position-end-form")).toBeNull();
  });

  it("edits a position with its dates in Finnish form, every field sent", async () => {
    await openVirtanen({ position_edit: () => personPage().positions[1] });
    click(inside(item("position-item", 1), "position-edit"));
    await waitFor(() => byTestId("position-edit-form"));
    expect(byTestId<HTMLInputElement>("position-edit-start").value).toBe("1.1.2015");
    expect(byTestId<HTMLInputElement>("position-edit-end").value).toBe("31.12.2019");
    typeInto("position-edit-title", "Myyntijohtaja");
    typeInto("position-edit-end", "30.6.2019");
    submitForm("position-edit-form");
    await waitFor(() => expect(callsOf("position_edit")).toHaveLength(1));
    expect(callsOf("position_edit")[0].payload).toEqual({
      position_id: "pos-old",
      change: {
        organisation_id: "o-old",
        title: "Myyntijohtaja",
        job_description: "",
        start_on: "1.1.2015",
        end_on: "30.6.2019",
      },
      request_id: null,
    });
  });

  it("records a move to another organisation in one call, the organisation picked by keyboard", async () => {
    await openVirtanen({
      search: (p) =>
        String(p.query).startsWith("uus")
          ? [{ record_kind: "organisation", record_id: "o-new", title: "Uusi Oy", subtitle: null }]
          : HITS,
      position_move: () => ({ ended: personPage().positions[1], started: personPage().positions[1] }),
    });
    click(byTestId("position-move"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("position-move-org")));
    expect(byTestId("position-move-from").textContent).toContain("Toimitusjohtaja, Acme Oy");
    expect(byTestId<HTMLInputElement>("position-move-on").value).toBe(todayFinnish());

    submitForm("position-move-form");
    expect(byTestId("position-move-error-org").textContent?.trim()).toBe("Valitse organisaatio listasta.");
    typeInto("position-move-org", "uus");
    await waitFor(() => byTestId("position-move-org-option"));
    press("ArrowDown", {}, byTestId("position-move-org"));
    press("Enter", {}, byTestId("position-move-org"));
    expect(byTestId("position-move-org-status").textContent).toContain("Uusi Oy");
    typeInto("position-move-title", "Hallituksen puheenjohtaja");
    typeInto("position-move-on", "1.12.2026");
    submitForm("position-move-form");
    await waitFor(() => expect(callsOf("position_move")).toHaveLength(1));
    expect(callsOf("position_move")[0].payload).toEqual({
      person_id: "p-virtanen",
      moved: {
        from_position_id: "pos-now",
        organisation_id: "o-new",
        title: "Hallituksen puheenjohtaja",
        on: "1.12.2026",
      },
      request_id: null,
    });
    await waitFor(() => expect(queryTestId("position-move-form")).toBeNull());
    expect(byTestId("person-message").textContent).toContain("Siirto tallennettu");
  });
});

describe("corrections for a request", () => {
  it("files every correction under the open request the admin chose (none by default)", async () => {
    await openVirtanen({
      request_list: () => [OPEN_REQUEST, { ...OPEN_REQUEST, request_id: "r-other", person_id: "p-else" }],
      person_edit: (p) => ({ ...personPage().person, ...(p.person as object) }),
      contact_edit: () => personPage().contacts[1],
    });
    await waitFor(() => byTestId("correction-request-select"));
    const select = byTestId<HTMLSelectElement>("correction-request-select");
    expect(select.options).toHaveLength(2);
    expect(select.options[1].textContent?.trim()).toBe("Oikaisu, saapunut 26.11.2026");
    typeInto("correction-request-select", "r-fix");

    click(inside(item("contact-item", 1), "contact-edit"));
    typeInto("contact-edit-value", "matti@acme.fi");
    submitForm("contact-edit-form");
    await waitFor(() => expect(callsOf("contact_edit")).toHaveLength(1));
    expect((callsOf("contact_edit")[0].payload as { request_id: string }).request_id).toBe("r-fix");

    click(byTestId("person-edit"));
    typeInto("person-edit-surname", "Virtanen-Koski");
    submitForm("person-edit-form");
    await waitFor(() => expect(callsOf("person_edit")).toHaveLength(1));
    expect((callsOf("person_edit")[0].payload as { request_id: string }).request_id).toBe("r-fix");
  });

  it("files a meeting's correction and deletion on the person page under the chosen request", async () => {
    await startLoggedIn({
      search: () => HITS,
      person_page: () => personPage([MEETING]),
      request_list: () => [OPEN_REQUEST],
      meeting_edit: () => ({ ...MEETING, subject: "Korjattu aihe" }),
      meeting_delete: () => null,
    });
    typeInto("search-input", "virtanen");
    await waitFor(() => byTestId("search-hit"));
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => byTestId("correction-request-select"));
    typeInto("correction-request-select", "r-fix");

    click(byTestId("meeting-item-edit"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("meeting-subject")));
    typeInto("meeting-subject", "Korjattu aihe");
    press("Enter", { ctrlKey: true });
    await waitFor(() => expect(callsOf("meeting_edit")).toHaveLength(1));
    expect((callsOf("meeting_edit")[0].payload as { request_id: string }).request_id).toBe("r-fix");

    await waitFor(() => expect(queryTestId("meeting-dialog")).toBeNull());
    click(byTestId("meeting-item-delete"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(callsOf("meeting_delete")).toHaveLength(1));
    expect(callsOf("meeting_delete")[0].payload).toEqual({ meeting_id: "m-1", request_id: "r-fix" });
  });

  it("shows no choice to a person without open requests", async () => {
    await openVirtanen();
    await waitFor(() => expect(callsOf("request_list").length).toBeGreaterThan(0));
    expect(queryTestId("correction-request")).toBeNull();
  });

  it("lists on the request page the corrections made for it, or says how to make one", async () => {
    await startLoggedIn({
      request_list: () => [OPEN_REQUEST, { ...OPEN_REQUEST, request_id: "r-empty" }],
      request_changes: (p) =>
        p.request_id === "r-fix"
          ? [
              {
                change_id: "h-9",
                record_kind: "person",
                record_id: "p-virtanen",
                field: "contact.email",
                old_value: "matti@acme.fi",
                new_value: "matti.virtanen@acme.fi",
                changed_by: "u-admin",
                changed_by_name: "Maija Meikäläinen",
                changed_at: "2026-11-28T08:00:00Z",
                request_id: "r-fix",
                old_label: null,
                new_label: null,
              },
            ]
          : [],
    });
    click(byTestId("nav-requests"));
    await waitFor(() => expect(document.querySelectorAll('[data-testid="request-row"]')).toHaveLength(2));
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="request-row"]')];
    const fix = rows.find((row) => row.dataset.requestId === "r-fix") as HTMLElement;
    click(inside(fix, "request-changes-open"));
    await waitFor(() => byTestId("request-changes-list"));
    expect(byTestId("request-changes-list").textContent).toContain("Sähköposti");
    expect(byTestId("request-changes-list").textContent).toContain("matti.virtanen@acme.fi");
    expect(byTestId("request-changes-list").textContent).toContain("Maija Meikäläinen");

    const empty = rows.find((row) => row.dataset.requestId === "r-empty") as HTMLElement;
    click(inside(empty, "request-changes-open"));
    await waitFor(() => byTestId("request-changes-list-empty"));
    expect(byTestId("request-changes-list-empty").textContent).toContain("Pyynnön perusteella");
  });

  it("names the people, times and kinds of a request's meeting and deal changes, never their ids or slugs", async () => {
    const change = (field: string, record_kind: string, old_value: string | null, new_value: string | null) => ({
      change_id: `h-${field}-${record_kind}-${old_value ?? new_value}`,
      record_kind,
      record_id: record_kind === "meeting" ? "m-0193f0aa" : "d-0193f0bb",
      field,
      old_value,
      new_value,
      changed_by: "u-admin",
      changed_by_name: "Maija Meikäläinen",
      changed_at: "2026-11-28T08:00:00Z",
      request_id: "r-fix",
      old_label: null as string | null,
      new_label: null as string | null,
    });
    await startLoggedIn({
      request_list: () => [OPEN_REQUEST],
      request_changes: () => [
        { ...change("participant", "meeting", "p-virtanen", null), old_label: "Virtanen Matti" },
        change("participant", "meeting", null, "p-gone"),
        { ...change("person", "deal", null, "p-korhonen"), new_label: "Korhonen Liisa" },
        { ...change("organisation_id", "deal", "o-acme", null), old_label: "Acme Oy" },
        change("at", "meeting", "2026-11-20T10:00:00Z", "2026-11-21T12:30:00Z"),
        change("kind", "meeting", "call", "web-meeting"),
        change("status", "deal", "open", "won"),
        change("objection", "person", null, "direct-marketing"),
        change("deleted", "meeting", "2026-11-21T12:30:00Z", null),
      ],
    });
    click(byTestId("nav-requests"));
    await waitFor(() => byTestId("request-row"));
    click(inside(byTestId("request-row"), "request-changes-open"));
    await waitFor(() => byTestId("request-changes-list"));
    const text = byTestId("request-changes-list").textContent ?? "";
    for (const shown of [
      "Virtanen Matti",
      "Korhonen Liisa",
      "Acme Oy",
      "(henkilö poistettu rekisteristä)",
      "Tapaaminen: Osallistuja",
      "Kauppa: Henkilö",
      "Puhelu",
      "Verkkotapaaminen",
      "Avoin",
      "Voitettu",
      "Suoramarkkinointi",
      "Tapaaminen: Poistettu",
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toMatch(/20\.11\.2026 \d\d\.00/);
    for (const hidden of ["p-virtanen", "p-gone", "p-korhonen", "o-acme", "participant", "web-meeting", "direct-marketing", "T10:00", "2026-11-21"]) {
      expect(text).not.toContain(hidden);
    }

    language.set("en");
    await waitFor(() => expect(byTestId("request-changes-list").textContent).toContain("Meeting: Participant"));
    expect(byTestId("request-changes-list").textContent).toContain("(person removed from the register)");
    expect(byTestId("request-changes-list").textContent).toContain("Won");
  });
});
