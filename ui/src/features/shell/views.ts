// The screens of the signed-in app, which roles see them in the navigation, and the routes
// (a screen, or a person's or organisation's page). Owns the menu only; the backend checks roles.
import type { Role } from "../../lib/generated";
import type { MessageKey } from "../../lib/i18n";
import type { RtKey } from "../retention/texts";

export type View =
  | "home"
  | "people"
  | "organisations"
  | "deals"
  | "business-card"
  | "import"
  | "users"
  | "audit"
  | "training"
  | "settings"
  | "notice"
  | "requests"
  | "processors"
  | "marketing"
  | "retention"
  | "backups"
  | "conflicts"
  | "password";

/** Where the shell is: a menu screen, or one record's page. */
export type Route =
  | { view: View }
  | { view: "person"; personId: string }
  | { view: "organisation"; organisationId: string };

/**
 * A menu entry and the roles that see it (null: every role); `teamOnly` entries are shown only
 * on a register that syncs through a team hub.
 */
type NavEntry = { view: View; label: MessageKey | RtKey; roles: readonly Role[] | null; teamOnly?: boolean };

const ADMIN: readonly Role[] = ["admin"];

const ENTRIES: readonly NavEntry[] = [
  { view: "home", label: "nav_home", roles: null },
  { view: "business-card", label: "nav_business_card", roles: null },
  { view: "people", label: "nav_people", roles: null },
  { view: "organisations", label: "nav_organisations", roles: null },
  { view: "import", label: "nav_import", roles: ["admin", "office"] },
  { view: "deals", label: "nav_deals", roles: null },
  { view: "requests", label: "nav_requests", roles: ADMIN },
  { view: "processors", label: "nav_processors", roles: ADMIN },
  { view: "marketing", label: "nav_marketing", roles: ["admin", "office"] },
  { view: "retention", label: "nav_retention", roles: ADMIN },
  { view: "backups", label: "nav_backups", roles: ADMIN },
  { view: "users", label: "nav_users", roles: ADMIN },
  { view: "audit", label: "nav_audit", roles: ADMIN },
  { view: "training", label: "nav_training", roles: ADMIN },
  { view: "settings", label: "nav_settings", roles: ADMIN },
  { view: "notice", label: "nav_notice", roles: ADMIN },
  { view: "conflicts", label: "nav_conflicts", roles: null, teamOnly: true },
  { view: "password", label: "nav_password", roles: null },
];

/** Whether a role may open a menu screen. */
export function mayOpen(role: Role, view: View): boolean {
  const entry = ENTRIES.find((e) => e.view === view);
  return entry !== undefined && (entry.roles === null || entry.roles.includes(role));
}

/** The navigation entries a role sees, in menu order (`team`: the register syncs through a hub). */
export function navEntries(role: Role, team = false): NavEntry[] {
  return ENTRIES.filter(
    (entry) => (entry.roles === null || entry.roles.includes(role)) && (team || !entry.teamOnly),
  );
}
