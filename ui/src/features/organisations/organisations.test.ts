// Tests of the organisation's page and what each role is offered: office staff add organisations,
// contacts and service elements; a sales rep sees none of those controls; deals as the role allows.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Session } from "../../lib/generated";
import {
  ADMIN,
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
} from "../../testing/harness";
import { ACME, HITS, ORGANISATION_PAGE, SOURCE } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

const OFFICE: Session = { user_id: "u-office", username: "paivi", display_name: "Päivi Toimisto", role: "office" };

async function openAcme(as: Session, overrides = {}) {
  await startLoggedIn(
    {
      search: () => HITS,
      organisation_page: () => ORGANISATION_PAGE,
      organisation_list: () => ({ total: 1, items: [ACME] }),
      deal_list: () => ({ total: 0, items: [] }),
      ...overrides,
    },
    as,
  );
  typeInto("search-input", "acme");
  await waitFor(() => byTestId("search-hit"));
  press("ArrowDown", {}, byTestId("search-input"));
  press("ArrowDown", {}, byTestId("search-input"));
  press("Enter", {}, byTestId("search-input"));
  await waitFor(() => byTestId("organisation-name"));
}

describe("organisation page", () => {
  it("shows kind, Y-tunnus, customer dates and the units tree; office staff may add elements", async () => {
    await openAcme(OFFICE, {
      element_add: () => ({
        element_id: "e-1",
        kind: "licence",
        vendor: "Microsoft",
        identifier: "ABC-123",
        organisation_id: "o-acme",
        organisation_name: "Acme Oy",
        person_id: null,
        person_name: null,
        valid_from: null,
        valid_to: null,
      }),
    });
    expect(callsOf("organisation_page")[0].payload).toEqual({ organisation_id: "o-acme" });
    expect(byTestId("organisation-name").textContent).toBe("Acme Oy");
    expect(byTestId("organisation-kind").textContent).toBe("Yritys");
    expect(byTestId("organisation-business-id").textContent).toBe("1234567-1");
    expect(byTestId("organisation-customer-since").textContent?.trim()).toBe("1.1.2020");
    expect(byTestId("organisation-units").textContent).toContain("Acme Oy, Tampereen yksikkö");
    expect(byTestId("organisation-people-empty")).toBeTruthy();
    expect(queryTestId("organisation-edit")).not.toBeNull();
    // Office staff record RFQs and information requests as they arrive.
    expect(queryTestId("organisation-deal-add")).not.toBeNull();

    click(byTestId("element-add"));
    typeInto("element-add-vendor", "Microsoft");
    typeInto("element-add-identifier", "ABC-123");
    submitForm("element-add-form");
    await waitFor(() => expect(callsOf("element_add")).toHaveLength(1));
    expect(callsOf("element_add")[0].payload).toEqual({
      element: {
        kind: "licence",
        vendor: "Microsoft",
        identifier: "ABC-123",
        organisation_id: "o-acme",
        person_id: null,
        valid_from: null,
        valid_to: null,
      },
    });
  });

  it("gives a sales rep no organisation-add, edit, contact-add or element-add controls", async () => {
    await openAcme(SALES);
    for (const id of ["organisation-edit", "element-add", "contact-add"]) {
      expect(queryTestId(id), id).toBeNull();
    }
    expect(queryTestId("organisation-deal-add")).not.toBeNull();
    click(byTestId("nav-organisations"));
    await waitFor(() => byTestId("organisation-row"));
    expect(queryTestId("organisation-add")).toBeNull();

    click(byTestId("nav-deals"));
    await waitFor(() => byTestId("deals-empty"));
    click(byTestId("deal-add"));
    const kinds = [...byTestId<HTMLSelectElement>("deal-form-kind").options].map((option) => option.value);
    expect(kinds).toEqual(["lead", "offer"]);
    for (const command of ["organisation_add", "organisation_edit", "element_add"]) {
      expect(callsOf(command), command).toHaveLength(0);
    }
  });

  it("lets an administrator add an organisation and shows a Y-tunnus error by its field", async () => {
    await startLoggedIn(
      {
        organisation_list: () => ({ total: 0, items: [] }),
        organisation_add: () =>
          Promise.reject({
            code: "field_invalid",
            params: { field: "business_id", rule: "business_id" },
            message: { fi: "Y-tunnuksen tarkiste ei täsmää.", en: "The business ID check digit does not match." },
          }),
      },
      ADMIN,
    );
    click(byTestId("nav-organisations"));
    await waitFor(() => byTestId("organisations-empty"));
    click(byTestId("organisation-add"));
    typeInto("org-form-name", "Uusi Oy");
    typeInto("org-form-business-id", "1234567-2");
    submitForm("organisation-form");
    await waitFor(() => byTestId("org-form-error-business-id"));
    expect(byTestId("org-form-error-business-id").textContent?.trim()).toBe("Y-tunnuksen tarkiste ei täsmää.");
    expect(callsOf("organisation_add")[0].payload).toEqual({
      organisation: {
        name: "Uusi Oy",
        kind: "company",
        parent_id: null,
        business_id: "1234567-2",
        customer_since: null,
        customer_until: null,
      },
    });
  });
});

