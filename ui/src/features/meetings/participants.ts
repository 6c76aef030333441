// Ordering of the meeting dialog's participant suggestions: people of the meeting's organisation
// first (three namesakes are told apart by organisation), otherwise as the search ranked them.
import type { SearchHit } from "../../lib/generated";

/** People whose current organisation is `organisationId` first, each group in the search's order. */
export function rankByOrganisation(hits: SearchHit[], organisationId: string | null): SearchHit[] {
  if (!organisationId) return hits;
  const same = hits.filter((hit) => hit.organisation_id === organisationId);
  const other = hits.filter((hit) => hit.organisation_id !== organisationId);
  return [...same, ...other];
}
