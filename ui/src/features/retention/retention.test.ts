// Tests of the retention and backup screens and the person page's retention line: preview, run after one
// confirmation, rules, backup size in Finnish, restore refusals leaving the register untouched, role checks.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
import type {
  BackupInfo,
  RestoreReport,
  RetentionPreview,
  RetentionRule,
  RetentionRun,
  RetentionStatus,
  Session,
} from "../../lib/generated";
import { defaultBackupFile, keepTogether, speedText } from "./retention";
import { retentionTexts } from "./texts";

beforeEach(resetAll);
afterEach(cleanUp);

const RULES: RetentionRule[] = [
  {
    rule_id: "no-ties",
    months: 36,
    reference_fi: "Tietosuojaseloste §8: ei yhteyksiä kolmeen vuoteen",
    reference_en: "Privacy notice §8: no ties for three years",
    updated_at: "2026-01-05T09:00:00Z",
  },
  {
    rule_id: "contract-or-consent",
    months: 12,
    reference_fi: "Tietosuojaseloste §8: sopimus tai suostumus + 1 vuosi",
    reference_en: "Privacy notice §8: contract or consent + 1 year",
    updated_at: "2026-01-05T09:00:00Z",
  },
];

const DUE: RetentionStatus = {
  person_id: "p-virtanen",
  surname: "Virtanen",
  first_name: "Matti",
  deciding: "position-end",
  deciding_date: "2023-11-26",
  rule: "no-ties",
  due_on: "2026-11-27",
  legal_hold: null,
  due: true,
};

function preview(due: RetentionStatus[], asOf = "2029-12-01"): RetentionPreview {
  return {
    as_of: asOf,
    due,
    kept: 12,
    rules: RULES,
    web_analytics_note: "Kortisto ei tallenna verkkoanalytiikkaa.",
  };
}

const RUN: RetentionRun = {
  run_id: "r-1",
  started_at: "2026-11-27T10:00:00Z",
  as_of: "2026-11-27",
  trigger: "manual",
  erased: 1,
  kept: 12,
  receipt_ids: ["e-1"],
};

function retentionBackend(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    retention_rules: () => RULES,
    retention_runs: () => [],
    retention_preview: () => preview([DUE]),
    ...overrides,
  };
}

async function openRetention(overrides: Record<string, Handler> = {}) {
  await startLoggedIn(retentionBackend(overrides));
  click(byTestId("nav-retention"));
  await waitFor(() => byTestId("retention-rules"));
}

function backupBackend(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    extract_default_folder: () => "/home/maija/Documents",
    backup_schedule: () => ({ folder: null, keep: 7 }),
    ...overrides,
  };
}

async function openBackups(overrides: Record<string, Handler> = {}) {
  await startLoggedIn(backupBackend(overrides));
  click(byTestId("nav-backups"));
  await waitFor(() => expect(byTestId<HTMLInputElement>("backup-file").value).not.toBe(""));
}

