/** A served build plus one Chromium for a test file, and the page helpers the browser tests share. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { serve, type StaticServer } from './serve.ts';

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and failed requests seen so far. */
  problems: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

export function useSiteBrowser(siteDir?: string, base = '/') {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve(siteDir, base);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    url: (path: string) => `${server.url}${path}`,
    origin: () => server.url,
    async open(path: string, options: BrowserContextOptions = {}): Promise<OpenedPage> {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // A request cut short by navigating away is not a failure of the page.
      page.on('requestfailed', (request) => {
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()}`);
      });
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${server.url}${path}`);
      return { page, context, problems, requests };
    },
  };
}

/** Waits for the search page to finish and returns the listed result paths. */
export async function searchResults(page: Page): Promise<string[]> {
  await page.waitForSelector('#search-status[data-state="done"], #search-status[data-state="error"]', { timeout: 15_000 });
  const state = await page.getAttribute('#search-status', 'data-state');
  if (state === 'error') throw new Error(`Search failed: ${await page.textContent('#search-status')}`);
  return page.$$eval('#search-results a.search-result__title', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}
