// Tests of business-card entry: the duplicate warning appears before saving, saving needs the
// "different person" tick (confirmed_new), a duplicate_suspected refusal shows the panel, and a
// field_invalid error shows by its field; after saving the form is cleared and focused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BusinessCard } from "../../lib/generated";
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
  typeInto,
  waitFor,
  type Handler,
} from "../../testing/harness";
import { personPage } from "../../testing/register";

beforeEach(resetAll);
afterEach(cleanUp);

const CANDIDATE = {
  person_id: "p-virtanen",
  surname: "Virtanen",
  first_name: "Matti",
  organisation_name: "Acme Oy",
  reason: "same-email",
};

async function openCard(overrides: Record<string, Handler> = {}, as = SALES) {
  await startLoggedIn(overrides, as);
  click(byTestId("nav-business-card"));
  await waitFor(() => byTestId("business-card-form"));
  expect(document.activeElement).toBe(byTestId("card-first-name"));
}

function fillCard() {
  typeInto("card-first-name", "Matti");
  typeInto("card-surname", "Virtanen");
  typeInto("card-title", "Toimitusjohtaja");
  typeInto("card-email", "matti.virtanen@acme.fi");
  typeInto("card-mobile", "040 123 4567");
}

describe("business card", () => {
  it("warns of a duplicate before saving and sends confirmed_new only after the tick", async () => {
    await openCard({
      duplicate_check: (p) => ((p.card as BusinessCard).contacts.length > 0 ? [CANDIDATE] : []),
      business_card_save: () => ({ person_id: "p-new", organisation_id: null, position_id: null }),
      person_page: () => personPage(),
    });
    fillCard();
    await waitFor(() => byTestId("duplicate-warning"));
    expect(callsOf("business_card_save")).toHaveLength(0);
    expect(byTestId("duplicate-warning").textContent).toContain("Matti Virtanen");
    expect(byTestId("duplicate-warning").textContent).toContain("Acme Oy");
    expect(byTestId("duplicate-reason").textContent).toBe("Sama sähköpostiosoite");
    const checked = callsOf("duplicate_check").slice(-1)[0]?.payload as { card: BusinessCard };
    expect(checked.card.contacts).toEqual([
      { kind: "email", value: "matti.virtanen@acme.fi", label: null, social_kind: null },
      { kind: "mobile", value: "040 123 4567", label: null, social_kind: null },
    ]);

    // Ctrl+Enter without the tick does not save; it asks for the tick.
    press("Enter", { ctrlKey: true }, byTestId("card-mobile"));
    await waitFor(() => byTestId("duplicate-confirm-needed"));
    expect(callsOf("business_card_save")).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(byTestId("duplicate-confirm")));

    click(byTestId("duplicate-confirm"));
    click(byTestId("card-save"));
    await waitFor(() => byTestId("card-saved"));
    expect(callsOf("business_card_save")).toHaveLength(1);
    const saved = callsOf("business_card_save")[0].payload as { card: BusinessCard; confirmed_new: boolean };
    expect(saved.confirmed_new).toBe(true);
    expect(saved.card).toEqual({
      person: { surname: "Virtanen", first_name: "Matti", other_first_names: null },
      organisation_id: null,
      new_organisation: null,
      title: "Toimitusjohtaja",
      contacts: [
        { kind: "email", value: "matti.virtanen@acme.fi", label: null, social_kind: null },
        { kind: "mobile", value: "040 123 4567", label: null, social_kind: null },
      ],
      source: { kind: "business-card", detail: null, obtained_on: null },
    });

    // Cleared and focused for the next card; the link opens the new person.
    expect(byTestId("card-saved").textContent).toContain("Tallennettu: Matti Virtanen.");
    expect(byTestId<HTMLInputElement>("card-first-name").value).toBe("");
    expect(byTestId<HTMLInputElement>("card-email").value).toBe("");
    await waitFor(() => expect(document.activeElement).toBe(byTestId("card-first-name")));
    expect(queryTestId("duplicate-warning")).toBeNull();
    click(byTestId("card-saved-open"));
    await waitFor(() => byTestId("person-page"));
    expect(callsOf("person_page")[0].payload).toEqual({ person_id: "p-new" });
  });

  it("opens the existing person from the warning", async () => {
    await openCard({ duplicate_check: () => [CANDIDATE], person_page: () => personPage() });
    typeInto("card-email", "matti.virtanen@acme.fi");
    await waitFor(() => byTestId("duplicate-open"));
    click(byTestId("duplicate-open"));
    await waitFor(() => byTestId("person-name"));
    expect(callsOf("person_page")[0].payload).toEqual({ person_id: "p-virtanen" });
  });

  it("shows the panel when saving is refused with duplicate_suspected", async () => {
    let checks = 0;
    await openCard({
      // The check finds nothing while typing; the save is refused all the same.
      duplicate_check: () => (checks++ === 0 ? [] : [CANDIDATE]),
      business_card_save: (p) =>
        p.confirmed_new
          ? { person_id: "p-new", organisation_id: null, position_id: null }
          : Promise.reject(
              appError("duplicate_suspected", "Henkilö voi olla jo rekisterissä.", "The person may be in the register.", {
                person_ids: ["p-virtanen"],
              }),
            ),
    });
    typeInto("card-first-name", "Matti");
    typeInto("card-surname", "Virtanen");
    typeInto("card-email", "m.virtanen@acme.fi");
    await waitFor(() => expect(checks).toBe(1));
    expect(queryTestId("duplicate-warning")).toBeNull();
    click(byTestId("card-save"));
    await waitFor(() => byTestId("duplicate-warning"));
    expect(callsOf("business_card_save")[0].payload).toMatchObject({ confirmed_new: false });
    expect(byTestId("duplicate-warning").textContent).toContain("Matti Virtanen");
    expect(queryTestId("card-saved")).toBeNull();

    click(byTestId("duplicate-confirm"));
    click(byTestId("card-save"));
    await waitFor(() => byTestId("card-saved"));
    expect(callsOf("business_card_save")[1].payload).toMatchObject({ confirmed_new: true });
  });

  it("shows a field_invalid e-mail error next to the e-mail field, in the chosen language", async () => {
    await openCard({
      duplicate_check: () => [],
      business_card_save: () =>
        Promise.reject(
          appError("field_invalid", "Sähköpostiosoite ei kelpaa.", "The e-mail address is not valid.", {
            field: "email",
            rule: "email",
          }),
        ),
    });
    typeInto("card-first-name", "Matti");
    typeInto("card-surname", "Virtanen");
    typeInto("card-email", "matti@");
    click(byTestId("card-save"));
    await waitFor(() => byTestId("card-error-email"));
    expect(byTestId("card-error-email").textContent?.trim()).toBe("Sähköpostiosoite ei kelpaa.");
    expect(byTestId("card-email").getAttribute("aria-invalid")).toBe("true");
    expect(byTestId("card-email").parentElement?.contains(byTestId("card-error-email"))).toBe(true);
    expect(queryTestId("card-error")).toBeNull();
    click(byTestId("language-en"));
    expect(byTestId("card-error-email").textContent?.trim()).toBe("The e-mail address is not valid.");
  });

  it("picks an existing organisation by keyboard, or keeps typed text as a new one when the role allows", async () => {
    await startLoggedIn({
      search: () => [{ record_kind: "organisation", record_id: "o-acme", title: "Acme Oy", subtitle: null, restricted: false }],
      duplicate_check: () => [],
      business_card_save: () => ({ person_id: "p-new", organisation_id: "o-new", position_id: "pos-1" }),
    });
    click(byTestId("nav-business-card"));
    await waitFor(() => byTestId("business-card-form"));
    typeInto("card-organisation", "Uusi Firma");
    expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("new");
    typeInto("card-organisation", "acm");
    await waitFor(() => byTestId("card-organisation-option"));
    press("ArrowDown", {}, byTestId("card-organisation"));
    press("Enter", {}, byTestId("card-organisation"));
    expect(byTestId<HTMLInputElement>("card-organisation").value).toBe("Acme Oy");
    expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("existing");
    expect(callsOf("business_card_save")).toHaveLength(0);

    typeInto("card-first-name", "Matti");
    typeInto("card-surname", "Virtanen");
    press("Enter", { ctrlKey: true }, byTestId("card-surname"));
    await waitFor(() => byTestId("card-saved"));
    const saved = callsOf("business_card_save")[0].payload as { card: BusinessCard };
    expect(saved.card.organisation_id).toBe("o-acme");
    expect(saved.card.new_organisation).toBeNull();
  });

  it("lets a sales rep name a new organisation, saved as a prospect for office to complete", async () => {
    await openCard({
      duplicate_check: () => [],
      business_card_save: () => ({ person_id: "p-new", organisation_id: "o-new", position_id: "pos-1" }),
    });
    typeInto("card-organisation", "Messuilta Oy");
    expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("new");
    expect(byTestId("card-organisation-prospect").textContent).toContain("prospektina");
    typeInto("card-first-name", "Mikko");
    typeInto("card-surname", "Messu");
    press("Enter", { ctrlKey: true }, byTestId("card-surname"));
    await waitFor(() => byTestId("card-saved"));
    const saved = callsOf("business_card_save")[0].payload as { card: BusinessCard };
    expect(saved.card.new_organisation?.name).toBe("Messuilta Oy");
    expect(saved.card.new_organisation?.business_id).toBeNull();
  });
});
