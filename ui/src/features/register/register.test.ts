// The first-run choice (create or restore), the repair of a lost manifest, recovering a lost key
// with the recovery code, the guides for foreign files, and the administrator's home-screen warnings (audit trail shortened, automatic maintenance failed), with the backend
// faked at the IPC level. They assert rendered text, focus and the exact payloads sent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CODE,
  SALES,
  STATUS,
  appError,
  byTestId,
  callsOf,
  cleanUp,
  click,
  fakeBackend,
  queryTestId,
  resetAll,
  start,
  startLoggedIn,
  submitForm,
  typeInto,
  waitFor,
} from "../../testing/harness";

beforeEach(resetAll);
afterEach(cleanUp);

const REPORT = { backup_created_at: "2026-11-20T08:00:00Z", erasures_reapplied: 2, ledger_entries: 5 };

describe("first run", () => {
  it("offers create or restore, creates nothing until chosen, and creates on Create", async () => {
    fakeBackend({
      register_open: () => ({ state: "empty" }),
      register_create: () => ({ state: "created", recovery_code: CODE, status: STATUS }),
    });
    start();
    await waitFor(() => byTestId("first-run"));

    expect(byTestId("first-run").querySelector("h1")?.textContent).toBe("Tervetuloa Kortistoon");
    expect(document.activeElement?.id).toBe("first-run-heading");
    expect(byTestId("first-run-create-choice").textContent).toContain("Luo uusi rekisteri");
    expect(byTestId("first-run-restore-choice").textContent).toContain("Palauta varmuuskopiosta");
    expect(callsOf("register_create")).toHaveLength(0);

    click(byTestId("language-en"));
    expect(byTestId("first-run-create-choice").textContent).toContain("Create a new register");
    expect(byTestId("first-run-restore-choice").textContent).toContain("Restore from a backup");
    click(byTestId("language-fi"));

    click(byTestId("first-run-create"));
    await waitFor(() => byTestId("recovery-step"));
    expect(callsOf("register_create")).toHaveLength(1);
    expect(byTestId("recovery-code").textContent).toBe(CODE);
  });

  it("shows why creating failed, in words", async () => {
    fakeBackend({
      register_open: () => ({ state: "empty" }),
      register_create: () =>
        Promise.reject(appError("keychain_locked", "Avainnippu on lukittu. Avaa se.", "The keychain is locked.")),
    });
    start();
    await waitFor(() => byTestId("first-run"));
    click(byTestId("first-run-create"));
    await waitFor(() => byTestId("first-run-create-error"));
    expect(byTestId("first-run-create-error").textContent?.trim()).toBe("Avainnippu on lukittu. Avaa se.");
    expect(queryTestId("first-run")).not.toBeNull();
  });

  it("lets the restore form take the whole screen, and Back brings the create choice again", async () => {
    fakeBackend({ register_open: () => ({ state: "empty" }) });
    start();
    await waitFor(() => byTestId("first-run"));
    click(byTestId("first-run-restore-open"));
    await waitFor(() => byTestId("first-run-restore-form"));
    expect(queryTestId("first-run-create-choice")).toBeNull();
    expect(byTestId("first-run").textContent).not.toContain("Tällä tietokoneella ei ole vielä rekisteriä");

    typeInto("first-run-code", CODE);
    click(byTestId("first-run-restore-back"));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("first-run-restore-open"));
    expect(byTestId("first-run-create-choice").textContent).toContain("Luo uusi rekisteri");
    expect(byTestId("first-run").textContent).toContain("Tällä tietokoneella ei ole vielä rekisteriä");

    // The code typed before Back is not kept.
    click(byTestId("first-run-restore-open"));
    await waitFor(() => byTestId("first-run-restore-form"));
    expect(byTestId<HTMLInputElement>("first-run-code").value).toBe("");
  });

  it("restores from a backup with the recovery code and continues to the log-in", async () => {
    let attempts = 0;
    fakeBackend({
      register_open: () => ({ state: "empty" }),
      register_restore: () => {
        attempts += 1;
        if (attempts === 1) {
          return Promise.reject(
            appError(
              "recovery_code_mismatch",
              "Palautuskoodi kuuluu toiseen rekisteriin. Käytä tämän rekisterin koodia.",
              "The recovery code belongs to another register.",
            ),
          );
        }
        return { state: "restored", status: STATUS, has_users: true, report: REPORT };
      },
    });
    start();
    await waitFor(() => byTestId("first-run"));

    click(byTestId("first-run-restore-open"));
    await waitFor(() => expect(document.activeElement?.id).toBe("first-run-file"));
    expect(byTestId<HTMLInputElement>("first-run-code").type).toBe("password");

    // Nothing is sent without a file and a code.
    submitForm("first-run-restore-form");
    expect(byTestId("first-run-file-missing").textContent).toBe("Anna varmuuskopiotiedoston polku.");
    typeInto("first-run-file", "  /media/usb/kortisto.kbak ");
    submitForm("first-run-restore-form");
    expect(byTestId("first-run-code-missing").textContent).toBe("Anna rekisterin palautuskoodi.");
    expect(document.activeElement?.id).toBe("first-run-code");
    expect(callsOf("register_restore")).toHaveLength(0);

    typeInto("first-run-code", "abcde-fghij");
    submitForm("first-run-restore-form");
    await waitFor(() => byTestId("first-run-restore-error"));
    expect(byTestId("first-run-restore-error").textContent?.trim()).toBe(
      "Palautuskoodi kuuluu toiseen rekisteriin. Käytä tämän rekisterin koodia.",
    );
    expect(byTestId("first-run-code").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement?.id).toBe("first-run-code");

    typeInto("first-run-code", CODE);
    submitForm("first-run-restore-form");
    await waitFor(() => byTestId("login-form"));
    expect(callsOf("register_restore")[1].payload).toEqual({
      file: "/media/usb/kortisto.kbak",
      recovery_code: CODE,
    });
    expect(byTestId("login-notice").textContent).toBe(
      "Rekisteri palautettiin varmuuskopiosta, joka on otettu 20.11.2026. Varmuuskopion jälkeen poistetut henkilöt poistettiin uudelleen: 2. Kirjaudu sisään.",
    );
    expect(document.body.textContent).not.toContain(CODE);
  });
});