describe("retention screen", () => {
  it("previews a typed date: the due person with rule, reference and deciding reason", async () => {
    await openRetention();
    expect(byTestId("retention-runs-empty").textContent).toContain("Säilytystä ei ole vielä ajettu");
    expect(byTestId("retention-automatic").textContent).toContain("24 tunnin");
    expect(byTestId<HTMLInputElement>("retention-as-of").value).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/);

    typeInto("retention-as-of", "1.12.2029");
    click(byTestId("retention-preview-run"));
    await waitFor(() => byTestId("retention-due-row"));
    expect(callsOf("retention_preview")[0].payload).toEqual({ as_of: "1.12.2029", language: "fi" });

    const row = byTestId("retention-due-row").textContent ?? "";
    expect(row).toContain("Virtanen Matti");
    expect(row).toContain("27.11.2026");
    expect(row).toContain("ei yhteyksiä asiakkaaseen, 3 vuotta");
    expect(row).toContain("Tietosuojaseloste §8: ei yhteyksiä kolmeen vuoteen");
    expect(row).toContain("viimeisen tehtävän päättyminen");
    expect(row).toContain("26.11.2023");
    expect(byTestId("retention-preview-summary").textContent).toContain("1.12.2029: 1 poistuu, 12 säilyy");
    expect(byTestId("retention-web-analytics").textContent).toContain("verkkoanalytiikkaa");
  });

  it("sorts the preview by due date first, and by the column the user picks", async () => {
    const row = (id: string, surname: string, due: string | null, decidingDate: string | null): RetentionStatus => ({
      ...DUE,
      person_id: id,
      surname,
      due_on: due,
      deciding_date: decidingDate,
    });
    await openRetention({
      retention_preview: () =>
        preview([
          row("p-a", "Öhman", "2027-01-02", "2020-01-01"),
          row("p-b", "Aalto", "2028-05-01", "2019-06-01"),
          row("p-c", "Ärväs", "2026-12-24", "2023-03-03"),
        ]),
    });
    click(byTestId("retention-preview-run"));
    await waitFor(() => byTestId("retention-due-row"));
    const names = () => [...document.querySelectorAll('[data-testid="retention-due-person"]')].map((b) => b.textContent?.trim());
    expect(names()).toEqual(["Ärväs Matti", "Öhman Matti", "Aalto Matti"]);
    expect(byTestId("retention-sort-due").closest("th")?.getAttribute("aria-sort")).toBe("ascending");
    // Dates read whole: they never wrap.
    expect(byTestId("retention-due-on").classList.contains("date")).toBe(true);

    click(byTestId("retention-sort-name"));
    // Finnish order: Ä and Ö after Z.
    expect(names()).toEqual(["Aalto Matti", "Ärväs Matti", "Öhman Matti"]);
    expect(byTestId("retention-sort-name").closest("th")?.getAttribute("aria-sort")).toBe("ascending");
    expect(byTestId("retention-sort-due").closest("th")?.getAttribute("aria-sort")).toBe("none");
    click(byTestId("retention-sort-name"));
    expect(names()).toEqual(["Öhman Matti", "Ärväs Matti", "Aalto Matti"]);
    click(byTestId("retention-sort-deciding"));
    expect(names()).toEqual(["Aalto Matti", "Öhman Matti", "Ärväs Matti"]);
  });

  it("shows the empty state and the English texts", async () => {
    await openRetention({ retention_preview: () => preview([]) });
    click(byTestId("language-en"));
    click(byTestId("retention-preview-run"));
    await waitFor(() => byTestId("retention-preview-empty"));
    expect(byTestId("retention-preview-empty").textContent).toBe("Nobody is due for deletion on this day.");
    expect(byTestId("retention-preview-summary").textContent).toContain("0 erased, 12 kept");
    expect(byTestId("nav-retention").textContent?.trim()).toBe("Retention");
    expect(callsOf("retention_preview")[0].payload).toMatchObject({ language: "en" });
  });

  it("shows a date error by the date field", async () => {
    await openRetention({
      retention_preview: () =>
        Promise.reject(appError("date_invalid", "Päivämäärä ei kelpaa.", "The date is not valid.", { field: "as_of" })),
    });
    typeInto("retention-as-of", "31.2.2029");
    click(byTestId("retention-preview-run"));
    await waitFor(() => byTestId("retention-as-of-error"));
    expect(byTestId("retention-as-of-error").textContent?.trim()).toBe("Päivämäärä ei kelpaa.");
  });

  it("opens the person from a due row", async () => {
    await openRetention({ person_page: () => personPage(), retention_status: () => DUE });
    click(byTestId("retention-preview-run"));
    await waitFor(() => byTestId("retention-due-person"));
    click(byTestId("retention-due-person"));
    await waitFor(() => byTestId("person-name"));
    expect(callsOf("person_page")[0].payload).toEqual({ person_id: "p-virtanen" });
  });

  it("asks once, saying how many go today, and runs only after yes", async () => {
    let runs: RetentionRun[] = [];
    await openRetention({
      retention_preview: () => preview([DUE, { ...DUE, person_id: "p-2", surname: "Virta" }], "2026-11-27"),
      retention_run: () => {
        runs = [RUN];
        return RUN;
      },
      retention_runs: () => runs,
    });
    click(byTestId("retention-run"));
    await waitFor(() => byTestId("confirm-dialog"));
    expect(byTestId("confirm-question").textContent).toContain("poistetaan pysyvästi 2 henkilöä (27.11.2026)");
    // The count comes from a fresh preview at today.
    const today = new Date();
    expect(callsOf("retention_preview")[0].payload).toEqual({
      as_of: `${today.getDate()}.${today.getMonth() + 1}.${today.getFullYear()}`,
      language: "fi",
    });
    expect(callsOf("retention_run")).toHaveLength(0);

    click(byTestId("confirm-no"));
    expect(queryTestId("confirm-dialog")).toBeNull();
    expect(callsOf("retention_run")).toHaveLength(0);

    click(byTestId("retention-run"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("retention-run-result"));
    expect(callsOf("retention_run")).toHaveLength(1);
    expect(Object.keys(callsOf("retention_run")[0].payload as object)).toEqual(["on_progress"]);
    expect(byTestId("retention-run-result").textContent).toContain("1 poistettu, 12 säilyi");
    await waitFor(() => byTestId("retention-run-row"));
    expect(byTestId("retention-run-row").textContent).toContain("käsin");
  });

  it("offers to run anyway when the clock is suspect, and reruns with clock_confirmed", async () => {
    await openRetention({
      retention_preview: () => preview([DUE], "2026-11-27"),
      retention_run: (p) =>
        p.clock_confirmed
          ? RUN
          : Promise.reject(
              appError(
                "clock_suspect",
                "Koneen kello (2026-11-27) on aiemmin kuin edellinen säilytysajo (2027-01-05).",
                "The computer's clock (2026-11-27) is earlier than the last retention run (2027-01-05).",
                { reason: "behind_last_run", now: "2026-11-27", reference: "2027-01-05" },
              ),
            ),
      retention_runs: () => [],
    });
    click(byTestId("retention-run"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("retention-run-error"));
    expect(byTestId("retention-run-error").textContent?.trim()).toBe(
      "Koneen kello (2026-11-27) on aiemmin kuin edellinen säilytysajo (2027-01-05).",
    );
    const anyway = byTestId("retention-run-clock-confirmed");
    expect(anyway.textContent?.trim()).toBe("Kello on oikein — aja silti");
    expect(queryTestId("retention-run-result")).toBeNull();

    click(byTestId("language-en"));
    expect(byTestId("retention-run-clock-confirmed").textContent?.trim()).toBe("The clock is right — run anyway");

    click(byTestId("retention-run-clock-confirmed"));
    await waitFor(() => byTestId("retention-run-result"));
    const sent = callsOf("retention_run").map((c) => Object.keys(c.payload as object).sort());
    expect(sent).toEqual([["on_progress"], ["clock_confirmed", "on_progress"]]);
    expect((callsOf("retention_run")[1].payload as { clock_confirmed: boolean }).clock_confirmed).toBe(true);
    expect(queryTestId("retention-clock-suspect")).toBeNull();
  });

  it("saves a rule's months and shows setting_invalid by its row", async () => {
    await openRetention({
      retention_rule_set: (p) => {
        const rule = p.rule as { months: number };
        if (rule.months > 1200) {
          return Promise.reject(appError("setting_invalid", "Kuukausia 1–1200.", "Months 1–1200."));
        }
        return { ...RULES[0], ...rule, updated_at: "2026-11-27T12:00:00Z" };
      },
    });
    typeInto("retention-rule-months-no-ties", "5000");
    click(byTestId("retention-rule-save-no-ties"));
    await waitFor(() => byTestId("retention-rule-error-no-ties"));
    expect(byTestId("retention-rule-error-no-ties").textContent?.trim()).toBe("Kuukausia 1–1200.");

    typeInto("retention-rule-months-no-ties", "48");
    click(byTestId("retention-rule-save-no-ties"));
    await waitFor(() => byTestId("retention-rule-saved-no-ties"));
    expect(callsOf("retention_rule_set")[1].payload).toEqual({
      rule: {
        rule_id: "no-ties",
        months: 48,
        reference_fi: RULES[0].reference_fi,
        reference_en: RULES[0].reference_en,
      },
    });
  });
});

describe("backups screen", () => {
  it("prefills the file and shows the backup's size and encryption speed in Finnish", async () => {
    const info: BackupInfo = {
      path: "/home/maija/Documents/kortisto-20261127.kbak",
      backup_id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      bytes: 1_234_567,
      snapshot_bytes: 500_000_000,
      created_at: "2026-11-27T10:00:00Z",
      snapshot_seconds: 0.5,
      encrypt_seconds: 2,
    };
    await openBackups({ backup_create: () => info });
    expect(byTestId<HTMLInputElement>("backup-file").value).toMatch(
      /^\/home\/maija\/Documents\/kortisto-\d{8}\.kbak$/,
    );
    typeInto("backup-file", info.path);
    click(byTestId("backup-create"));
    await waitFor(() => byTestId("backup-created"));
    expect(callsOf("backup_create")[0].payload).toEqual({ out_file: info.path });
    expect(byTestId("backup-created-size").textContent).toContain("Koko 1,2 Mt");
    expect(byTestId("backup-created-speed").textContent).toContain("Salaus 250 Mt/s");
  });

  it("saves the schedule; an empty folder turns it off; a missing folder is shown by the field", async () => {
    await openBackups({
      backup_schedule_set: (p) => {
        const schedule = p.schedule as { folder: string | null };
        if (schedule.folder === "/ei/ole") {
          return Promise.reject(appError("output_not_writable", "Kansiota ei ole.", "No such folder."));
        }
        return null;
      },
    });
    typeInto("backup-folder", "/ei/ole");
    typeInto("backup-keep", "14");
    click(byTestId("backup-schedule-save"));
    await waitFor(() => byTestId("backup-folder-error"));
    expect(byTestId("backup-folder-error").textContent?.trim()).toBe("Kansiota ei ole.");

    typeInto("backup-folder", "");
    click(byTestId("backup-schedule-save"));
    await waitFor(() => byTestId("backup-schedule-saved"));
    expect(callsOf("backup_schedule_set")[1].payload).toEqual({ schedule: { folder: null, keep: 14 } });
    expect(byTestId("backup-schedule-saved").textContent).toContain("ei ole käytössä");
  });

  it("restores after one confirmation and reports the re-applied erasures", async () => {
    const report: RestoreReport = {
      backup_created_at: "2026-11-20T10:00:00Z",
      erasures_reapplied: 3,
      ledger_entries: 9,
    };
    await openBackups({ backup_restore: () => report });
    typeInto("restore-file", "/home/maija/kortisto-20261120.kbak");
    submitForm("restore-form");
    await waitFor(() => byTestId("confirm-dialog"));
    expect(byTestId("confirm-question").textContent).toContain("korvataan");
    expect(callsOf("backup_restore")).toHaveLength(0);
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("restore-result"));
    expect(callsOf("backup_restore")[0].payload).toEqual({ file: "/home/maija/kortisto-20261120.kbak" });
    expect(byTestId("restore-result").textContent).toContain("20.11.2026");
    expect(byTestId("restore-result").textContent).toContain("Uudelleen tehtyjä poistoja: 3");
  });

  it("a damaged backup shows the backend's message and says the register is unchanged", async () => {
    await openBackups({
      backup_restore: () =>
        Promise.reject(
          appError("backup_damaged", "Varmuuskopio on vioittunut.", "The backup is damaged."),
        ),
    });
    typeInto("restore-file", "/tmp/rikki.kbak");
    click(byTestId("restore-run"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("restore-error"));
    expect(byTestId("restore-error-message").textContent?.trim()).toBe("Varmuuskopio on vioittunut.");
    expect(byTestId("restore-untouched").textContent).toBe(
      "Rekisteriin ei koskettu: nykyiset tiedot ovat ennallaan.",
    );
    expect(queryTestId("restore-result")).toBeNull();
  });
});

describe("person retention line", () => {
  async function openPersonWith(status: RetentionStatus, as?: Session) {
    const overrides: Record<string, Handler> = {
      search: () => HITS,
      person_page: () => personPage(),
      retention_status: () => status,
      retention_rules: () => RULES,
    };
    await startLoggedIn(overrides, as);
    typeInto("search-input", "virtanen");
    await waitFor(() => byTestId("search-hit"));
    press("Enter", {}, byTestId("search-input"));
    await waitFor(() => byTestId("person-retention-line"));
  }

  it("says until when and why a person is kept", async () => {
    await openPersonWith({
      ...DUE,
      due: false,
      due_on: "2027-06-30",
      deciding_date: "2024-06-30",
      legal_hold: { reason: "Kirjanpitolaki", until_on: "2027-01-31" },
    });
    expect(callsOf("retention_status")[0].payload).toEqual({ person_id: "p-virtanen" });
    expect(byTestId("person-retention-line").textContent).toBe(
      "Säilytetään 30.6.2027 asti: viimeisen tehtävän päättyminen (30.6.2024)",
    );
    expect(byTestId("person-retention-hold").textContent).toContain(
      "Lakisääteinen säilytys 31.1.2027 asti: Kirjanpitolaki",
    );
  });

  it("says a person is kept because of a consent, for a sales rep too", async () => {
    await openPersonWith(
      { ...DUE, deciding: "consent-in-force", deciding_date: null, rule: null, due_on: null, due: false },
      SALES,
    );
    expect(byTestId("person-retention-line").textContent).toBe("Säilytetään: voimassa oleva suostumus");
    expect(queryTestId("person-retention-hold")).toBeNull();
    expect(callsOf("retention_rules")).toHaveLength(0);
  });

  it("says when a person is due and by which rule", async () => {
    await openPersonWith({ ...DUE, due_on: "2026-11-26" });
    await waitFor(() =>
      expect(byTestId("person-retention-line").textContent).toBe(
        "Poistettavana 26.11.2026 (sääntö: ei yhteyksiä asiakkaaseen, 3 vuotta)",
      ),
    );
  });
});

describe("roles", () => {
  it("non-admins see no retention or backup navigation and call no admin command", async () => {
    await startLoggedIn({}, SALES);
    expect(queryTestId("nav-retention")).toBeNull();
    expect(queryTestId("nav-backups")).toBeNull();
    const admin = [...ADMIN_COMMANDS, "retention_rules", "retention_preview", "retention_run", "backup_schedule"];
    expect(calls.filter((c) => admin.includes(c.cmd))).toEqual([]);
  });

  it("the administrator sees both", async () => {
    await startLoggedIn();
    expect(byTestId("nav-retention").textContent?.trim()).toBe("Säilytys");
    expect(byTestId("nav-backups").textContent?.trim()).toBe("Varmuuskopiot");
  });
});

describe("helpers and texts", () => {
  it("has the same keys and no empty texts in both languages", () => {
    expect(Object.keys(retentionTexts.en).sort()).toEqual(Object.keys(retentionTexts.fi).sort());
    for (const lang of ["fi", "en"] as const) {
      for (const [key, text] of Object.entries(retentionTexts[lang])) {
        expect(text.trim(), `${lang}.${key}`).not.toBe("");
      }
    }
  });

  it("names the default backup file and formats the speed", () => {
    const day = new Date(2026, 10, 27, 12);
    expect(defaultBackupFile("/home/maija/Documents", "kortisto", day)).toBe(
      "/home/maija/Documents/kortisto-20261127.kbak",
    );
    expect(defaultBackupFile("C:\\Users\\maija\\Documents\\", "kortisto", day)).toBe(
      "C:\\Users\\maija\\Documents\\kortisto-20261127.kbak",
    );
    expect(speedText(245_300_000, 1, "Mt/s", "fi")).toBe("245,3 Mt/s");
    expect(speedText(245_300_000, 1, "MB/s", "en")).toBe("245.3 MB/s");
    expect(speedText(1, 0, "MB/s", "en")).toBeNull();
  });
});

describe("a running retention run", () => {
  it("shows its progress and can be stopped after the current batch", async () => {
    let finish: (run: RetentionRun) => void = () => undefined;
    await openRetention({
      retention_preview: () => preview([DUE], "2026-11-27"),
      retention_run: () => new Promise<RetentionRun>((resolve) => (finish = resolve)),
      retention_runs: () => [],
      work_cancel: () => null,
    });
    click(byTestId("retention-run"));
    await waitFor(() => byTestId("confirm-yes"));
    click(byTestId("confirm-yes"));
    await waitFor(() => byTestId("retention-run-progress"));
    click(byTestId("retention-run-cancel"));
    await waitFor(() => callsOf("work_cancel").length === 1 || undefined);
    expect(callsOf("work_cancel")).toHaveLength(1);
    expect((byTestId("retention-run-cancel") as HTMLButtonElement).disabled).toBe(true);
    finish({ ...RUN, erased: 0 });
    await waitFor(() => byTestId("retention-run-result"));
    expect(queryTestId("retention-run-progress")).toBeNull();
  });
});

describe("legal references", () => {
  it("never break before a parenthesis inside a reference", () => {
    expect(keepTogether("GDPR Art. 5(1)(e) (storage limitation)")).toBe("GDPR Art. 5\u2060(1)\u2060(e) (storage limitation)");
  });
});
