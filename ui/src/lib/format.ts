// Finnish-first formatting of dates, sizes and counts for display (Intl, no libraries).
// Owns only presentation; values stay as the backend sent them.
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
