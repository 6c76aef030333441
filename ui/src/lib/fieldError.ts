// Which form field a backend error belongs to, so its sentence can be shown by that field.
// Owns only the mapping rule; the wording is the backend's own AppError.message.
import type { AppError } from "./generated";

/**
 * The field of `fields` that `error` is about: its `params.field` when that names one of them,
 * else the field `byCode` gives for its code; null when it belongs to the form as a whole.
 */
export function errorField<F extends string>(
  error: AppError | null,
  fields: readonly F[],
  byCode: Partial<Record<string, F>>,
): F | null {
  if (!error) return null;
  const named = error.params.field;
  if (typeof named === "string" && (fields as readonly string[]).includes(named)) return named as F;
  return byCode[error.code] ?? null;
}
