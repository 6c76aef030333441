// Where the signed-in app is (the route), moving between screens and record pages, the record
// the user is looking at (for pre-filling the meeting dialog), and "refresh the current page".
import { get, writable } from "svelte/store";
import type { PersonRef } from "../../lib/generated";
import type { Route, View } from "./views";

/** The current route; the shell shows what it names. */
export const route = writable<Route>({ view: "home" });

/** Bumped when the current page should load its data again (e.g. after a meeting was logged). */
export const pageRefresh = writable(0);

/** The person whose page is open, or null. */
export const currentPerson = writable<CurrentPerson | null>(null);

/** The person whose page is open, with the organisation of their ongoing position (if any). */
export type CurrentPerson = PersonRef & { organisation?: { organisation_id: string; name: string } | null; detail?: string | null };

/** The organisation whose page is open, or null. */
export const currentOrganisation = writable<{ organisation_id: string; name: string } | null>(null);

/** Shows a menu screen. */
export function go(view: View): void {
  remember();
  route.set({ view });
}

/** Opens a person's page. */
export function openPerson(personId: string): void {
  remember();
  route.set({ view: "person", personId });
}

/** Opens an organisation's page. */
export function openOrganisation(organisationId: string): void {
  remember();
  route.set({ view: "organisation", organisationId });
}

/** Asks the current page to load its data again. */
export function refreshPage(): void {
  pageRefresh.update((n) => n + 1);
}

/** Back to the start (a new session starts at home with no record open). */
export function resetNavigation(): void {
  earlier.length = 0;
  route.set({ view: "home" });
  currentPerson.set(null);
  currentOrganisation.set(null);
}

/** The routes before the current one, for Esc (back). */
const earlier: Route[] = [];
const MAX_EARLIER = 50;

function remember(): void {
  const now = get(route);
  earlier.push(now);
  if (earlier.length > MAX_EARLIER) earlier.shift();
}

/** Goes back to the previous route (home when there is none). */
export function back(): void {
  route.set(earlier.pop() ?? { view: "home" });
}

/** Opens a person's page in place of the current one (next / previous result): back still
 * leads to where the list was. */
export function replacePerson(personId: string): void {
  route.set({ view: "person", personId });
}

/** Opens an organisation's page in place of the current one (after a merge the merged page is
 * gone, so back must not lead to it). */
export function replaceOrganisation(organisationId: string): void {
  route.set({ view: "organisation", organisationId });
}

/** Shows a menu screen in place of the current page (after the page's record was removed). */
export function replaceView(view: View): void {
  route.set({ view });
}
