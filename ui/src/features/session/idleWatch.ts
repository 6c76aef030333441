// The idle and sleep watch of a logged-in UI: every 30 s asks session_current; a null answer, or a
// tick more than 2 minutes late (the computer slept: session_lock first), ends the session.
import { api } from "../../lib/api";

export type IdleWatchOptions = {
  /** Called once when the session is found gone; the watch has stopped by then. */
  onlocked: () => void;
  intervalMs?: number;
  /** How late a tick may be before the computer counts as having slept. */
  lateMs?: number;
  /** The clock (tests pass their own). */
  now?: () => number;
};

export const IDLE_CHECK_INTERVAL_MS = 30_000;
export const SLEEP_LATENESS_MS = 120_000;

/** Starts the watch; returns the function that stops it (call it on destroy). */
export function startIdleWatch(options: IdleWatchOptions): () => void {
  const intervalMs = options.intervalMs ?? IDLE_CHECK_INTERVAL_MS;
  const lateMs = options.lateMs ?? SLEEP_LATENESS_MS;
  const now = options.now ?? (() => Date.now());
  let last = now();
  let stopped = false;
  let checking = false;

  function lock() {
    if (stopped) return;
    stop();
    options.onlocked();
  }

  async function tick() {
    const current = now();
    const late = current - last - intervalMs;
    last = current;
    if (stopped || checking) return;
    checking = true;
    try {
      if (late > lateMs) {
        await api.sessionLock().catch(() => null);
        lock();
        return;
      }
      const session = await api.sessionCurrent();
      if (session === null) lock();
    } catch {
      // A failed check proves nothing; "session gone" errors end the session via the api hook.
    } finally {
      checking = false;
    }
  }

  const timer = setInterval(() => void tick(), intervalMs);
  function stop() {
    stopped = true;
    clearInterval(timer);
  }
  return stop;
}
