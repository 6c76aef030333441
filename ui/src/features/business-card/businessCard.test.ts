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

  it("highlights the first organisation and Enter takes it; typed text alone never becomes an organisation", async () => {
    await startLoggedIn({
      search: (p) =>
        String(p.query).startsWith("vaahtera")
          ? [
              { record_kind: "organisation", record_id: "o-vaahtera", title: "Vaahterapuu Oy", subtitle: null, restricted: false },
              { record_kind: "organisation", record_id: "o-vaahtera2", title: "Vaahteramäen Sähkö", subtitle: null, restricted: false },
            ]
          : [],
      duplicate_check: () => [],
      business_card_save: () => ({ person_id: "p-new", organisation_id: "o-vaahtera", position_id: "pos-1" }),
    });
    click(byTestId("nav-business-card"));
    await waitFor(() => byTestId("business-card-form"));
    typeInto("card-first-name", "Matti");
    typeInto("card-surname", "Virtanen");

    // Typed but not chosen: saving is refused by the field, nothing is sent.
    typeInto("card-organisation", "Uusi Firma");
    expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("unchosen");
    press("Enter", { ctrlKey: true }, byTestId("card-surname"));
    await waitFor(() => byTestId("card-error-organisation"));
    expect(byTestId("card-error-organisation").textContent).toContain("Organisaatiota ei ole valittu");
    expect(document.activeElement).toBe(byTestId("card-organisation"));
    expect(callsOf("business_card_save")).toHaveLength(0);

    // The first match is highlighted as soon as it arrives; Enter takes it.
    typeInto("card-organisation", "vaahterap");
    await waitFor(() => expect(document.querySelectorAll('[data-testid="card-organisation-option"]')).toHaveLength(2));
    const first = document.querySelector('[data-testid="card-organisation-option"]')!;
    expect(first.getAttribute("aria-selected")).toBe("true");
    expect(first.classList.contains("active")).toBe(true);
    expect(byTestId("card-organisation").getAttribute("aria-activedescendant")).toBe(first.id);
    expect(byTestId("card-organisation-options").getAttribute("role")).toBe("listbox");
    // The explicit create choice is last, never highlighted by itself.
    expect(byTestId("card-organisation-create").textContent).toContain("Luo organisaatio ”vaahterap”?");
    expect(byTestId("card-organisation-create").getAttribute("aria-selected")).toBe("false");
    press("Enter", {}, byTestId("card-organisation"));
    expect(byTestId<HTMLInputElement>("card-organisation").value).toBe("Vaahterapuu Oy");
    expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("existing");
    expect(queryTestId("card-organisation-options")).toBeNull();
    expect(callsOf("business_card_save")).toHaveLength(0);

    press("Enter", { ctrlKey: true }, byTestId("card-surname"));
    await waitFor(() => byTestId("card-saved"));
    const saved = callsOf("business_card_save")[0].payload as { card: BusinessCard };
    expect(saved.card.organisation_id).toBe("o-vaahtera");
    expect(saved.card.new_organisation).toBeNull();
  });

  it("Enter pressed before the answer takes the first match; Escape closes only the suggestions", async () => {
    await openCard({
      search: () =>
        new Promise((resolve) =>
          setTimeout(
            () => resolve([{ record_kind: "organisation", record_id: "o-acme", title: "Acme Oy", subtitle: null, restricted: false }]),
            50,
          ),
        ),
      duplicate_check: () => [],
    });
    typeInto("card-organisation", "acm");
    press("Enter", {}, byTestId("card-organisation"));
    await waitFor(() => expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("existing"));
    expect(byTestId<HTMLInputElement>("card-organisation").value).toBe("Acme Oy");

    typeInto("card-organisation", "acme");
    await waitFor(() => byTestId("card-organisation-options"));
    press("ArrowDown", {}, byTestId("card-organisation"));
    expect(byTestId("card-organisation-create").getAttribute("aria-selected")).toBe("true");
    press("ArrowDown", {}, byTestId("card-organisation"));
    expect(document.querySelector('[data-testid="card-organisation-option"]')!.getAttribute("aria-selected")).toBe("true");
    press("Escape", {}, byTestId("card-organisation"));
    expect(queryTestId("card-organisation-options")).toBeNull();
    expect(byTestId("business-card-form")).toBeTruthy();
    expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("unchosen");
  });

  it("lets a sales rep choose to create a new organisation, saved as a prospect for office to complete", async () => {
    await openCard({
      search: () => [],
      duplicate_check: () => [],
      business_card_save: () => ({ person_id: "p-new", organisation_id: "o-new", position_id: "pos-1" }),
    });
    typeInto("card-organisation", "Messuilta Oy");
    // No matches: Enter only shows the list; the create choice must be chosen.
    await waitFor(() => byTestId("card-organisation-create"));
    press("Enter", {}, byTestId("card-organisation"));
    expect(byTestId("card-organisation-status").getAttribute("data-plan")).toBe("unchosen");
    press("ArrowDown", {}, byTestId("card-organisation"));
    press("Enter", {}, byTestId("card-organisation"));
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

  it("adds the typed card's new details to the existing person instead of throwing the card away", async () => {
    await openCard({
      duplicate_check: () => [CANDIDATE],
      person_page: () => personPage(),
      contact_add: (p) => ({ ...(p.contact as object), contact_id: "c-new" }),
    });
    typeInto("card-first-name", "Matti");
    typeInto("card-surname", "Virtanen");
    // The e-mail and the mobile (in another form) are on the person already; the phone is new.
    typeInto("card-email", "Matti.Virtanen@acme.fi");
    typeInto("card-mobile", "040 123 4567");
    typeInto("card-phone", "09 555 1234");
    await waitFor(() => byTestId("duplicate-add-details"));
    expect(byTestId("duplicate-add-details").textContent?.trim()).toBe("Lisää nämä tiedot olemassa olevalle henkilölle");
    click(byTestId("duplicate-add-details"));
    await waitFor(() => byTestId("card-saved"));
    expect(callsOf("business_card_save")).toHaveLength(0);
    expect(callsOf("contact_add").map((c) => c.payload)).toEqual([
      {
        person_id: "p-virtanen",
        organisation_id: null,
        contact: { kind: "phone", value: "09 555 1234", label: null, social_kind: null },
        source: { kind: "business-card", detail: null, obtained_on: null },
      },
    ]);
    expect(byTestId("card-saved").textContent).toContain("Lisätty henkilölle Matti Virtanen: 1 yhteystieto.");
    expect(byTestId<HTMLInputElement>("card-phone").value).toBe("");
    click(byTestId("card-saved-open"));
    await waitFor(() => byTestId("person-page"));
  });

  it("refreshes the warning's reason as the fields change and drops it when the reason is gone", async () => {
    await openCard({
      duplicate_check: (p) => {
        const card = p.card as BusinessCard;
        if (card.contacts.some((c) => c.kind === "email")) return [CANDIDATE];
        if (card.contacts.some((c) => c.kind === "mobile")) return [{ ...CANDIDATE, reason: "same-phone" }];
        return [];
      },
    });
    typeInto("card-email", "matti.virtanen@acme.fi");
    await waitFor(() => expect(byTestId("duplicate-reason").textContent).toBe("Sama sähköpostiosoite"));
    typeInto("card-mobile", "040 123 4567");
    typeInto("card-email", "");
    await waitFor(() => expect(byTestId("duplicate-reason").textContent).toBe("Sama puhelinnumero"));
    typeInto("card-mobile", "");
    await waitFor(() => expect(queryTestId("duplicate-warning")).toBeNull());
  });
});
