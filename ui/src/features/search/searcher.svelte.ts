// As-you-type search against the backend's `search` command: debounced, stale answers ignored,
// optionally only people or only organisations. Owns the hits of one search box, nothing else.
import { api, type AppError, type SearchHit } from "../../lib/api";

/** How long typing must pause before the backend is asked. */
export const SEARCH_DELAY_MS = 120;

export type SearchKind = "person" | "organisation";

export class Searcher {
  /** The hits of the latest answered query. */
  hits = $state.raw<SearchHit[]>([]);
  /** The query the hits answer ("" before any). */
  answered = $state("");
  /** True while a query is waiting or running. */
  pending = $state(false);
  error = $state.raw<AppError | null>(null);

  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #kind: SearchKind | null;
  #limit: number;
  #delay: number;

  constructor(options: { kind?: SearchKind; limit?: number; delayMs?: number } = {}) {
    this.#kind = options.kind ?? null;
    this.#limit = options.limit ?? 20;
    this.#delay = options.delayMs ?? SEARCH_DELAY_MS;
  }

  /** Searches for `text` after the typing pause; empty text clears the hits at once. */
  set(text: string): void {
    clearTimeout(this.#timer);
    const query = text.trim();
    const mine = ++this.#seq;
    if (query === "") {
      this.hits = [];
      this.answered = "";
      this.pending = false;
      this.error = null;
      return;
    }
    this.pending = true;
    this.#timer = setTimeout(() => void this.#run(query, mine), this.#delay);
  }

  async #run(query: string, mine: number) {
    // Restricted searches ask for more, since the other kind's hits are dropped.
    const limit = this.#kind ? this.#limit * 2 : this.#limit;
    try {
      const found = await api.search(query, limit);
      if (mine !== this.#seq) return;
      this.hits = (this.#kind ? found.filter((hit) => hit.record_kind === this.#kind) : found).slice(
        0,
        this.#limit,
      );
      this.answered = query;
      this.error = null;
    } catch (failure) {
      if (mine !== this.#seq) return;
      this.hits = [];
      this.error = failure as AppError;
    } finally {
      if (mine === this.#seq) this.pending = false;
    }
  }

  /** Forgets everything and ignores any answer still on its way. */
  clear(): void {
    this.set("");
  }

  /** Stops the timer (call when the box goes away). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#seq++;
  }
}
