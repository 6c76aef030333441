// Tests of the Import screen: who sees it, the empty state, the file from the OS dialog, the dry run's
// table with each outcome in words, the import after confirming with progress and Stop, the summary,
// and errors said in the user's language.
import { afterEach, beforeEach, describe, expect, it as test } from "vitest";
import {
  SALES,
  appError,
  byTestId,
  callsOf,
  cleanUp,
  click,
  queryTestId,
  resetAll,
  startLoggedIn,
  submitForm,
  typeInto,
  waitFor,
} from "../../testing/harness";
import type { ImportPlan, ImportResult, ImportRow, Session } from "../../lib/generated";
import { importTexts } from "./texts";

beforeEach(resetAll);
afterEach(cleanUp);

const OFFICE: Session = { user_id: "u-office", username: "olli", display_name: "Olli Toimisto", role: "office" };

function row(n: number, over: Partial<ImportRow>): ImportRow {
  return {
    row: n,
    line: n * 10,
    surname: "Hämäläinen",
    first_name: "Matti",
    other_first_names: null,
    organisations: ["Pohjolan Teollisuus Oy"],
    titles: ["Hankintapäällikkö"],
    emails: ["matti@pohjola.fi"],
    phones: [],
    mobiles: ["+358401234567"],
    outcome: "new",
    reason: null,
    matches: [],
    same_as_row: null,
    skipped: [],
    added_person_id: null,
    ...over,
  };
}

const PLAN: ImportPlan = {
  file_name: "yhteystiedot.vcf",
  format: "vcard",
  rows: [
    row(1, { skipped: [{ field: "email", value: "matti@@pohjola" }] }),
    row(2, { surname: "Öberg", first_name: "Åsa", outcome: "same", reason: "same-email", matches: [{ person_id: "p-asa", surname: "Öberg", first_name: "Åsa", organisation_name: "Skånska Maskin AB" }] }),
    row(3, { surname: "Somby", first_name: "Áŋŋá", outcome: "likely-duplicate", reason: "same-name-in-organisation", matches: [{ person_id: "p-anna", surname: "Somby", first_name: "Anna", organisation_name: "Sámediggi" }] }),
    row(4, { surname: "Mäkelä", first_name: "Päivi", outcome: "suppressed", reason: "erased-opt-out" }),
    row(5, { surname: "Koskinen", first_name: "Jari", outcome: "invalid", reason: "no-end" }),
  ],
  counts: { new: 1, same: 1, likely_duplicate: 1, suppressed: 1, invalid: 1 },
};

const RESULT: ImportResult = {
  file_name: "yhteystiedot.vcf",
  rows: PLAN.rows.map((r) => (r.outcome === "new" ? { ...r, added_person_id: "p-new" } : r)),
  counts: PLAN.counts,
  added: 1,
  total: 5,
  stopped: false,
};

async function openImport(overrides: Record<string, (p: Record<string, unknown>) => unknown>, as: Session = OFFICE) {
  await startLoggedIn(overrides, as);
  click(byTestId("nav-import"));
  await waitFor(() => byTestId("import-screen"));
}