describe("deals", () => {
  it("filters by kind and status with offset/limit paging", async () => {
    await startLoggedIn({
      deal_list: () => ({
        total: 1,
        items: [
          {
            deal_id: "d-1",
            kind: "offer",
            organisation_id: "o-acme",
            organisation_name: "Acme Oy",
            title: "Huoltosopimus 2027",
            status: "open",
            start_on: "2026-12-01",
            end_on: null,
            notes: null,
            people: [],
          },
        ],
      }),
    });
    click(byTestId("nav-deals"));
    await waitFor(() => byTestId("deal-row"));
    expect(byTestId("deal-row").textContent).toContain("Huoltosopimus 2027");
    expect(byTestId("deal-row").textContent).toContain("Tarjous");
    expect(callsOf("deal_list")[0].payload).toEqual({ filter: { kind: null, status: null, offset: 0, limit: 200 } });
    typeInto("deals-filter-kind", "offer");
    typeInto("deals-filter-status", "open");
    await waitFor(() =>
      expect(callsOf("deal_list").slice(-1)[0]?.payload).toEqual({
        filter: { kind: "offer", status: "open", offset: 0, limit: 200 },
      }),
    );
  });
});

describe("deal history", () => {
  it("shows an edited deal's history under its form, the people by name, or says nothing has changed", async () => {
    const DEAL = {
      deal_id: "d-1",
      kind: "offer" as const,
      organisation_id: "o-acme",
      organisation_name: "Acme Oy",
      title: "Tarjous 13",
      status: "won" as const,
      start_on: null,
      end_on: null,
      notes: null,
      people: [],
    };
    const change = (field: string, old_value: string | null, new_value: string | null) => ({
      change_id: `h-${field}-${old_value}-${new_value}`,
      record_kind: "deal",
      record_id: "d-1",
      field,
      old_value,
      new_value,
      changed_by: "u-admin",
      changed_by_name: "Maija Meikäläinen",
      changed_at: "2026-11-28T08:00:00Z",
      request_id: null,
      old_label: null as string | null,
      new_label: null as string | null,
    });
    await startLoggedIn({
      deal_list: () => ({ total: 2, items: [DEAL, { ...DEAL, deal_id: "d-2", title: "Uusi" }] }),
      record_history: (p) =>
        p.record_id === "d-1"
          ? [
              { ...change("person", null, "p-korhonen"), new_label: "Korhonen Liisa" },
              change("status", "open", "won"),
              change("title", "Tarjous 12", "Tarjous 13"),
            ]
          : [],
    });
    click(byTestId("nav-deals"));
    await waitFor(() => byTestId("deal-row"));
    click(byTestId("deal-row"));
    await waitFor(() => byTestId("deal-history-list"));
    expect(callsOf("record_history")[0].payload).toEqual({ record_kind: "deal", record_id: "d-1" });
    const text = byTestId("deal-history-list").textContent ?? "";
    for (const shown of ["Korhonen Liisa", "Avoin", "Voitettu", "Tarjous 12", "Maija Meikäläinen"]) expect(text).toContain(shown);
    expect(text).not.toContain("p-korhonen");

    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="deal-row"]')];
    click(rows[1]);
    await waitFor(() => byTestId("deal-history-list-empty"));
  });
});

