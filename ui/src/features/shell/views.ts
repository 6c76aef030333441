// The screens of the signed-in app and which roles see them in the navigation.
// Owns the menu only; the backend still refuses any command a role may not run.
import type { Role } from "../../lib/generated";
import type { MessageKey } from "../../lib/i18n";

export type View = "home" | "users" | "audit" | "training" | "settings" | "password";

type NavEntry = { view: View; label: MessageKey; adminOnly: boolean };

const ENTRIES: readonly NavEntry[] = [
  { view: "home", label: "nav_home", adminOnly: false },
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
