// Turning what was typed into the values the backend's input types expect (trimmed, empty = null).
// Owns no validation: the backend checks every field and answers with field_invalid.
import type { SourceInput, SourceKind } from "./generated";
import { sourceNeedsDetail } from "./labels";

/** Trimmed text, or null when nothing was typed. */
export function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** A source as typed; the detail only for the kinds that use it; obtained today. */
export function sourceInput(kind: SourceKind, detail: string): SourceInput {
  return { kind, detail: sourceNeedsDetail(kind) ? orNull(detail) : null, obtained_on: null };
}

/** Field names of the backend's source errors, as the source fields call them. */
export function sourceErrorOn(field: string | null): "source" | "source_detail" | null {
  if (field === "source") return "source";
  if (field === "source_detail" || field === "obtained_on") return "source_detail";
  return null;
}