describe("Import screen", () => {
  test("is in the menu of office and admin, not of sales", async () => {
    await startLoggedIn({}, SALES);
    expect(queryTestId("nav-import")).toBeNull();
    cleanUp();
    resetAll();
    await openImport({});
    expect(byTestId("import-empty").textContent).toContain("Valitse tiedosto ja tee koeajo");
  });

  test("asks for the file before anything is sent", async () => {
    await openImport({});
    submitForm("import-form");
    expect(byTestId("import-path-missing").textContent).toBe(importTexts.fi.file_missing);
    expect(callsOf("import_plan")).toHaveLength(0);
  });

  test("takes the file from the operating system's dialog and shows the dry run in words", async () => {
    await openImport({
      "plugin:dialog|open": () => "/home/olli/yhteystiedot.vcf",
      import_plan: () => PLAN,
    });
    click(byTestId("import-choose"));
    await waitFor(() => expect((byTestId("import-path") as HTMLInputElement).value).toBe("/home/olli/yhteystiedot.vcf"));
    const dialog = callsOf("plugin:dialog|open")[0].payload as { options: { filters: { extensions: string[] }[] } };
    expect(dialog.options.filters[0].extensions).toContain("vcf");
    submitForm("import-form");
    await waitFor(() => byTestId("import-rows"));
    expect(callsOf("import_plan")[0].payload).toMatchObject({ path: "/home/olli/yhteystiedot.vcf", map_path: null });
    const outcomes = [...document.querySelectorAll('[data-testid="import-row-outcome"]')].map((e) => e.textContent);
    expect(outcomes).toEqual(["Uusi", "On jo rekisterissä", "Mahdollinen kaksoiskappale", "Estolistalla", "Virheellinen"]);
    const reasons = [...document.querySelectorAll('[data-testid="import-row-reason"]')].map((e) => e.textContent);
    expect(reasons[0]).toBe("sama sähköpostiosoite");
    expect(reasons[3]).toContain("END:VCARD");
    expect(byTestId("import-row-skipped").textContent).toContain("matti@@pohjola");
    expect(byTestId("import-counts").textContent).toContain("Mitään ei ole vielä tallennettu");
    // Office staff cannot decide on the suppression list.
    expect(queryTestId("import-add-suppressed")).toBeNull();
    expect(byTestId("import-confirm").textContent).toContain("Tuo 1 henkilöä");
    click(byTestId("import-add-duplicates"));
    expect(byTestId("import-confirm").textContent).toContain("Tuo 2 henkilöä");
  });

  test("imports after confirming, with progress and Stop, and sums up", async () => {
    let finish: (result: ImportResult) => void = () => undefined;
    await openImport({
      import_plan: () => PLAN,
      import_commit: () => new Promise<ImportResult>((resolve) => (finish = resolve)),
      work_cancel: () => null,
      person_list: () => ({ total: 0, items: [] }),
    });
    typeInto("import-path", "/tmp/yhteystiedot.vcf");
    typeInto("import-source", "event");
    typeInto("import-source-detail", "Alihankintamessut 2026");
    submitForm("import-form");
    await waitFor(() => byTestId("import-confirm"));
    click(byTestId("import-confirm"));
    await waitFor(() => byTestId("import-progress"));
    expect(callsOf("import_commit")[0].payload).toMatchObject({
      path: "/tmp/yhteystiedot.vcf",
      options: {
        source: { kind: "event", detail: "Alihankintamessut 2026" },
        add_likely_duplicates: false,
        add_suppressed: false,
      },
    });
    click(byTestId("import-stop"));
    await waitFor(() => expect(callsOf("work_cancel")).toHaveLength(1));
    expect((byTestId("import-stop") as HTMLButtonElement).disabled).toBe(true);
    finish(RESULT);
    await waitFor(() => byTestId("import-result"));
    expect(byTestId("import-result-text").textContent).toBe("Tuonti valmis: 1 henkilöä lisätty tiedostosta yhteystiedot.vcf.");
    expect(queryTestId("import-progress")).toBeNull();
    click(byTestId("import-again"));
    expect(byTestId("import-empty")).toBeTruthy();
  });

  test("says a stopped import and an unreadable file in the user's language", async () => {
    await openImport({
      import_plan: (p) => {
        if (String(p.path).endsWith(".png")) {
          throw appError("import_format_unknown", "Tiedosto ei ole vCard- eikä CSV-tiedosto.", "Neither vCard nor CSV.");
        }
        return PLAN;
      },
      import_commit: () => ({ ...RESULT, stopped: true, rows: RESULT.rows.slice(0, 2) }),
    });
    typeInto("import-path", "/tmp/kuva.png");
    submitForm("import-form");
    await waitFor(() => expect(byTestId("import-plan-error").textContent).toContain("ei ole vCard"));
    typeInto("import-path", "/tmp/yhteystiedot.vcf");
    submitForm("import-form");
    await waitFor(() => byTestId("import-confirm"));
    click(byTestId("import-confirm"));
    await waitFor(() => byTestId("import-result"));
    expect(byTestId("import-result-text").textContent).toContain("keskeytettiin: 1 henkilöä lisätty, 2 / 5 riviä");
  });

  test("has every text in English too", () => {
    expect(Object.keys(importTexts.en).sort()).toEqual(Object.keys(importTexts.fi).sort());
    for (const text of Object.values(importTexts.en)) expect(text.trim()).not.toBe("");
  });
});
