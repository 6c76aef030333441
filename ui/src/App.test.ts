// End-to-end-style tests of the start-up screens, with the backend faked at the IPC level (mockIPC).
// They assert rendered text, so a wrong screen, wording or language makes them fail.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { StartupState } from "./lib/generated";
import {
  CODE,
  STATUS,
  appError,
  byTestId,
  calls,
  callsOf,
  cleanUp,
  click,
  fakeBackend,
  queryTestId,
  resetAll,
  start,
  startLoggedIn,
  waitFor,
} from "./testing/harness";

beforeEach(resetAll);
afterEach(cleanUp);

describe("start-up", () => {
  it("shows the loading text while the register opens, then the login screen", async () => {
    let release: (value: StartupState) => void = () => {};
    mockIPC((cmd) => {
      if (cmd === "register_open") return new Promise<StartupState>((r) => (release = r));
      if (cmd === "preferences_get") return { language: "fi" };
      return null;
    });
    start();
    expect(byTestId("loading").textContent).toContain("Avataan rekisteriä…");
    release({ state: "opened", status: STATUS, has_users: true });
    await waitFor(() => expect(queryTestId("login-form")).not.toBeNull());
    expect(queryTestId("loading")).toBeNull();
    expect(queryTestId("start-screen")).toBeNull();
  });

  it("shows the recovery code once on creation, and continues only after confirming", async () => {
    fakeBackend({ register_open: () => ({ state: "created", recovery_code: CODE, status: STATUS }) });
    start();
    await waitFor(() => expect(queryTestId("recovery-step")).not.toBeNull());

    expect(byTestId("recovery-step").querySelector("h1")?.textContent).toBe(
      "Kirjoita palautuskoodi talteen",
    );
    expect(byTestId("recovery-code").textContent).toBe(CODE);
    expect(byTestId("recovery-step").textContent).toContain("vain tämän kerran");
    expect(queryTestId("first-admin-form")).toBeNull();

    const continueButton = byTestId<HTMLButtonElement>("recovery-continue");
    expect(continueButton.textContent?.trim()).toBe("Jatka");
    expect(continueButton.disabled).toBe(true);
    click(continueButton);
    expect(queryTestId("recovery-step")).not.toBeNull();

    const confirm = byTestId<HTMLInputElement>("recovery-confirm");
    click(confirm);
    expect(confirm.checked).toBe(true);
    expect(continueButton.disabled).toBe(false);
    click(continueButton);

    await waitFor(() => expect(queryTestId("first-admin-form")).not.toBeNull());
    expect(queryTestId("recovery-step")).toBeNull();
    expect(document.body.textContent).not.toContain("ABCDE");
  });

  it("shows the register facts with Finnish formats on the home screen after logging in", async () => {
    await startLoggedIn();

    expect(queryTestId("recovery-step")).toBeNull();
    expect(byTestId("start-heading").textContent?.trim()).toBe("Asiakas- ja sidosryhmärekisteri");
    expect(byTestId("status-register-id").textContent).toBe("reg-7f3a9c21");
    expect(byTestId("status-created").textContent?.trim()).toBe("27.11.2026");
    expect(byTestId("status-database-size").textContent).toBe("1,2 Mt");
    expect(byTestId("status-data-dir").textContent).toBe(STATUS.data_dir);
    expect(byTestId("status-key").textContent).toContain("Secret Service (D-Bus)");
    expect(byTestId("status-key").textContent).toContain("fi.kortisto.app");
    const counts = byTestId("status-counts").textContent ?? "";
    expect(counts).toContain("Rekisterit");
    expect(counts).toContain("widgets");
    expect(callsOf("register_open")).toHaveLength(1);
  });

  it("shows the error screen with the code and the recovery-code form for wrong_key", async () => {
    const wrongKey = appError(
      "wrong_key",
      "Avainnipussa oleva avain ei kuulu tähän rekisteriin.",
      "The key in the keychain does not belong to this register.",
      { register_id: "reg-7f3a9c21" },
    );
    fakeBackend({ register_open: () => Promise.reject(wrongKey) });
    start();
    await waitFor(() => expect(queryTestId("error-screen")).not.toBeNull());

    const screen = byTestId("error-screen");
    expect(byTestId("error-code").textContent).toBe("wrong_key");
    expect(screen.querySelector("h1")?.textContent).toBe("Avain ei sovi tähän rekisteriin");
    expect(byTestId("error-message").textContent).toBe(wrongKey.message.fi);
    expect(byTestId("recover-intro").textContent).toContain("Anna rekisterin palautuskoodi");
    expect(byTestId("recover-submit").textContent?.trim()).toBe("Palauta avain");
    expect(queryTestId("error-retry")).toBeNull();

    click(byTestId("language-en"));
    expect(byTestId("error-message").textContent).toBe(wrongKey.message.en);
    expect(byTestId("recover-submit").textContent?.trim()).toBe("Restore the key");
  });

  it("offers Try again for a locked keychain and opens the register on retry", async () => {
    let attempts = 0;
    fakeBackend({
      register_open: () => {
        attempts += 1;
        if (attempts === 1) {
          return Promise.reject(
            appError("keychain_locked", "Avainnippu on lukittu.", "The keychain is locked.", {
              detail: "locked",
            }),
          );
        }
        return { state: "opened", status: STATUS, has_users: true };
      },
    });
    start();
    await waitFor(() => expect(queryTestId("error-screen")).not.toBeNull());
    expect(byTestId("error-code").textContent).toBe("keychain_locked");
    const retry = byTestId("error-retry");
    expect(retry.textContent?.trim()).toBe("Yritä uudelleen");

    click(retry);
    await waitFor(() => expect(queryTestId("login-form")).not.toBeNull());
    expect(attempts).toBe(2);
  });

  it("falls back to a generic screen for unknown codes and non-AppError failures", async () => {
    fakeBackend({ register_open: () => Promise.reject("command register_open not found") });
    start();
    await waitFor(() => expect(queryTestId("error-screen")).not.toBeNull());
    expect(byTestId("error-code").textContent).toBe("unexpected");
    expect(byTestId("error-screen").querySelector("h1")?.textContent).toBe(
      "Rekisteriä ei voitu avata",
    );
    expect(byTestId("error-message").textContent).toBe(
      "Rekisterin avaamisessa tapahtui odottamaton virhe.",
    );
  });
});

