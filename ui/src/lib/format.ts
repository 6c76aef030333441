// Finnish-first formatting of dates, times, sizes and counts for display (Intl, no libraries).
// Owns only presentation (and turning picked days into instants); values stay as the backend sent them.
import type { Language } from "./generated";

const LOCALES: Record<Language, string> = { fi: "fi-FI", en: "en-GB" };

/** A date as `27.11.2026` in Finnish, `27 November 2026` in English (local time zone). */
export function formatDate(rfc3339: string, language: Language): string {
  const date = new Date(rfc3339);
  if (Number.isNaN(date.getTime())) return rfc3339;
  const options: Intl.DateTimeFormatOptions =
    language === "fi"
      ? { day: "numeric", month: "numeric", year: "numeric" }
      : { day: "numeric", month: "long", year: "numeric" };
  return new Intl.DateTimeFormat(LOCALES[language], options).format(date);
}

const SIZE_UNITS: Record<Language, readonly string[]> = {
  fi: ["t", "kt", "Mt", "Gt", "Tt"],
  en: ["B", "kB", "MB", "GB", "TB"],
};

/** A byte count in decimal units: `1,2 Mt` in Finnish, `1.2 MB` in English. */
export function formatBytes(bytes: number, language: Language): string {
  const units = SIZE_UNITS[language];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const number = new Intl.NumberFormat(LOCALES[language], {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

/** A whole number with the language's digit grouping. */
export function formatCount(count: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(count);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day sent as ISO `2026-11-27` (no time, no zone): `27.11.2026` in Finnish,
 * `27 November 2026` in English. Read as a local day, so no time zone can move it.
 */
export function formatDay(isoDay: string, language: Language): string {
  const match = ISO_DAY.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return formatDate(date.toISOString(), language);
}

/** An instant as `27.11.2026 14.05` in Finnish, `27 November 2026 14:05` in English (local time). */
export function formatDateTime(rfc3339: string, language: Language): string {
  const date = new Date(rfc3339);
  if (Number.isNaN(date.getTime())) return rfc3339;
  const hours = String(date.getHours()).padStart(2, "0");
  const minutes = String(date.getMinutes()).padStart(2, "0");
  const separator = language === "fi" ? "." : ":";
  return `${formatDate(rfc3339, language)} ${hours}${separator}${minutes}`;
}

/** Today as the Finnish form people type, `27.11.2026` (local day). */
export function todayFinnish(now: Date = new Date()): string {
  return `${now.getDate()}.${now.getMonth() + 1}.${now.getFullYear()}`;
}

/**
 * The start of the local day `YYYY-MM-DD` (as a date input gives it), `days` later, as an
 * RFC 3339 UTC instant like the audit trail's; null for an empty or malformed value.
 */
export function localDayStart(isoDay: string, days = 0): string | null {
  const match = ISO_DAY.exec(isoDay);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