describe("join a team register", () => {
  it("joins with the enrolment code, says why a code fails, and continues to the log-in", async () => {
    let attempts = 0;
    fakeBackend({
      register_open: () => ({ state: "empty" }),
      register_join: () => {
        attempts += 1;
        if (attempts === 1) {
          return Promise.reject(
            appError("hub_enrolment_used", "Koodi on jo käytetty. Pyydä uusi.", "The code was already used."),
          );
        }
        return { state: "opened", status: STATUS, has_users: true };
      },
    });
    start();
    await waitFor(() => byTestId("first-run"));
    click(byTestId("first-run-join-open"));
    await waitFor(() => expect(document.activeElement?.id).toBe("first-run-enrolment-code"));
    expect(queryTestId("first-run-create-choice")).toBeNull();
    expect(queryTestId("first-run-restore-choice")).toBeNull();
    expect(byTestId<HTMLInputElement>("first-run-enrolment-code").type).toBe("password");

    submitForm("first-run-join-form");
    expect(byTestId("first-run-enrolment-code-missing").textContent?.trim()).toBe(
      "Liitä ylläpitäjältä saamasi liittymiskoodi.",
    );
    expect(callsOf("register_join")).toHaveLength(0);

    typeInto("first-run-enrolment-code", " KORTISTO-abc ");
    submitForm("first-run-join-form");
    await waitFor(() => byTestId("first-run-join-error"));
    expect(byTestId("first-run-join-error").textContent?.trim()).toBe("Koodi on jo käytetty. Pyydä uusi.");

    typeInto("first-run-enrolment-code", "KORTISTO-def");
    submitForm("first-run-join-form");
    await waitFor(() => byTestId("login-form"));
    expect(callsOf("register_join")[1].payload).toEqual({ enrolment_code: "KORTISTO-def" });
    expect(document.body.textContent).not.toContain("KORTISTO-def");
  });

  it("Back from the join form brings every choice again", async () => {
    fakeBackend({ register_open: () => ({ state: "empty" }) });
    start();
    await waitFor(() => byTestId("first-run"));
    click(byTestId("first-run-join-open"));
    await waitFor(() => byTestId("first-run-join-form"));
    click(byTestId("first-run-join-back"));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("first-run-join-open"));
    expect(queryTestId("first-run-create-choice")).not.toBeNull();
    expect(queryTestId("first-run-restore-choice")).not.toBeNull();
  });
});