describe("language", () => {
  it("switches to English, saves the choice and changes the visible heading", async () => {
    await startLoggedIn();
    await waitFor(() => expect(calls.some((c) => c.cmd === "preferences_get")).toBe(true));

    expect(document.documentElement.lang).toBe("fi");
    expect(byTestId("language-fi").getAttribute("aria-pressed")).toBe("true");
    expect(byTestId("language-en").getAttribute("aria-pressed")).toBe("false");

    click(byTestId("language-en"));
    expect(byTestId("start-heading").textContent?.trim()).toBe("Customer and stakeholder register");
    expect(byTestId("status-created").textContent?.trim()).toBe("27 November 2026");
    expect(byTestId("status-database-size").textContent).toBe("1.2 MB");
    expect(byTestId("nav-users").textContent?.trim()).toBe("Users");
    expect(byTestId("language-en").getAttribute("aria-pressed")).toBe("true");
    expect(document.documentElement.lang).toBe("en");
    await waitFor(() =>
      expect(callsOf("preferences_set")).toEqual([
        { cmd: "preferences_set", payload: { language: "en" } },
      ]),
    );
  });

  it("applies the saved language on start, also on the recovery step", async () => {
    fakeBackend({
      preferences_get: () => ({ language: "en" }),
      register_open: () => ({ state: "created", recovery_code: CODE, status: STATUS }),
    });
    start();
    await waitFor(() =>
      expect(byTestId("recovery-step").querySelector("h1")?.textContent).toBe(
        "Write down your recovery code",
      ),
    );
    expect(byTestId("recovery-continue").textContent?.trim()).toBe("Continue");
    expect(document.documentElement.lang).toBe("en");
  });
});
