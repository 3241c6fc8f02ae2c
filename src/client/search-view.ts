/**
 * The search page's view: finds the parts of a `<search-page>` by their `data-search` names, and
 * renders rows from state by cloning the page's templates (src/pages/search.astro). It holds no
 * search state and handles no events; src/client/search-page.ts does both.
 */
import { filterInputId, searchFilterKeys, searchFilters, type SearchFilterKey, type SearchState } from '../lib/search-state.ts';
import type { FilterCounts, PagefindResultData } from './pagefind-client.ts';
import { cloneTemplate, fillHit } from './search-hit.ts';

/** Matching sections listed under a result. */
const sectionsShown = 3;

/** What the filter column shows. Until `totals` is loaded the groups are closed shells. */
export interface FilterView {
  state: SearchState;
  /** Every filter value with its total, once Pagefind's filter data is loaded. */
  totals: FilterCounts | undefined;
  /** The counts for the current search. */
  counts: FilterCounts;
  /** The groups the reader has open; they stay open when the column is rebuilt. */
  open: ReadonlySet<SearchFilterKey>;
}

export type StatusState = 'loading' | 'done' | 'error';

export class SearchView {
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly filters: HTMLElement;
  readonly clear: HTMLButtonElement;
  readonly list: HTMLOListElement;
  readonly more: HTMLButtonElement;
  private readonly app: HTMLElement;
  private readonly status: HTMLElement;
  private readonly azIndex: HTMLElement;
  private readonly templates: Record<'result' | 'section' | 'filter-group' | 'filter-loading' | 'filter-values' | 'filter-option', HTMLTemplateElement>;

