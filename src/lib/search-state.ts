/**
 * The search state as it lives in the URL: `/search/?q=asyncio&library=Django&kind=Company`.
 * One query string, and for each filter the values the reader ticked. Parsing and writing are
 * inverse, so a reloaded or shared URL reopens exactly the same search. Also the words the search
 * page says about a state: its status line and its document title.
 */
import { SITE_TITLE } from './site-meta.ts';

/** The filters search offers, in the order the page shows them, with their labels. */
export const searchFilters = {
  kind: 'Kind',
  company: 'Company',
  library: 'Library',
  trick: 'Scale trick',
  area: 'Role area',
  verdict: 'Claim verdict',
} as const;

export type SearchFilterKey = keyof typeof searchFilters;
export const searchFilterKeys = Object.keys(searchFilters) as SearchFilterKey[];

export interface SearchState {
  /** What the reader typed, trimmed; empty to browse by filters alone. */
  query: string;
  /** Ticked values per filter; a filter with no ticked value is left out. */
  filters: Partial<Record<SearchFilterKey, string[]>>;
}

const isFilterKey = (key: string): key is SearchFilterKey => key in searchFilters;

export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchState['filters'] = {};
  for (const [key, value] of params) {
    const trimmed = value.trim();
    if (!isFilterKey(key) || trimmed === '') continue;
    const list = (filters[key] ??= []);
    if (!list.includes(trimmed)) list.push(trimmed);
  }
  for (const list of Object.values(filters)) list.sort((a, b) => a.localeCompare(b, 'en'));
  return { query: (params.get('q') ?? '').trim().replace(/\s+/g, ' '), filters };
}

/** The query string for a state, with a stable order so equal states give equal URLs. */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of searchFilterKeys) {
    for (const value of [...(state.filters[key] ?? [])].sort((a, b) => a.localeCompare(b, 'en'))) params.append(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function isEmptySearch(state: SearchState): boolean {
  return state.query === '' && Object.values(state.filters).every((values) => !values || values.length === 0);
}

export function sameSearch(a: SearchState, b: SearchState): boolean {
  return searchStateToQuery(a) === searchStateToQuery(b);
}

/** Ticks or unticks one filter value, returning a new state. */
export function toggleFilter(state: SearchState, key: SearchFilterKey, value: string): SearchState {
  const current = state.filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters };
  if (next.length > 0) filters[key] = next.sort((a, b) => a.localeCompare(b, 'en'));
  else delete filters[key];
  return { ...state, filters };
}

/**
 * Pagefind's filter object: any of the ticked values within one filter, all filters together.
 * ("Django or asyncio", and "a company".)
 */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const key of searchFilterKeys) {
    const values = state.filters[key];
    if (values && values.length > 0) result[key] = { any: values };
  }
  return result;
}

/** The id of a filter value's checkbox: `filter-library-django`. */
export function filterInputId(key: SearchFilterKey, value: string): string {
  return `filter-${key}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** What was searched for, as the status line says it: ` for “django”, filtered by Kind: Company`. */
export function describeSearch(state: SearchState): string {
  const parts = searchFilterKeys
    .filter((key) => state.filters[key]?.length)
    .map((key) => `${searchFilters[key]}: ${state.filters[key]!.join(' or ')}`);
  const query = state.query ? ` for “${state.query}”` : '';
  return `${query}${parts.length ? `${state.query ? ',' : ''} filtered by ${parts.join('; ')}` : ''}`;
}

/** The status line once a search is done: `3 results for “django”.` */
export function resultSummary(count: number, state: SearchState): string {
  return `${count === 0 ? 'No' : count} result${count === 1 ? '' : 's'}${describeSearch(state)}.`;
}

/** The search page's document title for a query. */
export function searchPageTitle(query: string): string {
  return `${query ? `${query} · ` : ''}Search · ${SITE_TITLE}`;
}
