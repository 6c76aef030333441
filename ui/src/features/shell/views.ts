// The screens of the signed-in app, which roles see them in the navigation, and the routes
// (a screen, or a person's or organisation's page). Owns the menu only; the backend checks roles.
import type { Role } from "../../lib/generated";
import type { MessageKey } from "../../lib/i18n";

export type View =
  | "home"
  | "people"
  | "organisations"
  | "deals"
  | "business-card"
  | "users"
  | "audit"
  | "training"
  | "settings"
  | "password";

/** Where the shell is: a menu screen, or one record's page. */
export type Route =
  | { view: View }
  | { view: "person"; personId: string }
  | { view: "organisation"; organisationId: string };

type NavEntry = { view: View; label: MessageKey; adminOnly: boolean };

const ENTRIES: readonly NavEntry[] = [
  { view: "home", label: "nav_home", adminOnly: false },
  { view: "business-card", label: "nav_business_card", adminOnly: false },
  { view: "people", label: "nav_people", adminOnly: false },
  { view: "organisations", label: "nav_organisations", adminOnly: false },
  { view: "deals", label: "nav_deals", adminOnly: false },
  { view: "users", label: "nav_users", adminOnly: true },
  { view: "audit", label: "nav_audit", adminOnly: true },
  { view: "training", label: "nav_training", adminOnly: true },
  { view: "settings", label: "nav_settings", adminOnly: true },
  { view: "password", label: "nav_password", adminOnly: false },
];

/** The navigation entries a role sees, in menu order. */
export function navEntries(role: Role): NavEntry[] {
  return ENTRIES.filter((entry) => !entry.adminOnly || role === "admin");
}