describe("repair", () => {
  const MISSING = appError(
    "manifest_missing",
    "Kansiossa on rekisterin tietokanta mutta ei sen tunnistetiedostoa.",
    "The folder holds the register's database but not its manifest.",
    { path: "/home/maija/.local/share/kortisto" },
  );

  it("repairs with the keychain's key and continues to the log-in", async () => {
    fakeBackend({
      register_open: () => Promise.reject(MISSING),
      register_repair: () => ({ state: "opened", status: STATUS, has_users: true }),
    });
    start();
    await waitFor(() => byTestId("error-screen"));
    expect(byTestId("error-screen").querySelector("h1")?.textContent).toBe("Rekisterin tunnistetiedosto puuttuu");
    expect(byTestId("error-hint").textContent).toContain("Tietokanta on tallessa");
    expect(queryTestId("error-retry")).toBeNull();
    const repair = byTestId("repair-run");
    expect(repair.textContent?.trim()).toBe("Korjaa rekisteri");

    click(byTestId("language-en"));
    expect(byTestId("repair-run").textContent?.trim()).toBe("Repair the register");

    click(repair);
    await waitFor(() => byTestId("login-form"));
    expect(callsOf("register_repair")[0].payload).toEqual({ recovery_code: null });
  });

  it("asks for the recovery code when the keychain has no key, and tries again with it", async () => {
    fakeBackend({
      register_open: () => Promise.reject(MISSING),
      register_repair: (p) =>
        p.recovery_code
          ? { state: "opened", status: STATUS, has_users: false }
          : Promise.reject(
              appError("repair_impossible", "Avainnipusta ei löytynyt avainta.", "No key in the keychain.", {
                reason: "key_not_found",
              }),
            ),
    });
    start();
    await waitFor(() => byTestId("repair-run"));
    click(byTestId("repair-run"));
    await waitFor(() => byTestId("repair-code-form"));
    expect(byTestId("repair-code-intro").textContent).toContain("Anna rekisterin palautuskoodi");
    expect(byTestId<HTMLInputElement>("repair-code").type).toBe("password");
    await waitFor(() => expect(document.activeElement?.id).toBe("repair-code"));
    expect(byTestId<HTMLButtonElement>("repair-with-code").disabled).toBe(true);

    typeInto("repair-code", CODE);
    submitForm("repair-code-form");
    await waitFor(() => byTestId("first-admin-form"));
    expect(callsOf("register_repair").map((c) => c.payload)).toEqual([
      { recovery_code: null },
      { recovery_code: CODE },
    ]);
  });

  it("shows a wrong recovery code in words and keeps the field", async () => {
    fakeBackend({
      register_open: () => Promise.reject(MISSING),
      register_repair: (p) =>
        Promise.reject(
          p.recovery_code
            ? appError("recovery_code_mismatch", "Palautuskoodi kuuluu toiseen rekisteriin.", "Another register.")
            : appError("repair_impossible", "Toinen rekisteri.", "Other register.", { reason: "other_register" }),
        ),
    });
    start();
    await waitFor(() => byTestId("repair-run"));
    click(byTestId("repair-run"));
    await waitFor(() => byTestId("repair-code-form"));
    typeInto("repair-code", "AAAAA");
    submitForm("repair-code-form");
    await waitFor(() => byTestId("repair-error"));
    expect(byTestId("repair-error").textContent?.trim()).toBe("Palautuskoodi kuuluu toiseen rekisteriin.");
    expect(byTestId("repair-code").getAttribute("aria-invalid")).toBe("true");
  });
});

