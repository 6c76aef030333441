// One sentence for where a datum came from: "Käyntikortti (Slush) 27.11.2026, kirjannut Päivi".
// Owns only the wording rule of a Source (R2); the texts come from the dictionary.
import { formatDay } from "./format";
import type { Language, Source } from "./generated";
import { fill, type Messages } from "./i18n";
import { SOURCE_LABELS } from "./labels";

/** The source as one line of text (without the "Source:" label). */
export function describeSource(source: Source, messages: Messages, language: Language): string {
  const kind = messages[SOURCE_LABELS[source.kind]] ?? source.kind;
  return fill(messages.source_line, {
    kind: source.detail ? `${kind} (${source.detail})` : kind,
    date: formatDay(source.obtained_on, language),
    who: source.recorded_by_name,
  });
}
