// Tests of restriction of processing and objection on the person page (the banner for every role, the
// lift and the forms for the administrator, each asked once), the marker in search results and lists, and
// the erasure's name matches (listed with the text around the name, redacted after one question) and
// retention's id-only redaction to-dos.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NameMatch, PersonPage, Restriction } from "../../lib/generated";
import {
  SALES,
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

const RESTRICTION: Restriction = {
  restriction_id: "rs-1",
  person_id: "p-virtanen",
  reason: "Kiistää sähköpostiosoitteen oikeellisuuden",
  from_on: "2026-11-26",
  until_on: "2026-12-31",
  set_by: "u-admin",
  set_by_name: "Maija Meikäläinen",
  set_at: "2026-11-26T09:00:00Z",
  request_id: null,
  lifted_reason: null,
  lifted_by: null,
  lifted_by_name: null,
  lifted_at: null,
  lift_request_id: null,
};

function restrictedPage(): PersonPage {
  return { ...personPage(), restrictions: [RESTRICTION] };
}

async function openVirtanen(overrides: Record<string, Handler> = {}, as = undefined as typeof SALES | undefined) {
  await startLoggedIn({ search: () => HITS, person_page: () => personPage(), ...overrides }, as);
  typeInto("search-input", "virtanen");
  await waitFor(() => byTestId("search-hit"));
  press("Enter", {}, byTestId("search-input"));
  await waitFor(() => byTestId("person-name"));
}

describe("restriction banner", () => {
  it("tells a sales rep that the person is restricted, with no way to lift it", async () => {
    await openVirtanen({ person_page: () => restrictedPage() }, SALES);
    const banner = byTestId("restriction-banner");
    expect(banner.textContent).toContain("Käsittely rajoitettu");
    expect(banner.textContent).toContain("26.11.2026 alkaen");
    expect(byTestId("restriction-reason").textContent).toBe("Syy: Kiistää sähköpostiosoitteen oikeellisuuden");
    expect(banner.textContent).toContain("vain ylläpitäjä voi muuttaa");
    expect(byTestId("restriction-until").textContent).toContain("31.12.2026");
    expect(queryTestId("restriction-lift-open")).toBeNull();
    expect(queryTestId("restriction-forms")).toBeNull();
  });

  it("shows a refused edit's own message from the backend", async () => {
    await openVirtanen(
      {
        person_page: () => restrictedPage(),
        person_edit: () =>
          Promise.reject(
            appError(
              "person_restricted",
              "Henkilön tietojen käsittely on rajoitettu, joten vain ylläpitäjä voi muuttaa hänen tietojaan.",
              "Processing is restricted.",
              { person_id: "p-virtanen" },
            ),
          ),
      },
      SALES,
    );
    click(byTestId("person-edit"));
    typeInto("person-edit-surname", "Virtanen-Laine");
    submitForm("person-edit-form");
    await waitFor(() => expect(byTestId("person-edit-error").textContent).toContain("vain ylläpitäjä"));
  });

  it("lets the administrator lift it with a reason after one question", async () => {
    let lifted = false;
    await openVirtanen({
      person_page: () => (lifted ? personPage() : restrictedPage()),
      restriction_lift: () => {
        lifted = true;
        return { ...RESTRICTION, lifted_reason: "Tarkistettu", lifted_at: "2026-11-27T10:00:00Z" };
      },
    });
    expect(byTestId("restriction-banner").textContent).toContain("sinä voit");
    click(byTestId("restriction-lift-open"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("restriction-lift-reason")));
    typeInto("restriction-lift-reason", "Osoite tarkistettu");
    submitForm("restriction-lift-form");
    await waitFor(() => byTestId("confirm-dialog"));
    expect(callsOf("restriction_lift")).toHaveLength(0);
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(queryTestId("restriction-banner")).toBeNull());
    expect(callsOf("restriction_lift")[0].payload).toEqual({
      person_id: "p-virtanen",
      reason: "Osoite tarkistettu",
      request_id: null,
    });
    expect(byTestId("person-message").textContent).toBe("Rajoitus purettu.");
  });

  it("says at once that lifting needs a reason, and Esc closes the lift back to its button", async () => {
    await openVirtanen({ person_page: () => restrictedPage() });
    click(byTestId("restriction-lift-open"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("restriction-lift-reason")));
    submitForm("restriction-lift-form");
    await waitFor(() => byTestId("restriction-lift-error"));
    expect(byTestId("restriction-lift-error").textContent).toContain("Kirjoita purkamisen syy");
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(callsOf("restriction_lift")).toHaveLength(0);
    expect(byTestId("restriction-lift-reason").getAttribute("aria-invalid")).toBe("true");

    press("Escape", {}, byTestId("restriction-lift-reason"));
    await waitFor(() => expect(queryTestId("restriction-lift-form")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(byTestId("restriction-lift-open")));
  });

  it("says at once that a restriction needs a reason, and Esc closes the form back to its button", async () => {
    await openVirtanen({ request_list: () => [] });
    click(byTestId("restrict-open"));
    await waitFor(() => expect(document.activeElement).toBe(byTestId("restrict-reason")));
    submitForm("restrict-form");
    await waitFor(() => byTestId("restrict-error"));
    expect(byTestId("restrict-error").textContent).toContain("Kirjoita rajoituksen syy");
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(callsOf("restriction_set")).toHaveLength(0);
    expect(byTestId("restrict-reason").getAttribute("aria-invalid")).toBe("true");

    press("Escape", {}, byTestId("restrict-reason"));
    await waitFor(() => expect(queryTestId("restrict-form")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(byTestId("restrict-open")));
  });

  it("restricts and records an objection from the rights section, each asked once", async () => {
    await openVirtanen({
      request_list: () => [
        {
          request_id: "r-restrict",
          kind: "restriction",
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
          created_at: "2026-11-26T09:00:00Z",
        },
      ],
      restriction_set: () => RESTRICTION,
      objection_record: () => ({
        objection: {
          objection_id: "ob-1",
          person_id: "p-virtanen",
          purpose: "direct-marketing",
          reason: null,
          objected_on: "2026-11-27",
          recorded_by: "u-admin",
          recorded_by_name: "Maija Meikäläinen",
          recorded_at: "2026-11-27T10:00:00Z",
          request_id: null,
        },
        consent_withdrawn: null,
        suppressed_emails: 2,
      }),
    });
    click(byTestId("restrict-open"));
    await waitFor(() => expect(byTestId<HTMLSelectElement>("restrict-request").value).toBe("r-restrict"));
    typeInto("restrict-reason", "Kiistää tiedot");
    typeInto("restrict-until", "31.12.2026");
    submitForm("restrict-form");
    await waitFor(() => byTestId("confirm-dialog"));
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(callsOf("restriction_set")).toHaveLength(1));
    expect(callsOf("restriction_set")[0].payload).toEqual({
      restriction: { person_id: "p-virtanen", reason: "Kiistää tiedot", from_on: null, until_on: "31.12.2026" },
      request_id: "r-restrict",
    });
    await waitFor(() => expect(byTestId("person-message").textContent).toBe("Käsittely rajoitettu."));

    click(byTestId("objection-open"));
    await waitFor(() => byTestId("objection-request"));
    expect(byTestId<HTMLSelectElement>("objection-request").value).toBe("");
    typeInto("objection-reason", "Ei halua markkinointia");
    submitForm("objection-form");
    await waitFor(() => byTestId("confirm-dialog"));
    expect(byTestId("confirm-question").textContent).toContain("markkinointikieltoon");
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(callsOf("objection_record")).toHaveLength(1));
    expect(callsOf("objection_record")[0].payload).toEqual({
      objection: {
        person_id: "p-virtanen",
        purpose: "direct-marketing",
        reason: "Ei halua markkinointia",
        objected_on: null,
        channel: "email",
      },
      request_id: null,
    });
    await waitFor(() => expect(byTestId("person-message").textContent).toContain("lisättiin 2 sähköpostiosoitetta"));
  });
});

