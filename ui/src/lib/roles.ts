// The user roles in the order the UI offers them, and the dictionary key of each role's name.
// Owns no permissions: the backend checks every command; the UI only hides what a role cannot use.
import type { Role } from "./generated";
import type { MessageKey } from "./i18n";

export const ROLES: readonly Role[] = ["admin", "office", "sales"];

const ROLE_LABELS: Record<Role, MessageKey> = {
  admin: "role_admin",
  office: "role_office",
  sales: "role_sales",
};

/** The dictionary key of a role's name. */
export function roleLabel(role: Role): MessageKey {
  return ROLE_LABELS[role];
}
