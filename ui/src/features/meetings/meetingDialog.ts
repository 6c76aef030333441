// Whether the "log a meeting" dialog is open (Alt+M anywhere, or the header button), and the
// shortcut test. Owns only the open/closed state; the shell renders the dialog.
import { writable } from "svelte/store";

export const meetingDialogOpen = writable(false);

export function openMeetingDialog(): void {
  meetingDialogOpen.set(true);
}

export function closeMeetingDialog(): void {
  meetingDialogOpen.set(false);
}

/** Alt+M (by key position too, since Alt+M types "µ" on some keyboards). */
export function isMeetingShortcut(event: KeyboardEvent): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  return event.code === "KeyM" || event.key === "m" || event.key === "M";
}
