/**
 * Loads Pagefind's browser API once, on demand, with the site's ranking. Nothing here runs until a
 * reader opens search: the header script imports this module on focus, the search page on load.
 *
 * The types below cover the part of the browser API the site uses. The `pagefind` package types
 * only its Node API (types/index.d.ts); the browser bundle it writes into dist/ ships no types.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
export type FilterCounts = Record<string, Record<string, number>>;
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: unknown; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
  debouncedSearch(term: string | null, options?: { filters?: unknown }, ms?: number): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
  preload(term: string): Promise<void>;
}

import { HIGHLIGHT_PARAM, basePath } from './search-constants.ts';

/**
 * The site's ranking: names weigh most (title, then aliases), then what a company uses (so a
 * library's name also finds the companies that use it), then summaries and body text, whose weights
 * are set on the elements (h1 10, summary 4, the names in a profile's tables 5).
 */
export const ranking = {
  metaWeights: { title: 10, aliases: 8, uses: 6 },
};

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (import(/* @vite-ignore */ `${basePath}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pagefind) => {
    // `noWorker`: search on this thread. Pagefind's worker script is another 12 KB (gzip) on every
    // first search, and its round trips add to every query; our searches take milliseconds.
    await pagefind.options({ baseUrl: basePath, highlightParam: HIGHLIGHT_PARAM, excerptLength: 22, ranking, noWorker: true });
    await pagefind.init();
    return pagefind;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** What to tell the reader when Pagefind cannot load. */
export function unavailableMessage(): string {
  return import.meta.env.DEV
    ? 'Search needs a build: run `npm run build && npm run preview`.'
    : 'Search could not be loaded. Every page is also listed in the A–Z index on the search page.';
}
