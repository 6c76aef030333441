// Helpers of the corrections on the person page: a local (not yet sent) validation error in both
// languages, and an ISO day as the Finnish form people type into the date fields.
import type { AppError } from "../../lib/api";
import { bothLanguages, type MessageKey } from "../../lib/i18n";

/** An error the form finds before asking the backend, shaped like the backend's. */
export function localError(key: MessageKey, field: string): AppError {
  return { code: "required", params: { field }, message: bothLanguages(key) };
}

/** `2026-11-27` → `27.11.2026` (what the date fields take); other text as it is, null as "". */
export function typedDay(iso: string | null): string {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${Number(match[3])}.${Number(match[2])}.${match[1]}` : iso;
}
