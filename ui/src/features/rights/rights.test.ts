// Tests of the people's-rights UI: the access extract in two clicks, erasure (blocked, and asked once
// then the receipt), consent withdrawal, processors and transfers (Privacy Shield refused, flagged
// transfers), request deadlines on the admin home, the request log, the marketing export, and role hiding.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ConsentEvent,
  ErasureReceipt,
  MarketingContact,
  Processor,
  Request,
  Session,
  Transfer,
} from "../../lib/generated";
import {
  ADMIN_COMMANDS,
  SALES,
  appError,
  byTestId,
  calls,
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
import { HITS, personPage } from "../../testing/register";
import { addDays, defaultExportFile, earliestErasureOn, isoToday, urgencyOf } from "./rights";

beforeEach(resetAll);
afterEach(cleanUp);

const OFFICE: Session = { user_id: "u-office", username: "paivi", display_name: "Päivi Toimisto", role: "office" };

const GIVEN: ConsentEvent = {
  consent_event_id: "ce-1",
  person_id: "p-virtanen",
  purpose: "direct-marketing",
  kind: "given",
  at: "2026-03-01T10:00:00Z",
  channel: "form",
  wording_version: "markkinointi-2026",
  evidence: "Messulomake, mappi 3",
  recorded_by: "u-office",
  recorded_by_name: "Päivi Toimisto",
};

const RECEIPT = {
  receipt_id: "er-1",
  person_id: "p-virtanen",
  request_id: "r-erase",
  erased_at: "2026-11-27T12:00:00Z",
  erased_by: "u-admin",
  reason: "request",
  counts: {
    contacts: 2,
    positions: 2,
    sources: 3,
    consent_events: 1,
    disclosures: 0,
    history_entries: 1,
    meetings_unlinked: 1,
    deals_unlinked: 0,
    service_elements_unlinked: 0,
    suppression_hashes: 1,
  },
  notes_to_review: [{ record_kind: "meeting", record_id: "m-1", on: "2026-10-01T09:00:00.000Z", of: "Rakennus Oy" }],
} as unknown as ErasureReceipt;

function request(overrides: Partial<Request> = {}): Request {
  const today = isoToday();
  return {
    request_id: "r-1",
    kind: "access",
    received_on: addDays(today, -20),
    channel: "email",
    person_id: "p-virtanen",
    person_name: "Virtanen Matti",
    identity_method: null,
    identity_checked_on: null,
    identity_checked_by_name: null,
    due_on: addDays(today, 10),
    extended_due_on: null,
    extension_reason: null,
    status: "open",
    closed_on: null,
    outcome: null,
    ...overrides,
  };
}

const PROCESSOR: Processor = {
  processor_id: "pr-1",
  name: "Webinaari Inc.",
  service: "Webinaarialusta",
  purpose: "Asiakastilaisuudet",
  agreement_reference: "DPA-2024-07",
  agreement_date: "2024-07-01",
  processing_location: "Yhdysvallat",
  ended_on: null,
};

async function openVirtanen(overrides: Record<string, Handler> = {}, as?: Session) {
  await startLoggedIn({ search: () => HITS, person_page: () => personPage(), ...overrides }, as);
  typeInto("search-input", "virtanen");
  await waitFor(() => byTestId("search-hit"));
  press("Enter", {}, byTestId("search-input"));
  await waitFor(() => byTestId("person-name"));
}

describe("access extract", () => {
  it("takes two clicks from the person page: open, then save to the default folder", async () => {
    await openVirtanen({
      extract_default_folder: () => "/home/maija/Lataukset",
      extract: (p) => ({
        pdf_path: `${String(p.out_dir)}/tietopyynto-p-virtanen.pdf`,
        json_path: `${String(p.out_dir)}/tietopyynto-p-virtanen.json`,
        manifest_path: `${String(p.out_dir)}/tietopyynto-p-virtanen.manifest.json`,
        pdf_sha256: "a".repeat(64),
        json_sha256: "b".repeat(64),
      }),
    });
    click(byTestId("extract-open"));
    await waitFor(() => expect(byTestId<HTMLInputElement>("extract-folder").value).toBe("/home/maija/Lataukset"));
    expect(byTestId<HTMLSelectElement>("extract-language").value).toBe("fi");
    await waitFor(() => expect(byTestId<HTMLButtonElement>("extract-save").disabled).toBe(false));
    click(byTestId("extract-save"));
    await waitFor(() => byTestId("extract-done"));
    expect(callsOf("extract")).toHaveLength(1);
    expect(callsOf("extract")[0].payload).toEqual({
      person_id: "p-virtanen",
      language: "fi",
      out_dir: "/home/maija/Lataukset",
      request_id: null,
    });
    expect(byTestId("extract-pdf-path").textContent).toBe("/home/maija/Lataukset/tietopyynto-p-virtanen.pdf");
    expect(byTestId("extract-json-path").textContent).toBe("/home/maija/Lataukset/tietopyynto-p-virtanen.json");
    expect(byTestId("extract-pdf-sha").textContent).toBe("a".repeat(64));
    expect(byTestId("extract-json-sha").textContent).toBe("b".repeat(64));
    click(byTestId("extract-close"));
    expect(queryTestId("extract-dialog")).toBeNull();
  });

  it("links the extract to the person's open access request and shows an unwritable folder by the field", async () => {
    await openVirtanen({
      extract_default_folder: () => "/ei/oikeuksia",
      request_list: () => [request({ request_id: "r-access" }), request({ request_id: "r-other", person_id: "p-muu" })],
      extract: (p) =>
        Promise.reject(
          appError(
            "output_not_writable",
            `Kansioon ${String(p.out_dir)} ei voi kirjoittaa, eikä sinne jäänyt mitään. Valitse toinen kansio.`,
            "The folder cannot be written.",
            { path: p.out_dir, detail: "Permission denied" },
          ),
        ),
    });
    click(byTestId("extract-open"));
    await waitFor(() => expect(byTestId<HTMLSelectElement>("extract-request").value).toBe("r-access"));
    expect(byTestId("extract-request").querySelectorAll("option")).toHaveLength(2);
    typeInto("extract-language", "en");
    await waitFor(() => expect(byTestId<HTMLButtonElement>("extract-save").disabled).toBe(false));
    click(byTestId("extract-save"));
    await waitFor(() => byTestId("extract-error"));
    expect(byTestId("extract-error").textContent).toContain("Kansioon /ei/oikeuksia ei voi kirjoittaa");
    expect(byTestId("extract-folder").getAttribute("aria-invalid")).toBe("true");
    expect(callsOf("extract")[0].payload).toEqual({
      person_id: "p-virtanen",
      language: "en",
      out_dir: "/ei/oikeuksia",
      request_id: "r-access",
    });
    expect(queryTestId("extract-done")).toBeNull();
  });
});

describe("erasure", () => {
  it("lists the blockers with the earliest date and offers no way to erase", async () => {
    await openVirtanen({
      erasure_check: () => [
        { kind: "active-contract", deal_id: "d-1", title: "Huoltosopimus 2026", end_on: "2027-06-30" },
        { kind: "legal-hold", legal_hold_id: "lh-1", reason: "Kirjanpitolaki", until_on: "2027-12-31" },
      ],
    });
    click(byTestId("erase-open"));
    await waitFor(() => byTestId("erasure-blockers"));
    const items = [...document.querySelectorAll<HTMLElement>('[data-testid="erasure-blocker"]')];
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toBe("Voimassa oleva sopimus: Huoltosopimus 2026 (päättyy 30.6.2027)");
    expect(items[1].textContent).toBe("Säilytysvelvoite: Kirjanpitolaki (31.12.2027 asti)");
    expect(byTestId("erasure-earliest").textContent?.trim()).toBe("Poisto on mahdollinen aikaisintaan 1.1.2028.");
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(queryTestId("confirm-yes")).toBeNull();
    expect(callsOf("erase")).toHaveLength(0);
  });

  it("asks once, erases only after the confirmation, shows the receipt and goes back to search", async () => {
    await openVirtanen({
      erasure_check: () => [],
      erasure_matches: () => [],
      request_list: () => [request({ request_id: "r-erase", kind: "erasure" })],
      erase: () => RECEIPT,
    });
    click(byTestId("erase-open"));
    await waitFor(() => byTestId("confirm-dialog"));
    expect(byTestId("confirm-question").textContent).toBe("Poistetaanko Matti Virtanen pysyvästi rekisteristä?");
    const details = byTestId("erase-details").textContent ?? "";
    expect(details).toContain("Tapaamiset ja kaupat säilyvät muille osallistujille");
    expect(details).toContain("vain tunnisteita");
    await waitFor(() => expect(byTestId<HTMLSelectElement>("erase-request").value).toBe("r-erase"));
    expect(callsOf("erase")).toHaveLength(0);

    // Cancelling does nothing; asking again and confirming erases.
    click(byTestId("confirm-no"));
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(callsOf("erase")).toHaveLength(0);
    click(byTestId("erase-open"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("erasure-receipt"));
    expect(callsOf("erase")).toHaveLength(1);
    expect(callsOf("erase")[0].payload).toEqual({ person_id: "p-virtanen", request_id: "r-erase" });
    expect(queryTestId("person-page")).toBeNull();
    expect(byTestId("home-screen")).toBeTruthy();
    expect(byTestId("search-input")).toBeTruthy();
    const receipt = byTestId("erasure-receipt");
    expect(receipt.textContent).toContain("Henkilö poistettu");
    expect(byTestId("erasure-count-contacts").textContent).toContain("2");
    expect(byTestId("erasure-count-suppression_hashes").textContent).toContain("Markkinointikiellon tiivisteet");
    expect(byTestId("erasure-note").textContent?.trim()).toBe("Tapaaminen 1.10.2026, Rakennus Oy");
    expect(byTestId("erasure-note").textContent).not.toContain("m-1");
    expect(receipt.textContent).not.toContain("Virtanen");
    click(byTestId("erasure-receipt-close"));
    expect(queryTestId("erasure-receipt")).toBeNull();
  });

  it("leaves the receipt on the home screen: it does not greet the user again after another screen", async () => {
    await openVirtanen({
      erasure_check: () => [],
      erasure_matches: () => [],
      request_list: () => [],
      erase: () => RECEIPT,
    });
    click(byTestId("erase-open"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("erasure-receipt"));
    click(byTestId("nav-password"));
    await waitFor(() => byTestId("password-screen"));
    click(byTestId("nav-home"));
    await waitFor(() => byTestId("home-screen"));
    expect(queryTestId("erasure-receipt")).toBeNull();
  });

  it("shows the backend's blockers when the erasure itself is refused", async () => {
    await openVirtanen({
      erasure_check: () => [],
      erasure_matches: () => [],
      erase: () =>
        Promise.reject(
          appError("erasure_blocked", "Henkilöä ei voi vielä poistaa.", "The person cannot be erased yet.", {
            blockers: [{ kind: "open-deal", deal_id: "d-2", title: "Tarjous 42" }],
            earliest_on: null,
          }),
        ),
    });
    click(byTestId("erase-open"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("erasure-blockers"));
    expect(byTestId("erasure-blocker").textContent).toBe("Avoin kauppa: Tarjous 42");
    expect(byTestId("erasure-earliest").textContent?.trim()).toBe("Poisto on mahdollinen, kun nämä ovat päättyneet.");
    expect(byTestId("person-page")).toBeTruthy();
  });
});

describe("consent", () => {
  it("shows the consent in force and its history, and a withdrawal takes effect at once", async () => {
    await openVirtanen({
      consent_history: () => [GIVEN],
      consent_record: (p) => ({
        ...GIVEN,
        ...(p.consent as object),
        consent_event_id: "ce-2",
        at: "2026-11-27T12:00:00Z",
        recorded_by_name: "Maija Meikäläinen",
      }),
    });
    await waitFor(() => byTestId("consent-state"));
    expect(byTestId("consent-state").textContent?.trim()).toBe("Suostumus voimassa, annettu 1.3.2026");
    expect(byTestId("consent-event").textContent).toContain("Suostumus annettu");
    expect(byTestId("consent-event").textContent).toContain("markkinointi-2026");
    expect(byTestId("consent-event").textContent).toContain("Päivi Toimisto");

    click(byTestId("consent-withdraw"));
    // A withdrawal does not ask for the wording shown to the person; it withdraws the one given.
    expect(queryTestId("consent-wording")).toBeNull();
    typeInto("consent-channel", "phone");
    submitForm("consent-form");
    await waitFor(() => expect(callsOf("consent_record")).toHaveLength(1));
    expect(callsOf("consent_record")[0].payload).toEqual({
      consent: {
        person_id: "p-virtanen",
        purpose: "direct-marketing",
        kind: "withdrawn",
        channel: "phone",
        wording_version: "markkinointi-2026",
        evidence: null,
        at: null,
      },
    });
    await waitFor(() => expect(byTestId("consent-state").textContent?.trim()).toBe("Peruttu 27.11.2026"));
    expect(byTestId("consent-message").textContent).toContain("tuli voimaan heti");
    const events = [...document.querySelectorAll<HTMLElement>('[data-testid="consent-event"]')];
    expect(events).toHaveLength(2);
    expect(events[0].dataset.kind).toBe("withdrawn");
    expect(queryTestId("confirm-dialog")).toBeNull();
  });

  it("says when there is no consent", async () => {
    await openVirtanen();
    await waitFor(() => byTestId("consent-state"));
    expect(byTestId("consent-state").textContent?.trim()).toBe("Ei suostumusta");
    expect(byTestId("consent-empty")).toBeTruthy();
  });
});

describe("processors and transfers", () => {
  it("shows the Privacy Shield refusal with its reason", async () => {
    await startLoggedIn({
      processor_list: () => [PROCESSOR],
      transfer_list: () => [],
      transfer_add: () =>
        Promise.reject(
          appError(
            "privacy_shield_invalid",
            "EU–US Privacy Shield ei ole kelvollinen siirtoperuste: EU-tuomioistuin mitätöi sen 16.7.2020 (Schrems II).",
            "The EU–US Privacy Shield is not a valid transfer basis.",
          ),
        ),
    });
    click(byTestId("nav-processors"));
    await waitFor(() => byTestId("processor-row"));
    expect(byTestId("transfers-empty")).toBeTruthy();
    const option = byTestId("transfer-add-basis").querySelector<HTMLOptionElement>('option[value="privacy-shield"]');
    expect(option?.textContent).toBe("EU–US Privacy Shield (ei kelpaa)");
    typeInto("transfer-add-country", "Yhdysvallat");
    typeInto("transfer-add-basis", "privacy-shield");
    typeInto("transfer-add-since", "1.8.2018");
    submitForm("transfer-add-form");
    await waitFor(() => byTestId("transfer-add-refused"));
    expect(byTestId("transfer-add-refused").textContent).toContain("mitätöi sen 16.7.2020 (Schrems II)");
    expect(byTestId("transfer-add-refused").getAttribute("role")).toBe("alert");
    expect(callsOf("transfer_add")[0].payload).toEqual({
      transfer: {
        processor_id: "pr-1",
        country: "Yhdysvallat",
        legal_basis: "privacy-shield",
        basis_detail: "",
        dpf_certified: false,
        since_on: "1.8.2018",
      },
    });
  });

  it("flags a transfer that needs a new basis, with the reason in words", async () => {
    const flagged: Transfer = {
      transfer_id: "t-1",
      processor_id: "pr-1",
      processor_name: "Webinaari Inc.",
      country: "Yhdysvallat",
      legal_basis: "privacy-shield",
      basis_detail: "",
      dpf_certified: false,
      since_on: "2018-08-01",
      needs_new_basis: "privacy-shield-invalid",
      ended_on: null,
    };
    const fine: Transfer = {
      ...flagged,
      transfer_id: "t-2",
      legal_basis: "standard-contractual-clauses",
      basis_detail: "SCC 2021/914",
      needs_new_basis: null,
    };
    await startLoggedIn({ processor_list: () => [PROCESSOR], transfer_list: () => [flagged, fine] });
    click(byTestId("nav-processors"));
    await waitFor(() => expect(document.querySelectorAll('[data-testid="transfer-row"]')).toHaveLength(2));
    const flags = document.querySelectorAll<HTMLElement>('[data-testid="transfer-flag"]');
    expect(flags).toHaveLength(1);
    expect(flags[0].textContent).toContain("Tarvitsee uuden siirtoperusteen");
    expect(byTestId("transfer-flag-reason").textContent).toContain("mitätöitiin 16.7.2020");
  });

  it("adds a processor and says when there are none", async () => {
    let list: Processor[] = [];
    await startLoggedIn({
      processor_list: () => list,
      transfer_list: () => [],
      processor_add: (p) => {
        list = [{ ...PROCESSOR, ...(p.processor as object) }];
        return list[0];
      },
    });
    click(byTestId("nav-processors"));
    await waitFor(() => byTestId("processors-empty"));
    expect(byTestId("transfer-add-no-processors")).toBeTruthy();
    typeInto("processor-add-name", "Webinaari Inc.");
    typeInto("processor-add-service", "Webinaarialusta");
    typeInto("processor-add-purpose", "Asiakastilaisuudet");
    typeInto("processor-add-reference", "DPA-2024-07");
    typeInto("processor-add-date", "1.7.2024");
    typeInto("processor-add-location", "Yhdysvallat");
    submitForm("processor-add-form");
    await waitFor(() => byTestId("processor-row"));
    expect(callsOf("processor_add")[0].payload).toEqual({
      processor: {
        name: "Webinaari Inc.",
        service: "Webinaarialusta",
        purpose: "Asiakastilaisuudet",
        agreement_reference: "DPA-2024-07",
        agreement_date: "1.7.2024",
        processing_location: "Yhdysvallat",
      },
    });
    expect(byTestId("transfer-add-form")).toBeTruthy();
  });
});

describe("requests", () => {
  it("shows overdue and due-soon requests on the admin home, linking to the request log", async () => {
    const today = isoToday();
    await startLoggedIn({
      requests_due: () => ({
        overdue: [request({ request_id: "r-late", kind: "erasure", due_on: addDays(today, -3) })],
        due_soon: [request({ request_id: "r-soon", person_id: null, person_name: null, due_on: addDays(today, 5) })],
      }),
    });
    await waitFor(() => byTestId("home-request-overdue"));
    expect(byTestId("home-request-overdue").textContent).toContain("Poisto: Virtanen Matti");
    expect(byTestId("home-request-overdue").textContent).toContain("Myöhässä");
    expect(byTestId("home-request-due-soon").textContent).toContain("Tarkastus: Ei tunnistettu");
    click(byTestId("home-request-overdue").querySelector("button") as HTMLElement);
    await waitFor(() => byTestId("requests-screen"));
  });

  it("says when no request is urgent", async () => {
    await startLoggedIn();
    await waitFor(() => byTestId("home-requests-due-none"));
    expect(byTestId("home-requests-due-none").textContent).toBe("Ei kiireellisiä pyyntöjä.");
  });

  it("lists requests with highlighting, logs a request and shows a refused extension", async () => {
    const today = isoToday();
    await startLoggedIn({
      request_list: () => [
        request({ request_id: "r-late", due_on: addDays(today, -1) }),
        request({
          request_id: "r-ext",
          person_id: null,
          person_name: null,
          due_on: addDays(today, 30),
          extended_due_on: addDays(today, 60),
          extension_reason: "Laaja pyyntö",
        }),
      ],
      request_add: (p) => request({ ...(p.request as object), request_id: "r-new" }),
      request_extend: () =>
        Promise.reject(
          appError(
            "extension_too_long",
            "Määräaikaa voi jatkaa enintään kolmeen kuukauteen pyynnön saapumisesta eli 2027-01-15 asti (GDPR 12 art. 3 kohta).",
            "Too long.",
            { latest: "2027-01-15" },
          ),
        ),
    });
    click(byTestId("nav-requests"));
    await waitFor(() => expect(document.querySelectorAll('[data-testid="request-row"]')).toHaveLength(2));
    const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="request-row"]')];
    expect(rows[0].dataset.requestId).toBe("r-late");
    expect(rows[0].classList.contains("overdue")).toBe(true);
    expect(rows[0].querySelector('[data-testid="request-overdue"]')).not.toBeNull();
    expect(rows[1].querySelector('[data-testid="request-person"]')?.textContent).toContain("Ei tunnistettu");
    expect(rows[1].querySelector('[data-testid="request-extended"]')?.textContent).toContain("Laaja pyyntö");

    click(rows[0].querySelector('[data-testid="request-extend-open"]') as HTMLElement);
    typeInto("request-extend-date", "1.6.2027");
    typeInto("request-extend-reason", "Laaja");
    submitForm("request-extend-form");
    await waitFor(() => byTestId("request-action-error"));
    expect(byTestId("request-action-error").textContent).toContain("2027-01-15");
    expect(callsOf("request_extend")[0].payload).toEqual({
      request_id: "r-late",
      new_due_on: "1.6.2027",
      reason: "Laaja",
    });

    click(rows[0].querySelector('[data-testid="request-identity-open"]') as HTMLElement);
    expect(byTestId("request-identity-no-copy").textContent).toBe("Älä tallenna kopiota henkilöllisyystodistuksesta.");

    typeInto("request-add-kind", "erasure");
    typeInto("request-add-channel", "letter");
    submitForm("request-add-form");
    await waitFor(() => expect(callsOf("request_add")).toHaveLength(1));
    const now = new Date();
    expect(callsOf("request_add")[0].payload).toEqual({
      request: {
        kind: "erasure",
        received_on: `${now.getDate()}.${now.getMonth() + 1}.${now.getFullYear()}`,
        channel: "letter",
        person_id: null,
      },
    });
    await waitFor(() => byTestId("requests-message"));
  });

  it("has an empty state", async () => {
    await startLoggedIn();
    click(byTestId("nav-requests"));
    await waitFor(() => byTestId("requests-empty"));
  });
});

describe("marketing list", () => {
  const CONTACTS: MarketingContact[] = [
    {
      person_id: "p-virtanen",
      surname: "Virtanen",
      first_name: "Matti",
      emails: ["matti.virtanen@acme.fi", "matti@example.fi"],
      consent_given_at: "2026-03-01T10:00:00Z",
    },
  ];

  it("is open to office staff and exports the list through the backend's one CSV writer", async () => {
    const written = { path: "/home/maija/Documents/markkinointilista.csv", count: 1 };
    await startLoggedIn(
      {
        marketing_list: () => CONTACTS,
        extract_default_folder: () => "/home/maija/Documents",
        marketing_export: () => written,
      },
      OFFICE,
    );
    expect(queryTestId("nav-requests")).toBeNull();
    expect(queryTestId("nav-processors")).toBeNull();
    click(byTestId("nav-marketing"));
    await waitFor(() => byTestId("marketing-row"));
    expect(callsOf("marketing_list")[0].payload).toEqual({ purpose: "direct-marketing" });
    expect(byTestId("marketing-row").textContent).toContain("matti.virtanen@acme.fi, matti@example.fi");
    expect(byTestId("marketing-row").textContent).toContain("1.3.2026");
    await waitFor(() => expect(byTestId<HTMLInputElement>("marketing-file").value).not.toBe(""));
    const file = byTestId<HTMLInputElement>("marketing-file").value;
    expect(file).toMatch(/^\/home\/maija\/Documents\/markkinointilista-\d{4}-\d{2}-\d{2}\.csv$/);
    click(byTestId("marketing-export"));
    await waitFor(() => byTestId("marketing-exported"));
    expect(callsOf("marketing_export")[0].payload).toEqual({
      purpose: "direct-marketing",
      format: "csv",
      language: "fi",
      out_file: file,
    });
    expect(byTestId("marketing-exported").textContent).toContain(written.path);
  });

  it("shows why an export into the register's data folder is refused", async () => {
    await startLoggedIn(
      {
        marketing_list: () => CONTACTS,
        extract_default_folder: () => "/home/maija/Documents",
        marketing_export: () =>
          Promise.reject(appError("output_inside_register", "Kansio on rekisterin datakansiossa.", "Inside the data folder.")),
      },
      OFFICE,
    );
    click(byTestId("nav-marketing"));
    await waitFor(() => byTestId("marketing-row"));
    await waitFor(() => expect(byTestId<HTMLInputElement>("marketing-file").value).not.toBe(""));
    click(byTestId("marketing-export"));
    await waitFor(() => byTestId("marketing-export-error"));
    expect(byTestId("marketing-export-error").textContent).toContain("datakansiossa");
    expect(queryTestId("marketing-exported")).toBeNull();
  });

  it("has an empty state", async () => {
    await startLoggedIn({ marketing_list: () => [] }, OFFICE);
    click(byTestId("nav-marketing"));
    await waitFor(() => byTestId("marketing-empty"));
    expect(queryTestId("marketing-export")).toBeNull();
  });
});

describe("roles", () => {
  it("shows a sales rep the consent but none of the admin controls, and calls no admin command", async () => {
    await openVirtanen({}, SALES);
    await waitFor(() => byTestId("person-consent"));
    for (const id of [
      "person-rights",
      "extract-open",
      "erase-open",
      "person-disclosures",
      "legal-hold",
      "nav-requests",
      "nav-processors",
      "nav-marketing",
      "home-requests-due",
    ]) {
      expect(queryTestId(id), id).toBeNull();
    }
    expect(byTestId("consent-withdraw")).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const used = calls.map((call) => call.cmd);
    for (const command of [...ADMIN_COMMANDS, "marketing_list"]) expect(used, command).not.toContain(command);
  });
});

describe("business-card warning of an erased person's e-mail", () => {
  it("shows the opt-out warning without an Open button", async () => {
    await startLoggedIn(
      {
        duplicate_check: () => [
          { person_id: "", surname: "", first_name: "", organisation_name: null, reason: "erased-opt-out" },
        ],
      },
      SALES,
    );
    click(byTestId("nav-business-card"));
    await waitFor(() => byTestId("business-card-form"));
    typeInto("card-first-name", "Uusi");
    typeInto("card-surname", "Henkilö");
    typeInto("card-email", "poistettu@example.fi");
    await waitFor(() => byTestId("duplicate-warning"));
    expect(byTestId("duplicate-reason").textContent?.trim()).toBe(
      "Sähköposti kuului poistetulle henkilölle: markkinointikielto on voimassa",
    );
    expect(document.querySelectorAll('[data-testid="duplicate-candidate"]')).toHaveLength(1);
    expect(queryTestId("duplicate-open")).toBeNull();
  });
});

describe("rules", () => {
  it("computes the earliest erasure day as the backend does", () => {
    expect(earliestErasureOn([])).toBeNull();
    expect(
      earliestErasureOn([{ kind: "active-contract", deal_id: "d", title: "x", end_on: "2026-12-31" }]),
    ).toBe("2027-01-01");
    expect(earliestErasureOn([{ kind: "open-deal", deal_id: "d", title: "x" }])).toBeNull();
  });

  it("ranks deadlines: closed never urgent, extended deadline counts", () => {
    const today = "2026-11-27";
    expect(urgencyOf(request({ due_on: "2026-11-26" }), today)).toBe("overdue");
    expect(urgencyOf(request({ due_on: "2026-12-04" }), today)).toBe("due-soon");
    expect(urgencyOf(request({ due_on: "2026-12-05" }), today)).toBeNull();
    expect(urgencyOf(request({ due_on: "2026-11-20", extended_due_on: "2027-01-20" }), today)).toBeNull();
    expect(urgencyOf(request({ due_on: "2026-11-20", status: "done" }), today)).toBeNull();
  });

  it("offers the export file in the default folder with the folder's own separator", () => {
    expect(defaultExportFile("/home/maija/Documents", "markkinointilista", "2026-11-27")).toBe(
      "/home/maija/Documents/markkinointilista-2026-11-27.csv",
    );
    expect(defaultExportFile("C:\\Users\\maija\\Documents\\", "marketing-list", "2026-11-27")).toBe(
      "C:\\Users\\maija\\Documents\\marketing-list-2026-11-27.csv",
    );
  });
});
