// End-to-end-style tests of the start-up screens, with the backend faked at the IPC level (mockIPC).
// They assert rendered text, so a wrong screen, wording or language makes them fail.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { InvokeArgs } from "@tauri-apps/api/core";
import App from "./App.svelte";
import { language } from "./lib/i18n";
import type { AppError, Language, RegisterStatus, StartupState } from "./lib/generated";

const STATUS: RegisterStatus = {
  register_id: "reg-7f3a9c21",
  schema_version: 1,
  key_backend: "Secret Service (D-Bus)",
  keychain_service: "fi.kortisto.app",
  data_dir: "/home/maija/.local/share/kortisto",
  database_bytes: 1_234_567,
  created_at: "2026-11-27T12:00:00Z",
  counts: { registers: 1, widgets: 3 },
};

const CODE = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-67ABC-DEFGH-IJKLM-NOPQR-STUVW";

type Call = { cmd: string; payload?: InvokeArgs };

let calls: Call[];
let app: ReturnType<typeof mount> | undefined;

function fakeBackend(open: () => StartupState | Promise<never>, saved: Language = "fi") {
  mockIPC((cmd, payload) => {
    calls.push({ cmd, payload });
    switch (cmd) {
      case "preferences_get":
        return { language: saved };
      case "preferences_set":
        return { language: (payload as { language: Language }).language };
      case "register_open":
        return open();
      case "register_status":
        return STATUS;
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
}

function start() {
  const target = document.createElement("div");
  document.body.appendChild(target);
  app = mount(App, { target });
  flushSync();
}

/** Retries `check` until it passes (the fake backend answers asynchronously). */
async function waitFor(check: () => void, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    flushSync();
    try {
      check();
      return;
    } catch (failure) {
      if (Date.now() > deadline) throw failure;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

function queryTestId(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

function click(element: HTMLElement) {
  element.click();
  flushSync();
}

beforeEach(() => {
  calls = [];
  language.set("fi");
});

afterEach(() => {
  if (app) unmount(app);
  app = undefined;
  document.body.replaceChildren();
  clearMocks();
});

describe("start-up", () => {
  it("shows the loading text while the register opens", async () => {
    let release: (value: StartupState) => void = () => {};
    mockIPC((cmd) => {
      if (cmd === "register_open") return new Promise<StartupState>((r) => (release = r));
      if (cmd === "preferences_get") return { language: "fi" };
      return null;
    });
    start();
    expect(byTestId("loading").textContent).toContain("Avataan rekisteriä…");
    release({ state: "opened", status: STATUS });
    await waitFor(() => expect(queryTestId("start-screen")).not.toBeNull());
    expect(queryTestId("loading")).toBeNull();
  });

  it("shows the recovery code once on creation, and continues only after confirming", async () => {
    fakeBackend(() => ({ state: "created", recovery_code: CODE, status: STATUS }));
    start();
    await waitFor(() => expect(queryTestId("recovery-step")).not.toBeNull());

    expect(byTestId("recovery-step").querySelector("h1")?.textContent).toBe(
      "Kirjoita palautuskoodi talteen",
    );
    expect(byTestId("recovery-code").textContent).toBe(CODE);
    expect(byTestId("recovery-step").textContent).toContain("vain tämän kerran");
    expect(queryTestId("start-screen")).toBeNull();

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

    await waitFor(() => expect(queryTestId("start-screen")).not.toBeNull());
    expect(byTestId("status-register-id").textContent).toBe("reg-7f3a9c21");
    expect(queryTestId("recovery-step")).toBeNull();
    expect(document.body.textContent).not.toContain("ABCDE");
  });

  it("goes straight to the start screen when the register opens, with Finnish formats", async () => {
    fakeBackend(() => ({ state: "opened", status: STATUS }));
    start();
    await waitFor(() => expect(queryTestId("start-screen")).not.toBeNull());

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
    expect(calls.filter((c) => c.cmd === "register_open")).toHaveLength(1);
  });

  it("shows the error screen with the code and the recovery hint for wrong_key", async () => {
    const wrongKey: AppError = {
      code: "wrong_key",
      params: { register_id: "reg-7f3a9c21" },
      message: {
        fi: "Avainnipussa oleva avain ei kuulu tähän rekisteriin.",
        en: "The key in the keychain does not belong to this register.",
      },
    };
    fakeBackend(() => Promise.reject(wrongKey));
    start();
    await waitFor(() => expect(queryTestId("error-screen")).not.toBeNull());

    const screen = byTestId("error-screen");
    expect(byTestId("error-code").textContent).toBe("wrong_key");
    expect(screen.querySelector("h1")?.textContent).toBe("Avain ei sovi tähän rekisteriin");
    expect(byTestId("error-message").textContent).toBe(wrongKey.message.fi);
    expect(screen.textContent).toContain("kortisto recover --code KOODI");
    expect(screen.textContent).toContain("ei vielä ole palautusnäkymää");
    expect(queryTestId("error-retry")).toBeNull();

    click(byTestId("language-en"));
    expect(byTestId("error-message").textContent).toBe(wrongKey.message.en);
    expect(screen.textContent).toContain("kortisto recover --code CODE");
  });

  it("offers Try again for a locked keychain and opens the register on retry", async () => {
    let attempts = 0;
    fakeBackend(() => {
      attempts += 1;
      if (attempts === 1) {
        return Promise.reject({
          code: "keychain_locked",
          params: { detail: "locked" },
          message: { fi: "Avainnippu on lukittu.", en: "The keychain is locked." },
        });
      }
      return { state: "opened", status: STATUS };
    });
    start();
    await waitFor(() => expect(queryTestId("error-screen")).not.toBeNull());
    expect(byTestId("error-code").textContent).toBe("keychain_locked");
    const retry = byTestId("error-retry");
    expect(retry.textContent?.trim()).toBe("Yritä uudelleen");

    click(retry);
    await waitFor(() => expect(queryTestId("start-screen")).not.toBeNull());
    expect(attempts).toBe(2);
  });

  it("falls back to a generic screen for unknown codes and non-AppError failures", async () => {
    fakeBackend(() => Promise.reject("command register_open not found"));
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
    fakeBackend(() => ({ state: "opened", status: STATUS }));
    start();
    await waitFor(() => expect(queryTestId("start-screen")).not.toBeNull());
    await waitFor(() => expect(calls.some((c) => c.cmd === "preferences_get")).toBe(true));

    expect(document.documentElement.lang).toBe("fi");
    expect(byTestId("language-fi").getAttribute("aria-pressed")).toBe("true");
    expect(byTestId("language-en").getAttribute("aria-pressed")).toBe("false");

    click(byTestId("language-en"));
    expect(byTestId("start-heading").textContent?.trim()).toBe("Customer and stakeholder register");
    expect(byTestId("status-created").textContent?.trim()).toBe("27 November 2026");
    expect(byTestId("status-database-size").textContent).toBe("1.2 MB");
    expect(byTestId("language-en").getAttribute("aria-pressed")).toBe("true");
    expect(document.documentElement.lang).toBe("en");
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === "preferences_set")).toEqual([
        { cmd: "preferences_set", payload: { language: "en" } },
      ]),
    );
  });

  it("applies the saved language on start, also on the recovery step", async () => {
    fakeBackend(() => ({ state: "created", recovery_code: CODE, status: STATUS }), "en");
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
