// The rules the rights screens share: a person's consent in force, the earliest day an erasure
// becomes possible, request deadlines and their urgency, the marketing list's default file, and the last erasure receipt.
import { writable } from "svelte/store";
import type {
  ConsentEvent,
  ErasureBlocker,
  ErasureReceipt,
  Request,
} from "../../lib/generated";

/** Days before its deadline a request counts as due soon (the admin's home box). */
export const DUE_SOON_DAYS = 7;

/** Today as ISO `2026-11-27` in the local time zone. */
export function isoToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${month}-${day}`;
}

/** An ISO day `days` later (local calendar arithmetic). */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return isoToday(new Date(y, m - 1, d + days, 12));
}

/** A purpose's events oldest first (the backend's order is not relied on). */
export function consentEventsOf(history: readonly ConsentEvent[], purpose: string): ConsentEvent[] {
  return history
    .filter((event) => event.purpose === purpose)
    .map((event, index) => ({ event, index }))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
    .map(({ event }) => event);
}

/** The latest event of a purpose, which decides the consent in force; null when there is none. */
export function latestConsent(history: readonly ConsentEvent[], purpose: string): ConsentEvent | null {
  const events = consentEventsOf(history, purpose);
  return events.length === 0 ? null : events[events.length - 1];
}

/** The day after the last blocker ends, as the backend computes it; null when one has no end. */
export function earliestErasureOn(blockers: readonly ErasureBlocker[]): string | null {
  if (blockers.length === 0) return null;
  let latest: string | null = null;
  for (const blocker of blockers) {
    const end =
      blocker.kind === "active-contract" ? blocker.end_on : blocker.kind === "legal-hold" ? blocker.until_on : null;
    if (!end || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return null;
    const after = addDays(end, 1);
    if (latest === null || after > latest) latest = after;
  }
  return latest;
}

/** The deadline in force: the extended one when there is one. */
export function deadlineOf(request: Request): string {
  return request.extended_due_on ?? request.due_on;
}

export type Urgency = "overdue" | "due-soon" | null;

/** An open request past its deadline, or due within seven days; closed ones are never urgent. */
export function urgencyOf(request: Request, today: string = isoToday()): Urgency {
  if (request.status !== "open") return null;
  const due = deadlineOf(request);
  if (due < today) return "overdue";
  if (due <= addDays(today, DUE_SOON_DAYS)) return "due-soon";
  return null;
}

/** The default export file in `folder`: `folder/markkinointilista-2026-11-27.csv` (the folder's own separator). */
export function defaultExportFile(folder: string, name: string, today: string = isoToday()): string {
  const separator = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  const base = folder.endsWith(separator) || folder === "" ? folder : folder + separator;
  return `${base}${name}-${today}.csv`;
}

/** The receipt of the erasure just made, shown on the home screen the admin is taken back to. */
export const lastErasure = writable<ErasureReceipt | null>(null);
