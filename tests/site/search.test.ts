/**
 * Search on the built site, in Debian's Chromium: the header form submits to /search/, Pagefind
 * loads there, and a library's name finds its page and every company that uses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { serve, type StaticServer } from '../helpers/serve';
import { contentEntries } from '../helpers/dist';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serve();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and collects console errors and failed requests while it is used. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(`${server.url}${path}`);
  return { page, problems };
}

/** The paths of the listed results, once the search has finished. */
async function resultPaths(page: Page): Promise<string[]> {
  const status = page.locator('#search-status');
  await page.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]', { timeout: 15_000 });
  if ((await status.getAttribute('data-state')) === 'error') throw new Error(`Search failed: ${await status.textContent()}`);
  return page.$$eval('#search-results a.search-result__title', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('the header search box', () => {
  it('submits to /search/ and lists matching pages with no console errors', async () => {
    const { page, problems } = await openPage('/companies/dropbox/');
    await page.fill('header input[name="q"]', 'Django');
    await page.press('header input[name="q"]', 'Enter');
    await page.waitForURL(/\/search\/\?q=Django$/);
    const results = await resultPaths(page);
    expect(results).toContain('/libraries/django/');
    expect(results).toContain('/companies/instagram/');
    expect(await page.inputValue('#search-page-input')).toBe('Django');
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result__kind').textContent()).toMatch(/^(Company|Library|Scale trick)$/);
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const { page } = await openPage('/search/?q=zzyzxqq');
    expect(await resultPaths(page)).toEqual([]);
    expect(await page.textContent('#search-status')).toContain('No results');
    await page.close();
  });
});

describe('searching for a library by name', () => {
  const companies = contentEntries('companies');
  const libraries = contentEntries('libraries').map((library) => ({
    id: library.id,
    name: library.data.name as string,
    users: companies
      .filter((c) => (c.data.libraries as { library: string }[]).some((u) => u.library === library.id))
      .map((c) => c.id),
  }));

  it.each(libraries)('finds $name and every company that uses it', async ({ id, name, users }) => {
    const { page, problems } = await openPage(`/search/?q=${encodeURIComponent(name)}`);
    const results = await resultPaths(page);
    expect(results).toContain(`/libraries/${id}/`);
    for (const company of users) expect(results).toContain(`/companies/${company}/`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
