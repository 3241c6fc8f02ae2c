/**
 * The full search page as a `<search-page>` element: this module is its controller (events, the URL,
 * the calls to Pagefind); src/client/search-view.ts renders what it decides.
 *
 * The URL is the state: `?q=` and one parameter per ticked filter value, so a reload or a shared link
 * reopens the same results, and each new search is a history entry that the back button returns to.
 * Filters and their counts come from Pagefind, which reads them from the typed frontmatter at build
 * time. With an empty query the filters browse everything.
 *
 * Filter data is loaded only when it is used: when the reader opens a filter group, or when the URL
 * already has a filter. Pagefind loads every filter's values at once (there is no call for one
 * filter), and at 5,000 companies that is about 300 KB, twice what the rest of a first search costs;
 * once loaded, Pagefind also counts every value on every query. A plain query loads none of it.
 */
import {
  isEmptySearch,
  pagefindFilters,
  parseSearchState,
  resultSummary,
  sameSearch,
  searchFilterKeys,
  searchPageTitle,
  searchStateToQuery,
  toggleFilter,
  type SearchFilterKey,
  type SearchState,
} from '../lib/search-state.ts';
import { loadPagefind, unavailableMessage, type FilterCounts, type Pagefind, type PagefindResult } from './pagefind-client.ts';
import { SearchView } from './search-view.ts';

const pageSize = 20;
/** How long typing pauses before the query becomes a search (and a history entry). */
const typingDelay = 250;

const normaliseQuery = (text: string) => text.trim().replace(/\s+/g, ' ');

class SearchPage extends HTMLElement {
  private view!: SearchView;
  private state: SearchState = { query: '', filters: {} };
  private pagefind: Pagefind | undefined;
  private totals: FilterCounts | undefined;
  private loadingFilters: Promise<void> | undefined;
  private readonly openGroups = new Set<SearchFilterKey>();
  private results: PagefindResult[] = [];
  private shown = 0;
  /** Bumped by every search, so that a slower, older one never overwrites a newer one. */
  private ticket = 0;
  /** True while the reader is typing a query that already has its own history entry. */
  private typingEntry = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    if (this.view) return;
    this.view = new SearchView(this);
    this.view.showApp();
    this.state = parseSearchState(window.location.search);
    this.listen();
    void this.run();
    if (isEmptySearch(this.state)) this.view.input.focus();
  }

  private hasFilters(): boolean {
    return searchFilterKeys.some((key) => this.state.filters[key]?.length);
  }

  private writeUrl(mode: 'push' | 'replace'): void {
    const url = `${window.location.pathname}${searchStateToQuery(this.state)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Makes `next` the state: a new history entry (or a replaced one while typing), then a search. */
  private commit(next: SearchState, mode: 'push' | 'replace'): void {
    if (mode === 'push' && sameSearch(next, this.state)) return;
    this.state = next;
    this.writeUrl(mode);
    void this.run();
  }

  /** Loads every filter's values once; the next search then counts them too. */
  private loadFilters(pagefind: Pagefind): Promise<void> {
    this.loadingFilters ??= pagefind.filters().then((values) => {
      this.totals = values;
    });
    this.loadingFilters.catch(() => {
      this.loadingFilters = undefined;
    });
    return this.loadingFilters;
  }

  private async showMore(): Promise<void> {
    const batch = this.results.slice(this.shown, this.shown + pageSize);
    const data = await Promise.all(batch.map((result) => result.data()));
    this.shown += batch.length;
    this.view.appendResults(data, this.shown < this.results.length);
  }

  private renderFilters(counts: FilterCounts): void {
    this.view.renderFilters({ state: this.state, totals: this.totals, counts, open: this.openGroups });
  }

  private async run(): Promise<void> {
    const current = ++this.ticket;
    const { view, state } = this;
    view.setQuery(state.query);
    const browsing = isEmptySearch(state);
    view.showIndex(browsing);
    if (!this.pagefind) {
      view.setStatus('loading', 'Loading search…');
      try {
        this.pagefind = await loadPagefind();
        if (this.hasFilters()) await this.loadFilters(this.pagefind);
      } catch {
        view.setStatus('error', unavailableMessage());
        view.showIndex(true);
        return;
      }
    }
    if (browsing) {
      this.results = [];
      view.clearResults();
      this.renderFilters(this.totals ?? {});
      view.setStatus('done', 'Type a query, or choose filters to browse. Every page is listed A–Z below.');
      return;
    }
    view.setStatus('loading');
    // With filters and no words, Pagefind lists pages in index order: by kind, then A–Z (see
    // src/integrations/pagefind.ts), so no sort is needed.
    const search = await this.pagefind.search(state.query || null, { filters: pagefindFilters(state) });
    if (current !== this.ticket) return;
    this.results = search.results;
    this.shown = 0;
    view.clearResults();
    await this.showMore();
    if (current !== this.ticket) return;
    this.renderFilters(search.filters);
    view.setStatus('done', resultSummary(this.results.length, state));
    document.title = searchPageTitle(state.query);
  }

  private listen(): void {
    const { view } = this;

    view.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        const next = { ...this.state, query: normaliseQuery(view.input.value) };
        if (sameSearch(next, this.state)) return;
        this.commit(next, this.typingEntry ? 'replace' : 'push');
        this.typingEntry = true;
      }, typingDelay);
    });

    view.form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.timer);
      this.typingEntry = false;
      this.commit({ ...this.state, query: normaliseQuery(view.input.value) }, 'push');
    });

    view.filters.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const key = box.dataset.filter as SearchFilterKey | undefined;
      if (!key) return;
      this.typingEntry = false;
      this.commit(toggleFilter(this.state, key, box.value), 'push');
      // Keep focus on the same checkbox after the column is rebuilt.
      requestAnimationFrame(() => view.focusFilterValue(key, box.value));
    });

    // Opening a group loads the filter data (once), then searches again so that it has counts.
    view.filters.addEventListener(
      'toggle',
      (event) => {
        const group = event.target as HTMLDetailsElement;
        const key = group.dataset.group as SearchFilterKey | undefined;
        if (!key) return;
        if (!group.open) {
          this.openGroups.delete(key);
          return;
        }
        this.openGroups.add(key);
        if (this.totals || !this.pagefind) return;
        const focused = document.activeElement === group.querySelector('summary');
        void this.loadFilters(this.pagefind)
          .then(() => this.run())
          .then(() => {
            if (focused) view.focusFilterGroup(key);
          });
      },
      true,
    );

    view.clear.addEventListener('click', () => {
      this.typingEntry = false;
      this.commit({ ...this.state, filters: {} }, 'push');
      view.input.focus();
    });

    view.more.addEventListener('click', () => {
      const first = this.shown;
      void this.showMore().then(() => view.titleLink(first)?.focus());
    });

    // Arrow keys move between results; Escape goes back to the field.
    view.input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && this.results.length > 0) {
        event.preventDefault();
        view.resultLinks()[0]?.focus();
      }
    });
    view.list.addEventListener('keydown', (event) => {
      const links = view.resultLinks();
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (index < 0) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
        if (next < 0) view.input.focus();
        else links[Math.min(next, links.length - 1)]?.focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        view.input.focus();
      }
    });

    window.addEventListener('popstate', () => {
      this.typingEntry = false;
      this.state = parseSearchState(window.location.search);
      void this.run();
    });
  }
}

customElements.define('search-page', SearchPage);
