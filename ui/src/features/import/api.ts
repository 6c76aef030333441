// The import Tauri commands the UI calls, typed, and the operating system's file dialog.
// Calls go through lib/api.ts's `call`, so failures and a lost session are handled the same way.
import { Channel } from "@tauri-apps/api/core";
import { open } from "@tauri-apps/plugin-dialog";
import { call } from "../../lib/api";
import type { ImportOptions, ImportPlan, ImportResult, WorkProgress } from "../../lib/generated";

export type { ImportOptions, ImportPlan, ImportResult };

/** The import commands; each is the backend command of the same (snake_case) name. */
export const importApi = {
  /** What importing the file would do, row by row; nothing is saved (admin, office). */
  plan: (path: string, mapPath: string | null) => call<ImportPlan>("import_plan", { path, map_path: mapPath }),
  /** Imports the file as confirmed, reporting progress after each committed batch of whole people. */
  commit: (path: string, mapPath: string | null, options: ImportOptions, onProgress: (progress: WorkProgress) => void) => {
    const channel = new Channel<WorkProgress>();
    channel.onmessage = onProgress;
    return call<ImportResult>("import_commit", { on_progress: channel, path, map_path: mapPath, options });
  },
  /** Stops the import in progress after its current batch; the people added stay. */
  cancel: () => call<null>("work_cancel"),
};

/**
 * Asks for one file with the operating system's own dialog; null when the user cancelled.
 * `extensions` without dots, e.g. ["vcf", "csv"].
 */
export async function chooseFile(filterName: string, extensions: string[]): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters: [{ name: filterName, extensions }] });
  return typeof chosen === "string" ? chosen : null;
}