describe("restricted marker", () => {
  it("marks a restricted person in search results and in the people list", async () => {
    await startLoggedIn({
      search: () => [{ ...HITS[0], restricted: true }, HITS[1]],
      person_list: (p) => {
        const page = peoplePage(Number(p.offset), Number(p.limit), 2);
        page.items[0] = { ...page.items[0], restricted: true };
        return page;
      },
    });
    typeInto("search-input", "virta");
    await waitFor(() => byTestId("search-hit"));
    const hits = [...document.querySelectorAll<HTMLElement>('[data-testid="search-hit"]')];
    expect(hits[0].querySelector('[data-testid="restricted-mark"]')?.textContent).toBe("Rajoitettu");
    expect(hits[1].querySelector('[data-testid="restricted-mark"]')).toBeNull();

    click(byTestId("nav-people"));
    await waitFor(() => byTestId("people-row"));
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="people-row"]')];
    expect(rows[0].textContent).toContain("Rajoitettu");
    expect(rows[1].textContent).not.toContain("Rajoitettu");
  });
});

describe("retention's redaction to-dos", () => {
  it("lists the ids retention left, links to the page and marks one read after one question", async () => {
    let done = false;
    await startLoggedIn({
      retention_rules: () => [],
      retention_runs: () => [],
      redaction_todos: () =>
        done
          ? []
          : [
              {
                todo_id: "td-1",
                run_id: "run-1",
                receipt_id: "er-1",
                record_kind: "meeting",
                record_id: "m-7",
                field: "subject",
                found_at: "2026-11-27T03:00:00Z",
                open_kind: "organisation",
                open_id: "o-acme",
              },
            ],
      redaction_todo_done: () => {
        done = true;
        return null;
      },
    });
    click(byTestId("nav-retention"));
    await waitFor(() => byTestId("redaction-todo"));
    const todo = byTestId("redaction-todo");
    expect(todo.textContent).toContain("Tapaaminen");
    expect(todo.textContent).toContain("aihe");
    expect(todo.textContent).toContain("27.11.2026");
    expect(byTestId("redaction-todo-open").textContent).toContain("Organisaatio");
    click(byTestId("redaction-todo-done"));
    await waitFor(() => byTestId("confirm-yes"));
    expect(callsOf("redaction_todo_done")).toHaveLength(0);
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("redaction-todos-empty"));
    expect(callsOf("redaction_todo_done")[0].payload).toEqual({ todo_id: "td-1" });
  });
});