describe("organisation contact corrections", () => {
  const withSwitchboard = () => ({
    ...ORGANISATION_PAGE,
    contacts: [
      {
        contact_id: "c-org",
        person_id: null,
        organisation_id: "o-acme",
        kind: "phone" as const,
        label: "vaihde",
        value: "+35891234567",
        display: "09 1234567",
        social_kind: null,
        source: SOURCE,
        retired_at: null,
      },
    ],
  });

  it("offers office staff the corrections of an organisation's contact data, and a sales rep none", async () => {
    await openAcme(OFFICE, {
      organisation_page: withSwitchboard,
      contact_edit: () => withSwitchboard().contacts[0],
    });
    click(byTestId("contact-edit"));
    typeInto("contact-edit-value", "09 7654321");
    submitForm("contact-edit-form");
    await waitFor(() => expect(callsOf("contact_edit")).toHaveLength(1));
    expect(callsOf("contact_edit")[0].payload).toEqual({ contact_id: "c-org", value: "09 7654321", request_id: null });
    cleanUp();
    resetAll();

    await openAcme(SALES, { organisation_page: withSwitchboard });
    expect(byTestId("contact-value").textContent).toBe("09 1234567");
    expect(queryTestId("contact-edit")).toBeNull();
    expect(queryTestId("contact-delete")).toBeNull();
  });
});

describe("prospect organisations", () => {
  const PROSPECT = { ...ACME, organisation_id: "o-messu", name: "Messuilta Oy", business_id: null, prospect: true };

  it("shows 'prospect, Y-tunnus missing' on the page and lists prospects for office", async () => {
    await openAcme(OFFICE, {
      organisation_page: () => ({ ...ORGANISATION_PAGE, organisation: PROSPECT }),
      organisation_prospects: () => [PROSPECT],
    });
    expect(byTestId("organisation-prospect").textContent?.trim()).toBe("Prospekti, Y-tunnus puuttuu");
    click(byTestId("nav-organisations"));
    await waitFor(() => byTestId("organisation-prospect-item"));
    expect(byTestId("organisation-prospects").textContent).toContain("Messuilta Oy");
  });

  it("does not ask a sales rep's screen for prospects and shows no badge on a customer", async () => {
    await openAcme(SALES);
    expect(queryTestId("organisation-prospect")).toBeNull();
    click(byTestId("nav-organisations"));
    await waitFor(() => byTestId("organisations-screen"));
    expect(callsOf("organisation_prospects")).toHaveLength(0);
  });

  it("lets an admin merge an organisation created by mistake into another, and says why a removal is refused", async () => {
    const VAAHTERA = { ...ACME, organisation_id: "o-vaahtera", name: "Vaahterapuu Oy", business_id: null };
    await openAcme(ADMIN, {
      search: (p: Record<string, unknown>) =>
        String(p.query).startsWith("vaaht")
          ? [{ record_kind: "organisation", record_id: "o-vaahtera", title: "Vaahterapuu Oy", subtitle: null, restricted: false }]
          : HITS,
      organisation_remove: () =>
        Promise.reject(
          appError(
            "organisation_in_use",
            "Organisaatiota Acme Oy ei voi poistaa, koska siihen viittaa 2 tehtävää. Mitään ei poistettu.",
            "The organisation Acme Oy cannot be removed because 2 positions refer to it. Nothing was removed.",
            { organisation_id: "o-acme", positions: 2 },
          ),
        ),
      organisation_merge: () => VAAHTERA,
    });
    expect(byTestId("organisation-mistake")).toBeTruthy();

    // Removal asks first, then shows the refusal in words.
    click(byTestId("organisation-remove"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("organisation-mistake-error"));
    expect(byTestId("organisation-mistake-error").textContent).toContain("2 tehtävää");
    expect(callsOf("organisation_remove")).toEqual([{ cmd: "organisation_remove", payload: { organisation_id: "o-acme" } }]);

    // Merging needs an organisation picked from the list.
    click(byTestId("organisation-merge"));
    await waitFor(() => byTestId("organisation-merge-pick"));
    typeInto("organisation-merge-into", "vaaht");
    await waitFor(() => byTestId("organisation-merge-into-option"));
    press("Enter", {}, byTestId("organisation-merge-into"));
    expect(byTestId<HTMLInputElement>("organisation-merge-into").value).toBe("Vaahterapuu Oy");
    click(byTestId("organisation-merge"));
    await waitFor(() => byTestId("confirm-yes"));
    expect(document.body.textContent).toContain("Yhdistetäänkö Acme Oy organisaatioon Vaahterapuu Oy?");
    click(byTestId("confirm-yes"));
    await waitFor(() => expect(callsOf("organisation_merge")).toHaveLength(1));
    expect(callsOf("organisation_merge")[0].payload).toEqual({ organisation_id: "o-acme", into_id: "o-vaahtera" });
    // The kept organisation's page opens in place of the merged one.
    await waitFor(() => expect(callsOf("organisation_page").length).toBeGreaterThan(1));
  });

  it("offers merge and removal to admins only", async () => {
    await openAcme(OFFICE);
    expect(queryTestId("organisation-mistake")).toBeNull();
  });
});
