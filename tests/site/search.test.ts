/**
 * Search on the built site in Debian's Chromium: the header combobox, shortcuts, lazy loading,
 * the full search page with filters and URL state, keyboard use, the path without JavaScript, and
 * accessibility of both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { contentEntries, dist } from '../helpers/dist.ts';
import { searchResults, useSiteBrowser } from '../helpers/site-browser.ts';
import { SITE_TITLE } from '../../src/lib/site-meta.ts';
import { claimVerdicts, type ClaimVerdict } from '../../src/lib/vocabulary.ts';

const site = useSiteBrowser();
const companies = contentEntries('companies');
const libraries = contentEntries('libraries');
const tricks = contentEntries('tricks');
const posts = contentEntries('posts');
const claims = contentEntries('claims');
const isSearchCode = (url: string) => url.includes('/pagefind/') || /search-combobox|pagefind-client/.test(url);

describe('the header search', () => {
  it('loads no search code or index until the field gets focus', async () => {
    const { page, context, requests, problems } = await site.open('/companies/dropbox/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter(isSearchCode)).toEqual([]);
    await page.focus('header input[name="q"]');
    await page.waitForRequest((r) => r.url().endsWith('/pagefind/pagefind.js'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens with / and with Ctrl+K, and shows the hint', async () => {
    const { page, context } = await site.open('/libraries/django/');
    const field = page.locator('header input[name="q"]');
    expect(await page.locator('header .search-form__hint kbd').isVisible()).toBe(true);
    await page.keyboard.press('/');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('lists matches as a listbox, moves with the arrows and opens a result with Enter, highlighting the terms', async () => {
    const { page, context, problems } = await site.open('/');
    const field = page.locator('header input[name="q"]');
    await field.click();
    await field.fill('django');
    const listbox = page.locator('header [role="listbox"]');
    await listbox.locator('[role="option"]').first().waitFor();
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('header [role="status"]').textContent()).toMatch(/^\d+ results?, showing \d+\. Use the up and down arrow keys/);
    await page.keyboard.press('ArrowDown');
    const first = listbox.locator('[role="option"]').first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await field.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.locator('.combobox-option__title').textContent()).toBe('Django');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/libraries\/django\/\?highlight=django$/);
    await page.locator('mark.pagefind-highlight').first().waitFor();
    expect(await page.locator('mark.pagefind-highlight').count()).toBeGreaterThan(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('closes with Escape, clears with a second Escape, and submits to the search page with Enter', async () => {
    const { page, context } = await site.open('/tricks/');
    const field = page.locator('header input[name="q"]');
    await field.click();
    await field.fill('rust');
    await page.locator('header [role="option"]').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('header [role="listbox"]').isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('');
    await field.fill('rust');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=rust$/);
    expect(await searchResults(page)).toContain('/companies/dropbox/');
    await context.close();
  });

  it('has no accessibility violations with the suggestions open, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await site.open('/companies/instagram/', { colorScheme });
      await page.locator('header input[name="q"]').fill('memory');
      await page.locator('header [role="option"]').first().waitFor();
      await page.keyboard.press('ArrowDown');
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await context.close();
    }
  });
});

describe('the search page', () => {
  it('shows kind, title, a highlighted excerpt and links to matching sections', async () => {
    const { page, context, problems } = await site.open('/search/?q=claims');
    const results = await searchResults(page);
    expect(results.length).toBeGreaterThan(3);
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result__kind').textContent()).toMatch(/^(Company|Library|Scale trick|Article)$/);
    expect(await first.locator('.search-result__excerpt mark').count()).toBeGreaterThan(0);
    const section = page.locator('.search-result__sections a').first();
    expect(await section.getAttribute('href')).toMatch(/^\/(companies|posts|libraries|tricks)\/[a-z0-9-]+\/\?highlight=claims#[a-z0-9-]+$/);
    expect(await page.textContent('#search-status')).toMatch(/^\d+ results for “claims”\.$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fetches no filter data for a plain query, nor a Pagefind worker; opening a filter group loads it', async () => {
    const { page, context, requests, problems } = await site.open('/search/?q=django');
    expect((await searchResults(page)).length).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => url.includes('/pagefind/filter/'))).toEqual([]);
    expect(requests.filter((url) => url.includes('pagefind-worker'))).toEqual([]);
    // The groups are there, closed, with nothing inside until one is opened.
    expect(await page.$$eval('details.filter-group', (groups) => groups.map((g) => (g as HTMLDetailsElement).dataset.group))).toEqual([
      'kind',
      'company',
      'library',
      'trick',
      'area',
      'verdict',
    ]);
    expect(await page.locator('input[data-filter]').count()).toBe(0);
    expect(await page.locator('details.filter-group[data-group="library"] .filter-loading').textContent()).toBe('Loading the library filters…');
    const summary = page.locator('details.filter-group[data-group="library"] summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.locator('#filter-library-django').waitFor();
    expect(requests.filter((url) => url.includes('/pagefind/filter/')).length).toBeGreaterThan(0);
    // Counts are for this query, and focus stays on the group that was opened.
    expect(Number(await page.locator('label[for="filter-library-django"] .filter-count').textContent())).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.closest('details')?.dataset.group)).toBe('library');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers every library, trick, company, kind, role area and claim verdict from the content as a filter, with counts', async () => {
    const { page, context } = await site.open('/search/');
    await searchResults(page);
    await page.locator('details.filter-group[data-group="kind"] summary').click();
    await page.locator('input[data-filter="kind"]').first().waitFor();
    const values = (key: string) =>
      page.$$eval(`input[data-filter="${key}"]`, (boxes) => boxes.map((b) => (b as HTMLInputElement).value).sort());
    expect(await values('library')).toEqual(libraries.map((l) => l.data.name as string).sort());
    expect(await values('trick')).toEqual(tricks.map((t) => t.data.name as string).sort());
    expect(await values('company')).toEqual(companies.map((c) => c.data.name as string).sort());
    expect(await values('kind')).toEqual(['Article', 'Company', 'Library', 'Scale trick']);
    expect((await values('area')).length).toBeGreaterThan(3);
    // The verdicts of the claims shown on the profiles, by their labels.
    const verdicts = new Set(claims.filter((c) => !c.data['article']).map((c) => claimVerdicts[c.data['verdict'] as ClaimVerdict]));
    expect(await values('verdict')).toEqual([...verdicts].sort());
    expect(await page.locator('label[for="filter-kind-company"] .filter-count').textContent()).toBe(String(companies.length));
    await context.close();
  });

  it('browses by filter with an empty query, keeps the state in the URL, survives a reload and steps back', async () => {
    const { page, context, problems } = await site.open('/search/');
    await searchResults(page);
    expect(await page.locator('#a-z').isVisible()).toBe(true);

    await page.locator('details.filter-group[data-group="library"] summary').click();
    await page.locator('#filter-library-asyncio').check();
    await page.waitForURL(/\/search\/\?library=asyncio$/);
    expect((await searchResults(page)).sort()).toEqual(['/companies/instagram/', '/libraries/asyncio/']);
    expect(await page.locator('#a-z').isHidden()).toBe(true);

    await page.reload();
    expect((await searchResults(page)).sort()).toEqual(['/companies/instagram/', '/libraries/asyncio/']);
    expect(await page.locator('#filter-library-asyncio').isChecked()).toBe(true);

    await page.locator('details.filter-group[data-group="kind"] summary').click();
    await page.locator('#filter-kind-company').check();
    await page.waitForURL(/\/search\/\?kind=Company&library=asyncio$/);
    expect(await searchResults(page)).toEqual(['/companies/instagram/']);

    await page.fill('#search-page-input', 'django');
    await page.press('#search-page-input', 'Enter');
    await page.waitForURL(/\/search\/\?q=django&kind=Company&library=asyncio$/);
    expect(await searchResults(page)).toEqual(['/companies/instagram/']);

    await page.goBack();
    await page.waitForURL(/\/search\/\?kind=Company&library=asyncio$/);
    expect(await page.inputValue('#search-page-input')).toBe('');
    await page.goBack();
    await page.waitForURL(/\/search\/\?library=asyncio$/);
    expect((await searchResults(page)).sort()).toEqual(['/companies/instagram/', '/libraries/asyncio/']);
    expect(await page.locator('#filter-kind-company').isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists a filter-only browse A–Z by address, the order the pages were indexed in', async () => {
    const { page, context } = await site.open('/search/?kind=Library');
    const shown = await searchResults(page);
    const expected = libraries.map((l) => `/libraries/${l.id}/`).sort();
    expect(shown).toEqual(expected.slice(0, shown.length));
    expect(shown.length).toBe(Math.min(20, libraries.length));
    await context.close();
  });

  it('reopens a shared URL with a query and filters exactly', async () => {
    const shared = '/search/?q=memory&kind=Scale+trick';
    const first = await site.open(shared);
    const before = await searchResults(first.page);
    await first.context.close();
    const second = await site.open(shared);
    expect(await searchResults(second.page)).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((path) => path.startsWith('/tricks/'))).toBe(true);
    expect(await second.page.inputValue('#search-page-input')).toBe('memory');
    await second.context.close();
  });

  it('works by keyboard alone: type, arrow into the results, open one', async () => {
    const { page, context } = await site.open('/search/');
    await searchResults(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    await page.keyboard.type('annoy');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=annoy$/);
    await searchResults(page);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annoy');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annoy');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/libraries\/annoy\/\?highlight=annoy$/);
    await context.close();
  });

  it('titles the page after the query, with the site name', async () => {
    const { page, context } = await site.open('/search/?q=django');
    await searchResults(page);
    expect(await page.title()).toBe(`django · Search · ${SITE_TITLE}`);
    await context.close();
  });

  it('shows a hostile query as text and never runs it', async () => {
    const { page, context } = await site.open(`/search/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await searchResults(page);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.textContent('#search-status')).toContain('<img src=x onerror=alert(1)>');
    expect(dialog).toBe(false);
    await context.close();
  });

  it('has no accessibility violations with results and filters, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await site.open('/search/?q=python&library=Django', { colorScheme });
      await searchResults(page);
      await page.locator('details.filter-group summary').first().click();
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await context.close();
    }
  });
});

describe('search without JavaScript', () => {
  it('the header form submits to /search/?q= and the search page lists every page A–Z', async () => {
    const { page, context } = await site.open('/companies/netflix/', { javaScriptEnabled: false });
    await page.fill('header input[name="q"]', 'flask');
    await page.press('header input[name="q"]', 'Enter');
    await page.waitForURL(/\/search\/\?q=flask$/);
    expect(await page.locator('#search-app').isHidden()).toBe(true);
    const links = await page.$$eval('#a-z a[href]', (as) => as.map((a) => a.getAttribute('href')));
    const expected = [
      ...companies.map((c) => `/companies/${c.id}/`),
      ...libraries.map((l) => `/libraries/${l.id}/`),
      ...tricks.map((t) => `/tricks/${t.id}/`),
      ...posts.map((p) => `/posts/${p.id}/`),
    ];
    for (const path of expected) expect(links).toContain(path);
    expect(await page.locator('noscript').count()).toBe(1);
    await context.close();
  });
});

describe('searching for a library by name', () => {
  const cases = libraries.map((library) => ({
    id: library.id,
    name: library.data.name as string,
    users: companies
      .filter((c) => (c.data.libraries as { library: string }[]).some((u) => u.library === library.id))
      .map((c) => c.id),
  }));

  it.each(cases)('finds $name first and every company that uses it', async ({ id, name, users }) => {
    const { page, context, problems } = await site.open(`/search/?q=${encodeURIComponent(name)}`);
    const results = await searchResults(page);
    expect(results[0]).toBe(`/libraries/${id}/`);
    for (const company of users) expect(results).toContain(`/companies/${company}/`);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('what a search result downloads', () => {
  interface Fragment {
    url: string;
    content: string;
    anchors: { element: string; id: string; text: string }[];
  }
  /** Every page's search fragment: gzip, Pagefind's 12-byte signature, then JSON. */
  const fragments = (): Fragment[] => {
    const dir = path.join(dist, 'pagefind', 'fragment');
    return readdirSync(dir).map((name) => JSON.parse(gunzipSync(readFileSync(path.join(dir, name))).subarray('pagefind_dcd'.length).toString('utf8')));
  };

  it("holds a profile's text, not its citation list", () => {
    const all = fragments();
    for (const company of companies) {
      const fragment = all.find((f) => f.url === `/companies/${company.id}/`);
      expect(fragment, company.id).toBeDefined();
      // Headings are anchors (Pagefind shows them as sub-results); the footnotes and their references are not.
      expect(fragment!.anchors.map((a) => a.id), company.id).toContain('at-a-glance');
      expect(fragment!.anchors.filter((a) => /^user-content-fn/.test(a.id)), company.id).toEqual([]);
      // The footnotes section (with its ↩ back-links) is left out; the source list still gives search the titles.
      expect(fragment!.content, company.id).not.toMatch(/↩|Citations/);
      const sources = company.data.sources as { title: string }[];
      for (const source of sources) expect(fragment!.content, `${company.id}: ${source.title}`).toContain(source.title);
    }
  });

  // Without whitespace between elements, Pagefind's text ran cells and terms together: "Written inPython".
  it('keeps the spaces between terms and values, table cells, and a name and its text', () => {
    const content = new Map(fragments().map((f) => [f.url, f.content]));
    for (const library of libraries) {
      const text = content.get(`/libraries/${library.id}/`)!;
      expect(text, library.id).toContain(`Written in ${library.data.language as string}`);
      expect(text, library.id).toContain(`Home page ${new URL(library.data.homepage as string).host}`);
      for (const company of companies) {
        const use = (company.data.libraries as { library: string; use: string }[]).find((u) => u.library === library.id);
        if (use) expect(text, `${library.id}: ${company.id}`).toContain(`${company.data.name as string} ${use.use.split(' ')[0]}`);
      }
    }
    for (const company of companies) {
      const text = content.get(`/companies/${company.id}/`)!;
      const name = company.data.name as string;
      expect(text, company.id).toContain(`Library How ${name} uses it`);
      expect(text, company.id).toContain(`Trick How ${name} does it`);
      if (((company.data.movedAway ?? []) as unknown[]).length > 0) expect(text, company.id).toContain('What To When Why');
    }
    for (const [url, text] of content) expect(text, url).not.toMatch(/\SChecked \d/);
  });

  it('shows those spaces in the excerpts a search returns', async () => {
    const { page, context } = await site.open('/search/?q=written');
    await searchResults(page);
    const excerpts = await page.$$eval('.search-result__excerpt', (ps) => ps.map((p) => p.textContent ?? ''));
    const terms = excerpts.filter((text) => text.includes('Written in'));
    expect(terms.length).toBeGreaterThan(0);
    for (const text of terms) expect(text).toMatch(/Written in [A-Z]/);
    await context.close();
  });
});