describe("recovering the key", () => {
  const KEY_MISSING = appError(
    "key_missing",
    "Avainnipussa ei ole tämän rekisterin avainta. Palauta se palautuskoodilla.",
    "The keychain has no key for this register. Restore it with the recovery code.",
    { register_id: "reg-7f3a9c21" },
  );

  it("recovers with the right code and continues to the log-in, with no code left on screen", async () => {
    fakeBackend({
      register_open: () => Promise.reject(KEY_MISSING),
      register_recover: () => ({ state: "opened", status: STATUS, has_users: true }),
    });
    start();
    await waitFor(() => byTestId("recover-form"));
    expect(byTestId("error-screen").querySelector("h1")?.textContent).toBe("Rekisterin avain puuttuu");
    expect(byTestId("recover-intro").textContent).toContain("tallentaa avaimen takaisin avainnippuun");
    expect(byTestId<HTMLInputElement>("recover-code").type).toBe("password");
    expect(byTestId("recover-cli-note").textContent).toContain("kortisto recover");
    expect(queryTestId("error-retry")).toBeNull();

    // Nothing is sent without a code.
    submitForm("recover-form");
    expect(byTestId("recover-code-missing").textContent?.trim()).toBe("Anna rekisterin palautuskoodi.");
    expect(document.activeElement?.id).toBe("recover-code");
    expect(callsOf("register_recover")).toHaveLength(0);

    typeInto("recover-code", CODE);
    submitForm("recover-form");
    await waitFor(() => byTestId("login-form"));
    expect(callsOf("register_recover")[0].payload).toEqual({ recovery_code: CODE });
    expect(document.body.textContent).not.toContain(CODE);
  });

  it("goes on to the first administrator when the recovered register has no users", async () => {
    fakeBackend({
      register_open: () => Promise.reject(KEY_MISSING),
      register_recover: () => ({ state: "opened", status: STATUS, has_users: false }),
    });
    start();
    await waitFor(() => byTestId("recover-form"));
    typeInto("recover-code", CODE);
    submitForm("recover-form");
    await waitFor(() => byTestId("first-admin-form"));
  });

  it("shows a malformed or foreign code in words at the field, and other failures under the form", async () => {
    const refusals = [
      appError("recovery_code_invalid", "Palautuskoodi on virheellinen. Tarkista se.", "The recovery code is invalid."),
      appError(
        "recovery_code_mismatch",
        "Palautuskoodi kuuluu toiseen rekisteriin.",
        "The recovery code belongs to another register.",
      ),
      appError("keychain_locked", "Avainnippu on lukittu. Avaa se.", "The keychain is locked."),
    ];
    let attempt = 0;
    fakeBackend({
      register_open: () => Promise.reject(appError("wrong_key", "Väärä avain.", "Wrong key.")),
      register_recover: () => Promise.reject(refusals[attempt++]),
    });
    start();
    await waitFor(() => byTestId("recover-form"));

    typeInto("recover-code", "ABC");
    submitForm("recover-form");
    await waitFor(() => byTestId("recover-code-error"));
    expect(byTestId("recover-code-error").textContent?.trim()).toBe("Palautuskoodi on virheellinen. Tarkista se.");
    const field = byTestId("recover-code");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toContain("recover-code-error");
    await waitFor(() => expect(document.activeElement?.id).toBe("recover-code"));

    click(byTestId("language-en"));
    expect(byTestId("recover-code-error").textContent?.trim()).toBe("The recovery code is invalid.");
    click(byTestId("language-fi"));

    typeInto("recover-code", CODE);
    submitForm("recover-form");
    await waitFor(() =>
      expect(byTestId("recover-code-error").textContent?.trim()).toBe("Palautuskoodi kuuluu toiseen rekisteriin."),
    );

    submitForm("recover-form");
    await waitFor(() => byTestId("recover-error"));
    expect(byTestId("recover-error").textContent?.trim()).toBe("Avainnippu on lukittu. Avaa se.");
    expect(queryTestId("recover-code-error")).toBeNull();
    expect(byTestId("recover-code").getAttribute("aria-invalid")).toBe("false");
    expect(queryTestId("login-form")).toBeNull();
  });
});

