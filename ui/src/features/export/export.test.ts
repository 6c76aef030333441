// Tests of exporting people: the administrator saves a person's portable data (JSON + vCard) from the
// person page; office exports what a search found as CSV to a file whose extension follows the format;
// a sales rep is offered neither; an unwritable path is said and the dialog stays open.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Session } from "../../lib/generated";
import {
  byTestId,
  callsOf,
  cleanUp,
  click,
  press,
  queryTestId,
  resetAll,
  SALES,
  startLoggedIn,
  typeInto,
  waitFor,
  type Handler,
} from "../../testing/harness";
import { HITS, personPage } from "../../testing/register";
import { isoToday } from "../rights/rights";

beforeEach(resetAll);
afterEach(cleanUp);

const OFFICE: Session = { user_id: "u-office", username: "paivi", display_name: "Päivi Toimisto", role: "office" };

async function searchVirt(overrides: Record<string, Handler> = {}, as?: Session) {
  await startLoggedIn({ search: () => HITS, person_page: () => personPage(), ...overrides }, as);
  typeInto("search-input", "virt");
  await waitFor(() => byTestId("search-results"));
}

describe("export of people", () => {
  it("saves a person's portable data as JSON and vCard from the person page (admin)", async () => {
    await searchVirt({
      extract_default_folder: () => "/home/maija/Asiakirjat",
      portability_export: (p) => ({
        json_path: `${String(p.out_dir)}/kortisto-siirto-p-virtanen.json`,
        vcard_path: `${String(p.out_dir)}/kortisto-siirto-p-virtanen.vcf`,
      }),
    });
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => byTestId("person-name"));
    click(byTestId("portability-open"));
    await waitFor(() => expect(byTestId<HTMLInputElement>("export-folder").value).toBe("/home/maija/Asiakirjat"));
    await waitFor(() => expect(byTestId<HTMLButtonElement>("export-save").disabled).toBe(false));
    click(byTestId("export-save"));
    await waitFor(() => byTestId("export-done"));
    expect(callsOf("portability_export")[0].payload).toEqual({
      person_id: "p-virtanen",
      out_dir: "/home/maija/Asiakirjat",
    });
    expect(byTestId("export-vcard-path").textContent).toBe("/home/maija/Asiakirjat/kortisto-siirto-p-virtanen.vcf");
    expect(byTestId("export-done").textContent).toContain("Siirrettävät tiedot tallennettu.");
    click(byTestId("export-close"));
    expect(queryTestId("export-dialog")).toBeNull();
  });

  it("exports the people a search found as CSV, the file's extension following the format (office)", async () => {
    await searchVirt(
      {
        extract_default_folder: () => "/home/paivi/Asiakirjat",
        export_people: (p) => ({ path: String(p.out_file), count: 2 }),
      },
      OFFICE,
    );
    click(byTestId("search-export"));
    await waitFor(() =>
      expect(byTestId<HTMLInputElement>("export-file").value).toBe(`/home/paivi/Asiakirjat/haku-${isoToday()}.vcf`),
    );
    click(byTestId("export-format-csv"));
    expect(byTestId<HTMLInputElement>("export-file").value).toBe(`/home/paivi/Asiakirjat/haku-${isoToday()}.csv`);
    click(byTestId("export-save"));
    await waitFor(() => byTestId("export-done"));
    expect(callsOf("export_people")[0].payload).toEqual({
      selection: { kind: "search", query: "virt" },
      format: "csv",
      language: "fi",
      out_file: `/home/paivi/Asiakirjat/haku-${isoToday()}.csv`,
    });
    expect(byTestId("export-count").textContent).toBe("2 henkilöä viety.");
    expect(callsOf("portability_export")).toHaveLength(0);
  });

  it("says an unwritable file by the form and keeps the dialog open; Escape closes it", async () => {
    await searchVirt({
      extract_default_folder: () => "/ei/oikeuksia",
      export_people: () => {
        throw {
          code: "output_not_writable",
          params: { path: "/ei/oikeuksia" },
          message: { fi: "Tiedostoa ei voi kirjoittaa: /ei/oikeuksia.", en: "Cannot write: /ei/oikeuksia." },
        };
      },
    });
    click(byTestId("search-export"));
    await waitFor(() => expect(byTestId<HTMLButtonElement>("export-save").disabled).toBe(false));
    click(byTestId("export-save"));
    await waitFor(() => byTestId("export-error"));
    expect(byTestId("export-error").textContent).toContain("/ei/oikeuksia");
    expect(byTestId<HTMLInputElement>("export-file").getAttribute("aria-invalid")).toBe("true");
    press("Escape", {}, byTestId("export-dialog"));
    expect(queryTestId("export-dialog")).toBeNull();
  });

  it("offers a sales rep neither export", async () => {
    await searchVirt({}, SALES);
    expect(queryTestId("search-export")).toBeNull();
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => byTestId("person-name"));
    expect(queryTestId("portability-open")).toBeNull();
  });
});
