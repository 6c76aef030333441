// What the UI offers each role for the register's content (people, organisations, deals, …).
// Owns only what is shown: the backend checks every command and refuses with permission_denied.
import type { DealKind, Meeting, Role, Session } from "./generated";

export const DEAL_KINDS: readonly DealKind[] = [
  "delivery-contract",
  "service-contract",
  "offer",
  "rfq",
  "lead",
  "info-request",
];

/** Adding and editing organisations, their contact data and service elements. */
export function canManageOrganisations(role: Role): boolean {
  return role === "admin" || role === "office";
}

/** The deal kinds a role may add or edit: admin all, sales leads and offers, office RFQs and
 * information requests (recorded as they arrive). */
export function dealKindsFor(role: Role): DealKind[] {
  if (role === "admin") return [...DEAL_KINDS];
  if (role === "sales") return ["lead", "offer"];
  return ["rfq", "info-request"];
}

/** Whether a role may add or edit a deal of this kind (any kind when none is given). */
export function canEditDeal(role: Role, kind?: DealKind): boolean {
  const kinds = dealKindsFor(role);
  return kind === undefined ? kinds.length > 0 : kinds.includes(kind);
}

/** Correcting and deleting a meeting: one's own, an admin any (the backend refuses others with
 * `meeting_not_yours`). */
export function canChangeMeeting(session: Session, meeting: Meeting): boolean {
  return session.role === "admin" || meeting.logged_by === session.user_id;
}