describe("foreign files", () => {
  it.each([
    [
      "manifest_foreign",
      "Tunnistetiedosto kuuluu toiseen rekisteriin",
      "Palauta kansioon tämän rekisterin oma register.json",
      "The manifest belongs to another register",
    ],
    [
      "database_foreign",
      "Tietokanta kuuluu toiseen rekisteriin",
      "Palauta kansioon tämän rekisterin oma kortisto.db",
      "The database belongs to another register",
    ],
  ])("%s has its own title, says what to do, and offers Try again", async (code, title, hint, english) => {
    let opens = 0;
    fakeBackend({
      register_open: () => {
        opens += 1;
        return opens === 1
          ? Promise.reject(appError(code, "Kansion tiedosto kuuluu toiseen rekisteriin.", "Another register's file.", {
              path: "/home/maija/.local/share/kortisto",
            }))
          : { state: "opened", status: STATUS, has_users: true };
      },
    });
    start();
    await waitFor(() => byTestId("error-screen"));
    expect(byTestId("error-screen").querySelector("h1")?.textContent).toBe(title);
    expect(byTestId("error-hint").textContent).toContain(hint);
    expect(byTestId("error-hint").textContent).toContain("varmuuskopiosta");
    expect(byTestId("error-code").textContent).toBe(code);
    expect(queryTestId("recover-form")).toBeNull();
    expect(queryTestId("repair")).toBeNull();

    click(byTestId("language-en"));
    expect(byTestId("error-screen").querySelector("h1")?.textContent).toBe(english);
    expect(byTestId("error-hint").textContent).toContain("restore the register from a backup");
    click(byTestId("language-fi"));

    click(byTestId("error-retry"));
    await waitFor(() => byTestId("login-form"));
  });
});

describe("administrator's home", () => {
  it("warns when the audit trail was shortened, in plain words with what to do", async () => {
    await startLoggedIn({ register_status: () => ({ ...STATUS, audit_tail: "truncated" }) });
    await waitFor(() => byTestId("home-audit-tail"));
    const warning = byTestId("home-audit-tail").textContent ?? "";
    expect(warning).toContain("Lokia on lyhennetty tai sen tarkiste on muuttunut");
    expect(warning).toContain("tarkista varmuuskopiot");
    expect(warning).toContain("ota yhteys ylläpitoon");
  });

  it("does not warn when the trail is intact and nothing failed", async () => {
    await startLoggedIn();
    await waitFor(() => expect(callsOf("maintenance_notice")).toHaveLength(1));
    expect(queryTestId("home-audit-tail")).toBeNull();
    expect(queryTestId("home-maintenance")).toBeNull();
  });

  it("shows neither to a sales rep, who never asks for the notices", async () => {
    await startLoggedIn({ register_status: () => ({ ...STATUS, audit_tail: "anchor_invalid" }) }, SALES);
    await waitFor(() => expect(callsOf("register_status").length).toBeGreaterThan(0));
    expect(queryTestId("home-audit-tail")).toBeNull();
    expect(callsOf("maintenance_notice")).toHaveLength(0);
  });

  it("shows why automatic retention failed and opens retention from it", async () => {
    await startLoggedIn({
      maintenance_notice: () => [
        {
          task: "retention",
          at: "2026-11-27T10:15:00Z",
          error: appError(
            "clock_suspect",
            "Koneen kello on aiemmin kuin edellinen säilytysajo. Tarkista kello.",
            "The computer's clock is earlier than the last retention run.",
            { reason: "behind_last_run" },
          ),
        },
      ],
      retention_rules: () => [],
      retention_runs: () => [],
    });
    await waitFor(() => byTestId("home-maintenance"));
    expect(byTestId("home-maintenance").textContent).toContain("Automaattinen ylläpito ei onnistunut");
    expect(byTestId("home-maintenance-retention").textContent).toContain(
      "Koneen kello on aiemmin kuin edellinen säilytysajo. Tarkista kello.",
    );
    click(byTestId("home-maintenance-retention-link"));
    await waitFor(() => byTestId("retention-run"));
  });
});
