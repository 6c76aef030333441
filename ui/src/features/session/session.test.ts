// Tests of the session flow in the whole app: first administrator, log-in, roles in the navigation,
// log-out, and the idle lock (fake timers) and "session gone" errors sending the user to log in.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_COMMANDS,
  CODE,
  SALES,
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
  submitForm,
  typeInto,
  waitFor,
} from "../../testing/harness";

beforeEach(resetAll);
afterEach(() => {
  cleanUp();
  vi.useRealTimers();
});

describe("first administrator", () => {
  it("runs first run → recovery → first-admin form → shell with the admin navigation", async () => {
    fakeBackend({ register_open: () => ({ state: "created", recovery_code: CODE, status: STATUS }) });
    start();
    await waitFor(() => byTestId("recovery-step"));
    click(byTestId("recovery-confirm"));
    click(byTestId("recovery-continue"));
    await waitFor(() => byTestId("first-admin-form"));
    expect(document.body.textContent).toContain("tietosuojavastaava");

    typeInto("first-admin-username", "maija");
    typeInto("first-admin-display-name", "Maija Meikäläinen");
    typeInto("first-admin-password", "pitkä salasana yksi");
    typeInto("first-admin-password-again", "pitkä salasana kaksi");
    submitForm("first-admin-form");
    expect(byTestId("first-admin-mismatch").textContent).toBe(
      "Salasanat eivät täsmää. Kirjoita sama salasana molempiin kenttiin.",
    );
    click(byTestId("language-en"));
    expect(byTestId("first-admin-mismatch").textContent).toBe(
      "The passwords do not match. Type the same password in both fields.",
    );
    expect(callsOf("first_admin_create")).toHaveLength(0);

    typeInto("first-admin-password-again", "pitkä salasana yksi");
    click(byTestId("first-admin-submit"));
    await waitFor(() => byTestId("home-screen"));
    expect(callsOf("first_admin_create")).toEqual([
      {
        cmd: "first_admin_create",
        payload: { username: "maija", display_name: "Maija Meikäläinen", password: "pitkä salasana yksi" },
      },
    ]);
    for (const id of ["nav-home", "nav-users", "nav-audit", "nav-training", "nav-settings", "nav-password"]) {
      expect(queryTestId(id), id).not.toBeNull();
    }
    expect(byTestId("session-user").textContent).toContain("Maija Meikäläinen");
    expect(byTestId("session-user").textContent).toContain("Administrator");
    expect(byTestId("home-greeting").textContent?.trim()).toBe("Hello, Maija Meikäläinen!");
  });

  it("asks for the first administrator when the register opens without users", async () => {
    fakeBackend({ register_open: () => ({ state: "opened", status: STATUS, has_users: false }) });
    start();
    await waitFor(() => byTestId("first-admin-form"));
    expect(queryTestId("login-form")).toBeNull();
    expect(queryTestId("recovery-step")).toBeNull();
  });

  it("shows a backend error by its field", async () => {
    fakeBackend({
      register_open: () => ({ state: "opened", status: STATUS, has_users: false }),
      first_admin_create: () =>
        Promise.reject(
          appError("password_too_short", "Salasanassa on oltava vähintään 12 merkkiä.", "The password must have at least 12 characters.", { min: 12 }),
        ),
    });
    start();
    await waitFor(() => byTestId("first-admin-form"));
    typeInto("first-admin-username", "maija");
    typeInto("first-admin-display-name", "Maija");
    typeInto("first-admin-password", "lyhyt");
    typeInto("first-admin-password-again", "lyhyt");
    submitForm("first-admin-form");
    await waitFor(() => byTestId("first-admin-error-password"));
    expect(byTestId("first-admin-error-password").textContent?.trim()).toBe(
      "Salasanassa on oltava vähintään 12 merkkiä.",
    );
    expect(byTestId<HTMLInputElement>("first-admin-password").getAttribute("aria-invalid")).toBe("true");
  });
});

