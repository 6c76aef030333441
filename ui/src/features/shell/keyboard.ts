// The app-wide keys: search from anywhere (/ when not typing in a field, Ctrl+K), next / previous
// person of the result list a person page was opened from (Alt+↓ / Alt+↑), Esc back. Owns the key
// test and that result list; the shell listens and calls navigation.
import { get, writable } from "svelte/store";

/** What an app-wide key asks for. */
export type Shortcut = "search" | "next" | "previous" | "back";

/** Whether the event comes from somewhere the user types (a field, a select, editable text). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "submit", "reset", "file", "range", "color"].includes(target.type);
  }
  return false;
}

/** Whether the event comes from inside an open dialog (it handles its own Esc and keys). */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog, [role="dialog"], [aria-modal="true"]') !== null;
}

/** The app-wide shortcut a key press is, if any. */
export function shortcutOf(event: KeyboardEvent): Shortcut | null {
  if (event.defaultPrevented) return null;
  const { altKey, ctrlKey, metaKey, shiftKey } = event;
  if ((ctrlKey || metaKey) && !altKey && !shiftKey && (event.key === "k" || event.key === "K" || event.code === "KeyK")) {
    return "search";
  }
  if (altKey && !ctrlKey && !metaKey && !shiftKey) {
    if (event.key === "ArrowDown") return "next";
    if (event.key === "ArrowUp") return "previous";
    return null;
  }
  if (ctrlKey || metaKey || altKey) return null;
  if (isTyping(event.target) || inDialog(event.target)) return null;
  if (event.key === "/") return "search";
  if (event.key === "Escape") return "back";
  return null;
}

/** The people of the search or list a person page was opened from, in the order shown. */
export const resultList = writable<readonly string[]>([]);

/** Remembers the people a search or list showed, before opening one of them. */
export function rememberResults(personIds: readonly string[]): void {
  resultList.set([...personIds]);
}

/** The person `step` places from `personId` in the remembered list, or null at either end. */
export function neighbour(personId: string, step: 1 | -1, list: readonly string[] = get(resultList)): string | null {
  const index = list.indexOf(personId);
  if (index < 0) return null;
  return list[index + step] ?? null;
}
