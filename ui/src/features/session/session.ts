// Who is logged in, as the backend last said, and why the last session ended (the login notice).
// Owns nothing else: ending a session clears it whole, so no screen keeps data for the next user.
import { get, writable } from "svelte/store";
import { api, onSessionGone, type Session } from "../../lib/api";
import type { Message } from "../../lib/generated";
import { bothLanguages } from "../../lib/i18n";

/** The logged-in user, or null. */
export const session = writable<Session | null>(null);

/** Why the login screen is shown again (both languages, so a language switch still works). */
export const loginNotice = writable<Message | null>(null);

/** Starts a session the backend has just confirmed. */
export function sessionStarted(started: Session): void {
  loginNotice.set(null);
  session.set(started);
}

/** Ends the session in the UI, with a reason for the login screen; no-op when nobody is in. */
export function sessionEnded(notice: Message | null): void {
  if (get(session) === null) return;
  loginNotice.set(notice);
  session.set(null);
}

/** The notice for the idle lock and the computer's sleep. */
export function lockedNotice(): Message {
  return bothLanguages("session_locked_notice");
}

/** Logs out; the UI returns to the login screen even if the backend call fails. */
export async function logout(): Promise<void> {
  try {
    await api.sessionLogout();
  } catch {
    // The session is gone on the backend already (or the call failed): leave anyway.
  }
  loginNotice.set(null);
  session.set(null);
}

// Any command that finds the session gone (not_logged_in, session_locked) ends it here too,
// with the backend's own sentence as the notice.
onSessionGone((error) => {
  const hasText = error.message.fi !== "" && error.message.en !== "";
  sessionEnded(hasText ? error.message : lockedNotice());
});