  constructor(root: HTMLElement) {
    const part = <T extends HTMLElement>(name: string): T => {
      const element = root.querySelector<T>(`[data-search="${name}"]`);
      if (!element) throw new Error(`<search-page> has no [data-search="${name}"].`);
      return element;
    };
    const template = (name: string): HTMLTemplateElement => {
      const element = root.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`);
      if (!element) throw new Error(`<search-page> has no template[data-template="${name}"].`);
      return element;
    };
    const input = root.querySelector<HTMLInputElement>('input[name="q"]');
    if (!input?.form) throw new Error('<search-page> has no search form.');
    this.input = input;
    this.form = input.form;
    this.app = part('app');
    this.filters = part('filters');
    this.clear = part<HTMLButtonElement>('clear');
    this.status = part('status');
    this.list = part<HTMLOListElement>('results');
    this.more = part<HTMLButtonElement>('more');
    this.azIndex = part('a-z');
    this.templates = {
      result: template('result'),
      section: template('section'),
      'filter-group': template('filter-group'),
      'filter-loading': template('filter-loading'),
      'filter-values': template('filter-values'),
      'filter-option': template('filter-option'),
    };
  }

  showApp(): void {
    this.app.hidden = false;
  }

  setQuery(query: string): void {
    this.input.value = query;
  }

  setStatus(state: StatusState, text?: string): void {
    this.status.dataset.state = state;
    if (text !== undefined) this.status.textContent = text;
  }

  /** The A–Z index is shown while there is nothing to search for, and when search cannot load. */
  showIndex(shown: boolean): void {
    this.azIndex.hidden = !shown;
  }

  clearResults(): void {
    this.list.replaceChildren();
    this.more.hidden = true;
  }

  appendResults(results: readonly PagefindResultData[], hasMore: boolean): void {
    this.list.append(...results.map((result) => this.result(result)));
    this.more.hidden = !hasMore;
  }

  /** The result title links, in order: the keyboard moves through these. */
  resultLinks(): HTMLAnchorElement[] {
    return [...this.list.querySelectorAll<HTMLAnchorElement>('a')];
  }

  titleLink(index: number): HTMLAnchorElement | undefined {
    return this.list.querySelectorAll<HTMLAnchorElement>(':scope > li > a[data-hit="title"]')[index];
  }

  renderFilters({ state, totals, counts, open }: FilterView): void {
    const keys = totals ? searchFilterKeys.filter((key) => Object.keys(totals[key] ?? {}).length > 0) : searchFilterKeys;
    this.filters.replaceChildren(
      ...keys.map((key) => {
        const group = this.filterGroup(key, state, open);
        group.append(totals ? this.filterValues(key, state, totals, counts) : this.filterLoading(key));
        return group;
      }),
    );
    this.clear.hidden = !totals || Object.keys(state.filters).length === 0;
  }

  focusFilterGroup(key: SearchFilterKey): void {
    this.filters.querySelector<HTMLElement>(`details[data-group="${key}"] summary`)?.focus();
  }

  focusFilterValue(key: SearchFilterKey, value: string): void {
    this.filters.querySelector<HTMLInputElement>(`#${CSS.escape(filterInputId(key, value))}`)?.focus();
  }

  private result(result: PagefindResultData): HTMLLIElement {
    const item = cloneTemplate<HTMLLIElement>(this.templates.result);
    const title = result.meta.title ?? result.url;
    fillHit(item, { url: result.url, title, kind: result.meta.kind ?? '', excerpt: result.excerpt });
    const list = item.querySelector<HTMLUListElement>('[data-hit="sections"]');
    const sections = result.sub_results.filter((sub) => sub.url.includes('#') && sub.title !== result.meta.title).slice(0, sectionsShown);
    if (list && sections.length > 0) {
      list.removeAttribute('data-hit');
      list.setAttribute('aria-label', `Matching sections of ${result.meta.title ?? 'this page'}`);
      list.append(
        ...sections.map((sub) => {
          const row = cloneTemplate<HTMLLIElement>(this.templates.section);
          fillHit(row, sub);
          return row;
        }),
      );
    } else list?.remove();
    return item;
  }

  private filterGroup(key: SearchFilterKey, state: SearchState, open: ReadonlySet<SearchFilterKey>): HTMLDetailsElement {
    const group = cloneTemplate<HTMLDetailsElement>(this.templates['filter-group']);
    const ticked = state.filters[key] ?? [];
    group.dataset.group = key;
    group.open = open.has(key) || ticked.length > 0;
    group.querySelector('summary')!.textContent = ticked.length ? `${searchFilters[key]} (${ticked.length} chosen)` : searchFilters[key];
    return group;
  }

  private filterLoading(key: SearchFilterKey): HTMLElement {
    const note = cloneTemplate<HTMLElement>(this.templates['filter-loading']);
    note.textContent = `Loading the ${searchFilters[key].toLowerCase()} filters…`;
    return note;
  }

  private filterValues(key: SearchFilterKey, state: SearchState, totals: FilterCounts, counts: FilterCounts): HTMLFieldSetElement {
    const fieldset = cloneTemplate<HTMLFieldSetElement>(this.templates['filter-values']);
    fieldset.querySelector('legend')!.textContent = searchFilters[key];
    const ticked = state.filters[key] ?? [];
    const values = Object.keys(totals[key] ?? {}).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    for (const value of values) {
      const count = counts[key]?.[value] ?? 0;
      const row = cloneTemplate<HTMLElement>(this.templates['filter-option']);
      const box = row.querySelector('input')!;
      const label = row.querySelector('label')!;
      const number = row.querySelector<HTMLElement>('.filter-count')!;
      box.id = label.htmlFor = filterInputId(key, value);
      box.checked = ticked.includes(value);
      box.dataset.filter = key;
      box.value = value;
      row.querySelector('.filter-value')!.textContent = value;
      number.textContent = String(count);
      number.setAttribute('aria-label', `${count} result${count === 1 ? '' : 's'}`);
      row.classList.toggle('filter-option--empty', count === 0 && !box.checked);
      fieldset.append(row);
    }
    return fieldset;
  }
}
