/**
 * The full search page. The URL is the state: `?q=` and one parameter per ticked filter value, so a
 * reload or a shared link reopens the same results, and each new search is a history entry that the
 * back button returns to. Filters and their counts come from Pagefind, which reads them from the
 * typed frontmatter at build time. With an empty query the filters browse everything.
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
  sameSearch,
  searchFilterKeys,
  searchFilters,
  searchStateToQuery,
  toggleFilter,
  type SearchFilterKey,
  type SearchState,
} from '../lib/search-state.ts';
import { loadPagefind, setExcerpt, unavailableMessage, type FilterCounts, type Pagefind, type PagefindResult, type PagefindResultData } from './pagefind-client.ts';

const pageSize = 20;

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  app: HTMLElement;
  filters: HTMLElement;
  clear: HTMLButtonElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  azIndex: HTMLElement;
}

function elements(): Elements | undefined {
  const input = document.getElementById('search-page-input') as HTMLInputElement | null;
  const get = (id: string) => document.getElementById(id);
  const found = {
    form: input?.form,
    input,
    app: get('search-app'),
    filters: get('search-filters'),
    clear: get('search-clear'),
    status: get('search-status'),
    list: get('search-results'),
    more: get('search-more'),
    azIndex: get('a-z'),
  };
  return Object.values(found).every(Boolean) ? (found as Elements) : undefined;
}

function describe(state: SearchState): string {
  const parts = searchFilterKeys
    .filter((key) => state.filters[key]?.length)
    .map((key) => `${searchFilters[key]}: ${state.filters[key]!.join(' or ')}`);
  const query = state.query ? ` for “${state.query}”` : '';
  return `${query}${parts.length ? `${state.query ? ',' : ''} filtered by ${parts.join('; ')}` : ''}`;
}

function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const kind = document.createElement('span');
  kind.className = 'search-result__kind';
  kind.textContent = result.meta.kind ?? '';
  const link = document.createElement('a');
  link.className = 'search-result__title';
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  setExcerpt(excerpt, result.excerpt);
  item.append(kind, link, excerpt);

  const sections = result.sub_results.filter((sub) => sub.url.includes('#') && sub.title !== result.meta.title).slice(0, 3);
  if (sections.length > 0) {
    const list = document.createElement('ul');
    list.className = 'search-result__sections';
    list.setAttribute('aria-label', `Matching sections of ${result.meta.title ?? 'this page'}`);
    for (const sub of sections) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = sub.url;
      a.textContent = sub.title;
      const text = document.createElement('span');
      text.className = 'search-result__section-excerpt';
      setExcerpt(text, sub.excerpt);
      li.append(a, text);
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

export function startSearchPage(): void {
  const ui = elements();
  if (!ui) return;
  ui.app.hidden = false;

  let state = parseSearchState(window.location.search);
  let pagefind: Pagefind | undefined;
  /** Every filter value with its total, once loaded; until then the groups are closed shells. */
  let totals: FilterCounts | undefined;
  let loadingFilters: Promise<void> | undefined;
  /** The groups the reader has open, kept open when the list is rebuilt. */
  const openGroups = new Set<SearchFilterKey>();
  let results: PagefindResult[] = [];
  let shown = 0;
  let ticket = 0;
  /** True while the reader is typing a query that already has its own history entry. */
  let typingEntry = false;

  const writeUrl = (mode: 'push' | 'replace') => {
    const url = `${window.location.pathname}${searchStateToQuery(state)}`;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  const hasFilters = () => searchFilterKeys.some((key) => state.filters[key]?.length);

  const groupShell = (key: SearchFilterKey) => {
    const details = document.createElement('details');
    details.className = 'filter-group';
    details.dataset.group = key;
    const ticked = state.filters[key] ?? [];
    details.open = openGroups.has(key) || ticked.length > 0;
    const summary = document.createElement('summary');
    summary.textContent = ticked.length ? `${searchFilters[key]} (${ticked.length} chosen)` : searchFilters[key];
    details.append(summary);
    return details;
  };

  /** Before the filter data is loaded: one closed group per filter, which loads it when opened. */
  const renderFilterShells = () => {
    ui.filters.replaceChildren(
      ...searchFilterKeys.map((key) => {
        const details = groupShell(key);
        const note = document.createElement('p');
        note.className = 'filter-loading';
        note.textContent = `Loading the ${searchFilters[key].toLowerCase()} filters…`;
        details.append(note);
        return details;
      }),
    );
    ui.clear.hidden = true;
  };

  const renderFilters = (counts: FilterCounts) => {
    if (!totals) return renderFilterShells();
    const loaded = totals;
    const groups = searchFilterKeys.filter((key) => Object.keys(loaded[key] ?? {}).length > 0);
    ui.filters.replaceChildren(
      ...groups.map((key) => {
        const details = groupShell(key);
        const ticked = state.filters[key] ?? [];
        const fieldset = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.className = 'sr-only';
        legend.textContent = searchFilters[key];
        fieldset.append(legend);
        const values = Object.keys(loaded[key] ?? {}).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
        for (const value of values) {
          const count = counts[key]?.[value] ?? 0;
          const id = `filter-${key}-${value.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.id = id;
          box.checked = ticked.includes(value);
          box.dataset.filter = key;
          box.value = value;
          const label = document.createElement('label');
          label.htmlFor = id;
          label.textContent = value;
          const number = document.createElement('span');
          number.className = 'filter-count';
          number.textContent = String(count);
          number.setAttribute('aria-label', `${count} result${count === 1 ? '' : 's'}`);
          label.append(' ', number);
          const row = document.createElement('div');
          row.className = count === 0 && !box.checked ? 'filter-option filter-option--empty' : 'filter-option';
          row.append(box, label);
          fieldset.append(row);
        }
        details.append(fieldset);
        return details;
      }),
    );
    ui.clear.hidden = Object.keys(state.filters).length === 0;
  };

  /** Loads every filter's values once; the next search then counts them too. */
  const loadFilters = (loaded: Pagefind): Promise<void> => {
    loadingFilters ??= loaded.filters().then((values) => {
      totals = values;
    });
    loadingFilters.catch(() => {
      loadingFilters = undefined;
    });
    return loadingFilters;
  };

  const showMore = async () => {
    const batch = results.slice(shown, shown + pageSize);
    const data = await Promise.all(batch.map((r) => r.data()));
    ui.list.append(...data.map(resultItem));
    shown += batch.length;
    ui.more.hidden = shown >= results.length;
  };

  const run = async () => {
    const current = ++ticket;
    ui.input.value = state.query;
    const browsing = isEmptySearch(state);
    ui.azIndex.hidden = !browsing;
    if (!pagefind) {
      ui.status.dataset.state = 'loading';
      ui.status.textContent = 'Loading search…';
      try {
        pagefind = await loadPagefind();
        if (hasFilters()) await loadFilters(pagefind);
      } catch {
        ui.status.dataset.state = 'error';
        ui.status.textContent = unavailableMessage();
        ui.azIndex.hidden = false;
        return;
      }
    }
    if (browsing) {
      results = [];
      ui.list.replaceChildren();
      ui.more.hidden = true;
      renderFilters(totals ?? {});
      ui.status.dataset.state = 'done';
      ui.status.textContent = 'Type a query, or choose filters to browse. Every page is listed A–Z below.';
      return;
    }
    ui.status.dataset.state = 'loading';
    // With filters and no words, Pagefind lists pages in index order: by kind, then A–Z (see
    // src/integrations/pagefind.ts), so no sort is needed.
    const search = await pagefind.search(state.query || null, { filters: pagefindFilters(state) });
    if (current !== ticket) return;
    results = search.results;
    shown = 0;
    ui.list.replaceChildren();
    await showMore();
    if (current !== ticket) return;
    renderFilters(search.filters);
    const count = results.length;
    ui.status.dataset.state = 'done';
    ui.status.textContent = `${count === 0 ? 'No' : count} result${count === 1 ? '' : 's'}${describe(state)}.`;
    document.title = `${state.query ? `${state.query} · ` : ''}Search · Python at Scale`;
  };

  const commit = (next: SearchState, mode: 'push' | 'replace') => {
    if (sameSearch(next, state) && mode === 'push') return;
    state = next;
    writeUrl(mode);
    void run();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  ui.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = { ...state, query: ui.input.value.trim().replace(/\s+/g, ' ') };
      if (sameSearch(next, state)) return;
      commit(next, typingEntry ? 'replace' : 'push');
      typingEntry = true;
    }, 250);
  });

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    typingEntry = false;
    commit({ ...state, query: ui.input.value.trim().replace(/\s+/g, ' ') }, 'push');
  });

  ui.filters.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (!box.dataset.filter) return;
    typingEntry = false;
    commit(toggleFilter(state, box.dataset.filter as SearchFilterKey, box.value), 'push');
    // Keep focus on the same checkbox after the list is rebuilt.
    requestAnimationFrame(() => document.getElementById(box.id)?.focus());
  });

  // Opening a group loads the filter data (once), then searches again so that it has counts.
  ui.filters.addEventListener(
    'toggle',
    (event) => {
      const details = event.target as HTMLDetailsElement;
      const key = details.dataset.group as SearchFilterKey | undefined;
      if (!key) return;
      if (!details.open) {
        openGroups.delete(key);
        return;
      }
      openGroups.add(key);
      if (totals || !pagefind) return;
      const focused = document.activeElement === details.querySelector('summary');
      void loadFilters(pagefind)
        .then(run)
        .then(() => {
          if (focused) ui.filters.querySelector<HTMLElement>(`details[data-group="${key}"] summary`)?.focus();
        });
    },
    true,
  );

  ui.clear.addEventListener('click', () => {
    typingEntry = false;
    commit({ ...state, filters: {} }, 'push');
    ui.input.focus();
  });

  ui.more.addEventListener('click', () => {
    const first = shown;
    void showMore().then(() => ui.list.querySelectorAll<HTMLAnchorElement>('.search-result__title')[first]?.focus());
  });

  // Arrow keys move between results; Escape goes back to the field.
  const links = () => [...ui.list.querySelectorAll<HTMLAnchorElement>('a')];
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      links()[0]?.focus();
    }
  });
  ui.list.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
      if (next < 0) ui.input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      ui.input.focus();
    }
  });

  window.addEventListener('popstate', () => {
    typingEntry = false;
    state = parseSearchState(window.location.search);
    void run();
  });

  void run();
  if (!state.query && isEmptySearch(state)) ui.input.focus();
}
