// The one interface between the UI and the backend: every Tauri command the UI calls, typed.
// Owns turning a failed call into an AppError; does not own any screen state or wording.
import { invoke } from "@tauri-apps/api/core";
import type { AppError, Language, Preferences, RegisterStatus, StartupState } from "./generated";

export type { AppError, Language, Preferences, RegisterStatus, StartupState } from "./generated";

/** What the UI may ask of the backend. Tests fake it at the IPC level with `mockIPC`. */
export interface Backend {
  /** Opens the register in the default data folder, creating it on the very first run. */
  registerOpen(): Promise<StartupState>;
  /** Describes the open register. */
  registerStatus(): Promise<RegisterStatus>;
  /** Reads the saved preferences (works even when the register cannot be opened). */
  preferencesGet(): Promise<Preferences>;
  /** Saves the language choice and returns the preferences as now stored. */
  preferencesSet(language: Language): Promise<Preferences>;
}

/** Code given to failures that did not come from the backend as an AppError. */
export const UNEXPECTED_ERROR_CODE = "unexpected";

function isAppError(value: unknown): value is AppError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const message = v.message as Record<string, unknown> | undefined;
  return (
    typeof v.code === "string" &&
    typeof message === "object" &&
    message !== null &&
    typeof message.fi === "string" &&
    typeof message.en === "string"
  );
}

/** Any rejection as an AppError; foreign failures keep their text in `params.detail` only. */
export function toAppError(failure: unknown): AppError {
  if (isAppError(failure)) {
    const params = typeof failure.params === "object" && failure.params !== null ? failure.params : {};
    return { code: failure.code, params, message: failure.message };
  }
  const detail = failure instanceof Error ? failure.message : String(failure);
  return { code: UNEXPECTED_ERROR_CODE, params: { detail }, message: { fi: "", en: "" } };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (failure) {
    throw toAppError(failure);
  }
}

/** The Tauri implementation: each method is one command of the same name. */
export const api: Backend = {
  registerOpen: () => call<StartupState>("register_open"),
  registerStatus: () => call<RegisterStatus>("register_status"),
  preferencesGet: () => call<Preferences>("preferences_get"),
  preferencesSet: (language) => call<Preferences>("preferences_set", { language }),
};