describe("log-in", () => {
  it("focuses the username and shows the backend's message in the chosen language on failure", async () => {
    fakeBackend({
      session_login: () =>
        Promise.reject(
          appError("login_failed", "Käyttäjätunnus tai salasana on väärin.", "The username or password is wrong."),
        ),
    });
    start();
    await waitFor(() => byTestId("login-form"));
    expect(document.activeElement).toBe(byTestId("login-username"));
    click(byTestId("language-en"));

    typeInto("login-username", "maija");
    typeInto("login-password", "väärä salasana");
    submitForm("login-form");
    await waitFor(() => byTestId("login-error"));
    expect(byTestId("login-error").textContent?.trim()).toBe("The username or password is wrong.");
    expect(byTestId("login-error").textContent).not.toContain("login_failed");
    expect(callsOf("session_login")[0].payload).toEqual({ username: "maija", password: "väärä salasana" });
    expect(byTestId<HTMLInputElement>("login-password").value).toBe("");

    click(byTestId("language-fi"));
    expect(byTestId("login-error").textContent?.trim()).toBe("Käyttäjätunnus tai salasana on väärin.");
    expect(queryTestId("home-screen")).toBeNull();
  });

  it("gives a sales user no admin entries and never calls admin commands", async () => {
    await startLoggedIn({}, SALES);
    expect(byTestId("session-user").textContent).toContain("Pekka Myyjä");
    expect(byTestId("session-user").textContent).toContain("Myyjä");
    expect(queryTestId("nav-home")).not.toBeNull();
    expect(queryTestId("nav-password")).not.toBeNull();
    for (const id of ["nav-users", "nav-audit", "nav-training", "nav-settings"]) {
      expect(queryTestId(id), id).toBeNull();
    }
    expect(queryTestId("home-training-overdue")).toBeNull();
    // The home screen says what the register is, not its technical make-up (#13 item 9).
    const home = byTestId("start-screen").textContent ?? "";
    for (const technical of ["reg-7f3a9c21", "fi.kortisto.app", "Rakenneversio", "widgets", "/home/maija"]) {
      expect(home, technical).not.toContain(technical);
    }
    expect(byTestId("status-key-plain").textContent).toContain("avainnipussa");
    expect(byTestId("status-created").textContent).toBeTruthy();

    click(byTestId("nav-password"));
    await waitFor(() => byTestId("password-screen"));
    click(byTestId("nav-home"));
    await waitFor(() => byTestId("home-screen"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const used = calls.map((call) => call.cmd);
    for (const command of ADMIN_COMMANDS) expect(used, command).not.toContain(command);
  });

  it("shows overdue training to an administrator on the home screen", async () => {
    await startLoggedIn();
    await waitFor(() => byTestId("home-training-overdue-list"));
    const box = byTestId("home-training-overdue");
    expect(box.textContent).toContain("Koulutusta ei ole suoritettu hyväksytysti");
    expect(box.textContent).toContain("Pekka Myyjä");
    expect(byTestId("home-training-state-pekka").textContent).toBe(
      "hyväksytty 27.11.2024, yli 12 kuukautta sitten (88/100)",
    );
    // Passed within 12 months: not listed.
    expect(box.textContent).not.toContain("Maija Meikäläinen");
    click(byTestId("home-training-link"));
    await waitFor(() => byTestId("training-screen"));
  });

  it("logs out with one click and returns to the login screen", async () => {
    await startLoggedIn();
    click(byTestId("logout"));
    await waitFor(() => byTestId("login-form"));
    expect(callsOf("session_logout")).toHaveLength(1);
    expect(queryTestId("session-user")).toBeNull();
    expect(queryTestId("login-notice")).toBeNull();
    expect(queryTestId("home-screen")).toBeNull();
  });

  it("changes the own password after checking that the new ones match", async () => {
    await startLoggedIn({ own_password_change: () => null }, SALES);
    click(byTestId("nav-password"));
    await waitFor(() => byTestId("password-screen"));
    typeInto("own-password-current", "vanha salasana 1");
    typeInto("own-password-new", "uusi pitkä salasana");
    typeInto("own-password-again", "uusi pitkä salasanA");
    submitForm("own-password-form");
    expect(queryTestId("own-password-mismatch")).not.toBeNull();
    typeInto("own-password-again", "uusi pitkä salasana");
    submitForm("own-password-form");
    await waitFor(() => byTestId("own-password-success"));
    expect(callsOf("own_password_change")[0].payload).toEqual({
      current: "vanha salasana 1",
      new_password: "uusi pitkä salasana",
    });
  });
});

describe("idle lock", () => {
  it("sends the user to the login screen with the lock notice when session_current says null", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let alive = true;
    await startLoggedIn({ session_current: () => (alive ? SALES : null) }, SALES);

    vi.advanceTimersByTime(30_000);
    await waitFor(() => expect(callsOf("session_current")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10)); // let the first check finish
    expect(queryTestId("home-screen")).not.toBeNull();

    alive = false;
    vi.advanceTimersByTime(30_000);
    await waitFor(() => byTestId("login-notice"));
    expect(byTestId("login-notice").textContent).toBe(
      "Istunto lukittiin käyttämättömyyden vuoksi. Kirjaudu uudelleen sisään.",
    );
    expect(queryTestId("home-screen")).toBeNull();
    expect(queryTestId("session-user")).toBeNull();
    click(byTestId("language-en"));
    expect(byTestId("login-notice").textContent).toContain("The session was locked after inactivity");

    // The watch stopped with the shell: no more checks.
    vi.advanceTimersByTime(120_000);
    expect(callsOf("session_current")).toHaveLength(2);
  });

  it("returns to the login screen with the backend's sentence when a command says session_locked", async () => {
    const locked = appError(
      "session_locked",
      "Istunto lukittiin, koska Kortistoa ei käytetty 15 minuuttiin.",
      "The session was locked because Kortisto was not used for 15 minutes.",
    );
    await startLoggedIn({ idle_lock_get: () => Promise.reject(locked) });
    click(byTestId("nav-settings"));
    await waitFor(() => byTestId("login-notice"));
    expect(byTestId("login-notice").textContent).toBe(locked.message.fi);
    expect(queryTestId("settings-screen")).toBeNull();
  });
});
