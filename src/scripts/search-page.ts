/**
 * The search page: reads `?q=` from the URL, loads Pagefind only then, and lists the results.
 * Pagefind's bundle exists only in the built site, so `astro dev` says so instead of failing.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (module: Pagefind) => {
    await module.options({ baseUrl: base });
    return module;
  });
  return pagefind;
}

function resultItem(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const link = document.createElement('a');
  link.href = result.url;
  link.className = 'search-result__title';
  link.textContent = result.meta.title ?? result.url;
  const kind = document.createElement('span');
  kind.className = 'search-result__kind';
  kind.textContent = result.meta.kind ?? '';
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  // Pagefind escapes the excerpt and adds only <mark> elements around the matched words.
  excerpt.innerHTML = result.excerpt;
  item.append(kind, link, excerpt);
  return item;
}

export async function runSearchPage(): Promise<void> {
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const input = document.getElementById('search-page-input') as HTMLInputElement | null;
  if (!status || !list || !input) return;

  // data-state lets tests and assistive tooling tell a finished search from one under way.
  const report = (state: 'idle' | 'loading' | 'done' | 'error', text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };

  const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  input.value = query;
  if (!query) {
    report('idle', 'Type a company, a library, a technique or a question.');
    input.focus();
    return;
  }

  report('loading', `Searching for “${query}”…`);
  let engine: Pagefind;
  try {
    engine = await loadPagefind();
  } catch (error) {
    console.error('Pagefind could not be loaded', error);
    report(
      'error',
      import.meta.env.DEV
        ? 'Search works on the built site only: run `npm run build` and `npm run preview`.'
        : 'Search could not be loaded. Browse the companies, libraries and tricks instead.',
    );
    return;
  }
  const { results } = await engine.search(query);
  const data = await Promise.all(results.slice(0, 20).map((result) => result.data()));
  list.replaceChildren(...data.map(resultItem));
  report(
    'done',
    results.length === 0
      ? `No results for “${query}”.`
      : `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”${results.length > 20 ? ', showing the first 20' : ''}.`,
  );
}