const MATCH: NameMatch = {
  record_kind: "meeting",
  record_id: "m-7",
  field: "subject",
  link_kind: "meeting",
  link_id: "m-7",
  open_kind: "person",
  open_id: "p-korhonen",
  excerpt: "Tarjous: Matti Virtanen soitti",
  count: 2,
};

describe("erasure name matches", () => {
  it("lists each field that names the person and redacts it after one question before erasing", async () => {
    let redacted = false;
    await openVirtanen({
      erasure_check: () => [],
      erasure_matches: () => (redacted ? [] : [MATCH]),
      redact: () => {
        redacted = true;
        return { target: MATCH, replaced: 2, history_rewritten: 0 };
      },
      request_list: () => [],
    });
    click(byTestId("erase-open"));
    await waitFor(() => byTestId("erasure-match"));
    const match = byTestId("erasure-match");
    expect(match.textContent).toContain("Tapaaminen");
    expect(match.textContent).toContain("aihe");
    expect(byTestId("erasure-match-excerpt").textContent).toBe("Tarjous: Matti Virtanen soitti");
    expect(byTestId("erasure-match-open").textContent).toContain("Avaa: Henkilö");
    expect(queryTestId("confirm-dialog")).toBeNull();

    click(byTestId("erasure-match-redact"));
    await waitFor(() => byTestId("confirm-dialog"));
    expect(callsOf("redact")).toHaveLength(0);
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("erasure-matches-empty"));
    expect(callsOf("redact")[0].payload).toEqual({
      person_id: "p-virtanen",
      target: { record_kind: "meeting", record_id: "m-7", field: "subject" },
    });
    expect(byTestId("erasure-match-message").textContent).toBe("Nimi poistettu (2 kohtaa).");

    click(byTestId("erasure-matches-continue"));
    await waitFor(() => byTestId("erase-details"));
    expect(callsOf("erase")).toHaveLength(0);
  });

  it("says so when the text changed meanwhile and reads the list again", async () => {
    await openVirtanen({
      erasure_check: () => [],
      erasure_matches: () => [MATCH],
      redact: () =>
        Promise.reject(
          appError("redaction_stale", "Teksti ei enää mainitse henkilön nimeä.", "The text no longer names the person.", {}),
        ),
    });
    click(byTestId("erase-open"));
    await waitFor(() => byTestId("erasure-match"));
    click(byTestId("erasure-match-redact"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(byTestId("erasure-match-error").textContent).toContain("ei enää mainitse"));
    expect(callsOf("erasure_matches").length).toBe(2);
  });
});
