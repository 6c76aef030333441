// Retention and backup values in words: what decides, rules, periods, run triggers, a person's status
// line, the default backup file name and encryption speed. Owns presentation only; wording is in texts.ts.
import { fill } from "../../lib/i18n";
import { formatDay } from "../../lib/format";
import type { Language, RetentionRule, RetentionStatus } from "../../lib/generated";
import type { RtKey } from "./texts";

type Texts = Record<RtKey, string>;

/** What decides a person's retention (`deciding`), in words. */
export const DECIDING_LABELS: Readonly<Record<string, RtKey>> = {
  "current-position": "deciding_current_position",
  "active-contract": "deciding_active_contract",
  "open-deal": "deciding_open_deal",
  "consent-in-force": "deciding_consent_in_force",
  "position-end": "deciding_position_end",
  "last-meeting": "deciding_last_meeting",
  "data-obtained": "deciding_data_obtained",
  "contract-end": "deciding_contract_end",
  "consent-end": "deciding_consent_end",
};

/** The rules' names. */
export const RULE_LABELS: Readonly<Record<string, RtKey>> = {
  "no-ties": "rule_no_ties",
  "contract-or-consent": "rule_contract_or_consent",
  "web-analytics": "rule_web_analytics",
};

/** Who started a retention run. */
export const TRIGGER_LABELS: Readonly<Record<string, RtKey>> = {
  manual: "trigger_manual",
  automatic: "trigger_automatic",
  cli: "trigger_cli",
};

function label(map: Readonly<Record<string, RtKey>>, value: string, texts: Texts): string {
  const key = Object.prototype.hasOwnProperty.call(map, value) ? map[value] : undefined;
  return key ? texts[key] : value;
}

export function decidingText(deciding: string, texts: Texts): string {
  return label(DECIDING_LABELS, deciding, texts);
}

export function ruleName(ruleId: string, texts: Texts): string {
  return label(RULE_LABELS, ruleId, texts);
}

export function triggerText(trigger: string, texts: Texts): string {
  return label(TRIGGER_LABELS, trigger, texts);
}

/** A period in months in words: `3 vuotta`, `1 vuosi`, `26 kk`. */
export function periodText(months: number, texts: Texts): string {
  if (months === 12) return texts.period_year;
  if (months > 0 && months % 12 === 0) return fill(texts.period_years, { n: months / 12 });
  return fill(texts.period_months, { n: months });
}

/** A rule with its period when the rule is known: `ei yhteyksiä asiakkaaseen, 3 vuotta`. */
export function ruleText(ruleId: string, rules: readonly RetentionRule[], texts: Texts): string {
  const rule = rules.find((r) => r.rule_id === ruleId);
  const name = ruleName(ruleId, texts);
  return rule ? `${name}, ${periodText(rule.months, texts)}` : name;
}

/** The rule's reference in the UI language (the other language when that one is empty). */
/**
 * A legal reference kept whole on a narrow screen: no line break before a parenthesis that
 * follows a letter or digit (`Art. 5(1)(e)` never splits into `5(1)` and `(e)`).
 */
export function keepTogether(text: string): string {
  return text.replace(/([\p{L}\p{N})])\(/gu, "$1\u2060(");
}

export function ruleReference(rule: RetentionRule, language: Language): string {
  const own = language === "fi" ? rule.reference_fi : rule.reference_en;
  return own.trim() !== "" ? own : language === "fi" ? rule.reference_en : rule.reference_fi;
}

/** What decides with its date: `viimeisen tehtävän päättyminen (30.6.2024)`. */
export function reasonText(status: RetentionStatus, texts: Texts, language: Language): string {
  const reason = decidingText(status.deciding, texts);
  return status.deciding_date ? `${reason} (${formatDay(status.deciding_date, language)})` : reason;
}

/**
 * A person's retention in one sentence: due for deletion (with the rule), kept until a date
 * (with what decides), or kept with no date (what keeps them).
 */
export function statusLine(
  status: RetentionStatus,
  rules: readonly RetentionRule[],
  texts: Texts,
  language: Language,
): string {
  if (status.due_on === null) {
    return fill(texts.person_kept, { reason: reasonText(status, texts, language) });
  }
  const date = formatDay(status.due_on, language);
  const hold = status.legal_hold;
  if (hold !== null && status.due_on <= hold.until_on) {
    return fill(texts.person_held, { date: formatDay(hold.until_on, language), due: date });
  }
  if (status.due) {
    const rule = status.rule ? ruleText(status.rule, rules, texts) : texts.none;
    return fill(texts.person_due, { date, rule });
  }
  return fill(texts.person_kept_until, { date, reason: reasonText(status, texts, language) });
}

/** The legal hold sentence, or null without one. */
export function holdLine(status: RetentionStatus, texts: Texts, language: Language): string | null {
  if (!status.legal_hold) return null;
  return fill(texts.person_hold, {
    date: formatDay(status.legal_hold.until_on, language),
    reason: status.legal_hold.reason,
  });
}

/** The default backup file in `folder`: `folder/kortisto-20261127.kbak` (the folder's own separator). */
export function defaultBackupFile(folder: string, prefix: string, now: Date = new Date()): string {
  const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, "0")}${String(now.getDate()).padStart(2, "0")}`;
  const separator = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  const base = folder.endsWith(separator) || folder === "" ? folder : folder + separator;
  return `${base}${prefix}-${day}.kbak`;
}

/** Encryption speed in MB/s (decimal megabytes), with the language's decimal mark: `245,3 Mt/s`. */
export function speedText(bytes: number, seconds: number, unit: string, language: Language): string | null {
  if (!(seconds > 0) || !(bytes >= 0)) return null;
  const mbps = bytes / 1_000_000 / seconds;
  const number = new Intl.NumberFormat(language === "fi" ? "fi-FI" : "en-GB", {
    maximumFractionDigits: 1,
  }).format(mbps);
  return `${number} ${unit}`;
}

/** The columns the retention preview sorts by. */
export type PreviewSort = "due" | "name" | "rule" | "deciding";

const FINNISH = new Intl.Collator("fi", { sensitivity: "base", numeric: true });

/**
 * The preview's rows sorted by a column, ascending or not: dates as dates (no date last), names
 * and rule words in Finnish order; ties by name, so the order is the same each time.
 */
export function sortPreview<T extends { surname: string; first_name: string; due_on: string | null; deciding_date: string | null; rule: string | null }>(
  rows: readonly T[],
  by: PreviewSort,
  ascending: boolean,
  ruleWord: (ruleId: string | null) => string = (ruleId) => ruleId ?? "",
): T[] {
  const name = (row: T) => `${row.surname} ${row.first_name}`;
  const byDate = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  const compare = (a: T, b: T): number => {
    switch (by) {
      case "due":
        return byDate(a.due_on, b.due_on);
      case "deciding":
        return byDate(a.deciding_date, b.deciding_date);
      case "rule":
        return FINNISH.compare(ruleWord(a.rule), ruleWord(b.rule));
      case "name":
        return 0;
    }
  };
  return [...rows].sort((a, b) => {
    const first = compare(a, b);
    const ordered = first !== 0 ? first : FINNISH.compare(name(a), name(b));
    return ascending ? ordered : -ordered;
  });
}
