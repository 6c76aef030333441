// Tests of the Notice screen (admin): empty states, the purposes editor (a purpose without a
// basis refused with the backend's sentence and nothing reported saved; a change sent whole),
// publishing into the folder the extract dialog offers, and the versions with their changes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
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

beforeEach(resetAll);
afterEach(cleanUp);

const PURPOSES = [
  {
    purpose_id: "customer-management",
    name_fi: "Asiakastietojen hallinnointi",
    name_en: "Customer management",
    bases: ["legitimate-interest"],
    consent_purpose: null,
    updated_at: "2026-01-01T00:00:00Z",
  },
  {
    purpose_id: "direct-marketing",
    name_fi: "Suoramarkkinointi",
    name_en: "Direct marketing",
    bases: ["consent"],
    consent_purpose: "direct-marketing",
    updated_at: "2026-01-01T00:00:00Z",
  },
];

const VERSION = {
  notice_version_id: "v2",
  language: "fi",
  published_at: "2026-11-27T10:00:00Z",
  published_by_name: "Admin Ylläpitäjä",
  content: "# Tietosuojaseloste",
};

const CHANGED = {
  version: VERSION,
  has_previous: true,
  changes: [
    { change: "removed", section: "1 Rekisterinpitäjä", line: "Vastuuhenkilö: Jukka-Pekka Sorvisto" },
    { change: "added", section: "1 Rekisterinpitäjä", line: "Vastuuhenkilö: Maija Rekisteri" },
  ],
};

async function openNotice(overrides = {}) {
  await startLoggedIn({
    purpose_list: () => PURPOSES,
    notice_versions: () => [],
    extract_default_folder: () => "/home/admin/Asiakirjat",
    ...overrides,
  });
  click(byTestId("nav-notice"));
  await waitFor(() => byTestId("purpose-list"));
}

describe("the Notice screen", () => {
  it("lists the purposes with their bases and says when nothing is published", async () => {
    await openNotice();
    expect(byTestId("purpose-direct-marketing").textContent).toContain("Suoramarkkinointi");
    expect(byTestId("purpose-direct-marketing").textContent).toContain("Suostumus (6 art. 1 a)");
    await waitFor(() => byTestId("notice-versions-empty"));
    expect(byTestId<HTMLInputElement>("notice-folder").value).toBe("/home/admin/Asiakirjat");
  });

  it("shows the empty state when there are no purposes", async () => {
    await startLoggedIn({ purpose_list: () => [], notice_versions: () => [], extract_default_folder: () => "/tmp/x" });
    click(byTestId("nav-notice"));
    await waitFor(() => byTestId("purposes-empty"));
  });

  it("shows a purpose refused without a basis and reports nothing saved", async () => {
    const refused = appError(
      "purpose_basis_missing",
      "Käyttötarkoitukselle event ei annettu oikeusperustetta.",
      "The purpose event was given no lawful basis.",
      { purpose_id: "event" },
    );
    await openNotice({ purpose_add: () => Promise.reject(refused) });
    click(byTestId("purpose-add"));
    await waitFor(() => byTestId("purpose-form"));
    typeInto("purpose-id", "event");
    typeInto("purpose-name-fi", "Tapahtumat");
    typeInto("purpose-name-en", "Events");
    submitForm("purpose-form");
    await waitFor(() => byTestId("purpose-error"));
    expect(byTestId("purpose-error").textContent).toContain("oikeusperustetta");
    expect(callsOf("purpose_add")[0].payload).toEqual({
      purpose: { purpose_id: "event", name_fi: "Tapahtumat", name_en: "Events", bases: [], consent_purpose: null },
    });
    expect(queryTestId("purpose-saved")).toBeNull();
  });

  it("sends an edited purpose whole with the bases ticked", async () => {
    await openNotice({ purpose_edit: (p: { purpose: unknown }) => p.purpose });
    click(byTestId("purpose-edit-customer-management"));
    await waitFor(() => byTestId("purpose-form"));
    click(byTestId("purpose-basis-contract"));
    submitForm("purpose-form");
    await waitFor(() => byTestId("purpose-saved"));
    expect(callsOf("purpose_edit")[0].payload).toEqual({
      purpose: {
        purpose_id: "customer-management",
        name_fi: "Asiakastietojen hallinnointi",
        name_en: "Customer management",
        bases: ["contract", "legitimate-interest"],
        consent_purpose: null,
      },
    });
  });

  it("publishes into the folder and lists the new version with its change", async () => {
    let published = false;
    await openNotice({
      notice_publish: () => {
        published = true;
        return { published: CHANGED, markdown_path: "/x/a.md", html_path: "/x/a.html", pdf_path: "/x/a.pdf" };
      },
      notice_versions: () => (published ? [CHANGED] : []),
    });
    await waitFor(() => byTestId("notice-versions-empty"));
    submitForm("notice-publish-form");
    await waitFor(() => byTestId("notice-published"));
    expect(callsOf("notice_publish")[0].payload).toEqual({ language: "fi", out_dir: "/home/admin/Asiakirjat" });
    await waitFor(() => byTestId("notice-changes"));
    const changes = byTestId("notice-changes").textContent ?? "";
    expect(changes).toContain("Poistettu");
    expect(changes).toContain("Vastuuhenkilö: Maija Rekisteri");
    expect(byTestId("notice-version").textContent).toContain("27.11.2026");
  });

  it("shows why publishing into a folder that is not writable failed", async () => {
    const refused = appError("output_not_writable", "Kansioon ei voi kirjoittaa.", "The folder cannot be written to.", {
      path: "/ei",
      detail: "not a folder",
    });
    await openNotice({ notice_publish: () => Promise.reject(refused) });
    submitForm("notice-publish-form");
    await waitFor(() => byTestId("notice-error"));
    expect(byTestId("notice-error").textContent).toContain("Kansioon ei voi kirjoittaa.");
    expect(queryTestId("notice-published")).toBeNull();
  });
});
