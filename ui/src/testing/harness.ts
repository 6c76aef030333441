// Shared helpers of the UI tests: a fake backend at the IPC level (mockIPC) that records every call,
// sample data, mounting the whole app, and DOM helpers (find by test id, type, click, wait).
import { flushSync, mount, unmount } from "svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { InvokeArgs } from "@tauri-apps/api/core";
import App from "../App.svelte";
import { language } from "../lib/i18n";
import type { AppError, RegisterStatus, Session, StartupState, TrainingStatus, User } from "../lib/generated";
import { loginNotice, session } from "../features/session/session";

export const STATUS: RegisterStatus = {
  register_id: "reg-7f3a9c21",
  schema_version: 1,
  key_backend: "Secret Service (D-Bus)",
  keychain_service: "fi.kortisto.app",
  data_dir: "/home/maija/.local/share/kortisto",
  database_bytes: 1_234_567,
  created_at: "2026-11-27T12:00:00Z",
  counts: { registers: 1, widgets: 3 },
  audit_tail: "ok",
};

export const CODE = "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z2345-67ABC-DEFGH-IJKLM-NOPQR-STUVW";

export const ADMIN: Session = {
  user_id: "u-admin",
  username: "maija",
  display_name: "Maija Meikäläinen",
  role: "admin",
};

export const SALES: Session = {
  user_id: "u-sales",
  username: "pekka",
  display_name: "Pekka Myyjä",
  role: "sales",
};

export const USERS: User[] = [
  {
    user_id: "u-admin",
    username: "maija",
    display_name: "Maija Meikäläinen",
    role: "admin",
    active: true,
    created_at: "2026-01-05T09:00:00Z",
    last_training_on: "2026-03-02",
    training_overdue: false,
  },
  {
    user_id: "u-sales",
    username: "pekka",
    display_name: "Pekka Myyjä",
    role: "sales",
    active: true,
    created_at: "2026-01-06T09:00:00Z",
    last_training_on: "2024-11-27",
    training_overdue: true,
  },
  {
    user_id: "u-old",
    username: "olli",
    display_name: "Olli Entinen",
    role: "office",
    active: false,
    created_at: "2025-01-06T09:00:00Z",
    last_training_on: null,
    training_overdue: true,
  },
];

/** The active users' training states as the backend answers: the sales rep's passed test expired. */
export const TRAINING_STATUS: TrainingStatus[] = [
  {
    user_id: "u-sales",
    username: "pekka",
    display_name: "Pekka Myyjä",
    state: "expired",
    latest_on: "2024-11-27",
    latest_score: 88,
  },
  {
    user_id: "u-admin",
    username: "maija",
    display_name: "Maija Meikäläinen",
    state: "passed",
    latest_on: "2026-03-02",
    latest_score: 95,
  },
];

/** Commands only an administrator may run: a non-admin UI must never call them. */
export const ADMIN_COMMANDS = [
  "user_list",
  "user_add",
  "user_role_change",
  "user_deactivate",
  "user_password_reset",
  "audit_list",
  "audit_verify",
  "training_record",
  "training_list",
  "training_status",
  "person_seen_by",
  "internal_audit_record",
  "internal_audit_list",
  "idle_lock_set",
  "processor_add",
  "processor_list",
  "transfer_add",
  "transfer_list",
  "disclose",
  "request_add",
  "request_identity_checked",
  "request_extend",
  "request_close",
  "request_list",
  "requests_due",
  "extract_default_folder",
  "extract",
  "portability_export",
  "erasure_check",
  "erase",
  "erasure_receipts",
  "legal_hold_add",
  "restriction_set",
  "restriction_lift",
  "objection_record",
  "erasure_matches",
  "redact",
  "redaction_todos",
  "redaction_todo_done",
  "maintenance_notice",
  "processor_edit",
  "processor_end",
  "transfer_edit",
  "transfer_end",
  "legal_hold_list",
  "legal_hold_lift",
];

export type Call = { cmd: string; payload?: InvokeArgs };
export type Handler = (payload: Record<string, unknown>) => unknown;

/** Every call the fake backend received, in order. */
export const calls: Call[] = [];

/** An AppError as the backend rejects with it. */
export function appError(code: string, fi: string, en: string, params: Record<string, unknown> = {}): AppError {
  return { code, params, message: { fi, en } };
}

/** The controller of the 2018 notice, as a fresh register holds it. */
export const CONTROLLER = {
  name: "Sofor Oy",
  address: "PL 51, Takakaarre 3, 62201 Kauhava",
  business_id: "0855050-9",
  contact: "gdpr@sofor.fi, +358 10 235 90",
  responsible: "Jukka-Pekka Sorvisto",
  complaint_authority: "Tietosuojavaltuutetun toimisto, tietosuoja.fi",
};

/**
 * Fakes the backend. By default the register opens with users, `session_login` logs in as
 * `loginAs`, and lists are empty; `overrides` replace single commands. Unknown commands fail.
 */
export function fakeBackend(overrides: Record<string, Handler> = {}, loginAs: Session = ADMIN) {
  let current: Session | null = null;
  const defaults: Record<string, Handler> = {
    preferences_get: () => ({ language: "fi" }),
    preferences_set: (p) => ({ language: p.language }),
    register_open: (): StartupState => ({ state: "opened", status: STATUS, has_users: true }),
    register_status: () => STATUS,
    session_login: () => (current = loginAs),
    first_admin_create: (p) =>
      (current = { user_id: "u-new", username: String(p.username), display_name: String(p.display_name), role: "admin" }),
    session_current: () => current,
    session_logout: () => {
      current = null;
      return null;
    },
    session_lock: () => {
      current = null;
      return null;
    },
    idle_lock_get: () => 15,
    controller_get: () => ({ ...CONTROLLER }),
    user_list: () => USERS,
    audit_verify: () => ({ entries: 12, intact: true, first_broken_seq: null, problem: null, hub_copy: null, hub_copy_error: null }),
    audit_list: () => [],
    training_list: () => [],
    training_status: () => TRAINING_STATUS,
    person_seen_by: () => [],
    internal_audit_list: () => [],
    consent_history: () => [],
    requests_due: () => ({ overdue: [], due_soon: [] }),
    request_list: () => [],
    maintenance_notice: () => [],
    redaction_todos: () => [],
    legal_hold_list: () => [],
    organisation_prospects: () => [],
    sync_status: () => ({
      set_up: false,
      device_name: null,
      hub_url: null,
      waiting: 0,
      last_sync_at: null,
      last_attempt_at: null,
      offline_since: null,
      last_error: null,
      open_conflicts: 0,
    }),
  };
  const handlers = { ...defaults, ...overrides };
  mockIPC((cmd, payload) => {
    calls.push({ cmd, payload });
    const handler = handlers[cmd];
    if (!handler) throw new Error(`unexpected command ${cmd}`);
    return handler((payload ?? {}) as Record<string, unknown>);
  });
}

let app: ReturnType<typeof mount> | undefined;

/** Mounts the whole app as main.ts does. */
export function start() {
  const target = document.createElement("div");
  document.body.appendChild(target);
  app = mount(App, { target });
  flushSync();
}

/** Call in beforeEach. */
export function resetAll() {
  calls.length = 0;
  language.set("fi");
  session.set(null);
  loginNotice.set(null);
}

/** Call in afterEach: unmounts the app (stopping its timers) and forgets the fake backend. */
export function cleanUp() {
  if (app) unmount(app);
  app = undefined;
  document.body.replaceChildren();
  clearMocks();
  session.set(null);
  loginNotice.set(null);
}

/** Retries `check` until it passes (the fake backend answers asynchronously). */
export async function waitFor(check: () => void, timeoutMs = 2000) {
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

export function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

export function queryTestId(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

export function click(element: HTMLElement) {
  element.click();
  flushSync();
}

/** Types a value into an input or textarea, or picks an option of a select. */
export function typeInto(id: string, value: string) {
  const element = byTestId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id);
  element.value = value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  flushSync();
}

/** Submits a form the way Enter in one of its fields does. */
export function submitForm(id: string) {
  byTestId<HTMLFormElement>(id).requestSubmit();
  flushSync();
}

/** The calls of one command. */
export function callsOf(cmd: string): Call[] {
  return calls.filter((call) => call.cmd === cmd);
}

/** Starts the app against the default fake backend and logs in; resolves on the home screen. */
export async function startLoggedIn(overrides: Record<string, Handler> = {}, as: Session = ADMIN) {
  fakeBackend(overrides, as);
  start();
  await waitFor(() => byTestId("login-form"));
  typeInto("login-username", as.username);
  typeInto("login-password", "oikein-pitkä-salasana");
  submitForm("login-form");
  await waitFor(() => byTestId("home-screen"));
}

/** Presses a key on an element (or the focused one): a bubbling keydown, then a flush. */
export function press(key: string, init: KeyboardEventInit = {}, target?: Element | null) {
  const element = target ?? document.activeElement ?? document.body;
  element.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));
  flushSync();
}
