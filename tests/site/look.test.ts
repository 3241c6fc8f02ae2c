/**
 * The look in Chromium: nothing wider than its container at phone, tablet and desktop widths; the
 * theme switch (remembered, applied before the first paint, accessible in both themes); and the
 * print stylesheet.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { overflowingElements } from '../helpers/overflow.ts';
import { searchResults, useSiteBrowser } from '../helpers/site-browser.ts';

const site = useSiteBrowser();

/** One page of every kind, and the widest of each where the kind has several. */
const pageKinds = [
  { name: 'home', path: '/' },
  { name: 'companies index', path: '/companies/' },
  { name: 'company (Instagram)', path: '/companies/instagram/' },
  { name: 'company (Spotify)', path: '/companies/spotify/' },
  { name: 'company (Dropbox)', path: '/companies/dropbox/' },
  { name: 'company (Google)', path: '/companies/google/' },
  { name: 'libraries index', path: '/libraries/' },
  { name: 'library', path: '/libraries/django/' },
  { name: 'tricks index', path: '/tricks/' },
  { name: 'trick', path: '/tricks/gc-freeze/' },
  { name: 'articles index', path: '/posts/' },
  { name: 'article (claims checked)', path: '/posts/popular-claims-checked/' },
  { name: 'compare', path: '/compare/' },
  { name: 'search', path: '/search/?q=django' },
  { name: 'not found', path: '/404.html' },
];

describe('no element in main is wider than its container', () => {
  // Fifteen pages in one browser context per width.
  it.each([375, 768, 1280])('at %i px, on every kind of page', async (width) => {
    const { page, context } = await site.open('/404.html', { viewport: { width, height: 900 } });
    const found: string[] = [];
    for (const { name, path } of pageKinds) {
      await page.goto(site.url(path));
      await page.waitForLoadState('networkidle');
      if (path.startsWith('/search/')) await searchResults(page);
      found.push(...(await overflowingElements(page)).map((problem) => `${name}: ${problem}`));
    }
    expect(found).toEqual([]);
    await context.close();
  }, 180_000);

  it('a wide table scrolls inside a labelled region that the keyboard reaches', async () => {
    const { page, context } = await site.open('/compare/', { viewport: { width: 375, height: 900 } });
    const regions = page.locator('main [role="region"]');
    expect(await regions.count()).toBe(2);
    for (const region of await regions.all()) {
      expect(await region.getAttribute('tabindex')).toBe('0');
      expect(await region.getAttribute('aria-label')).toMatch(/^Companies and the/);
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    }
    await page.goto(site.url('/posts/popular-claims-checked/'));
    const table = page.locator('.prose table').first();
    const region = table.locator('xpath=..');
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.getAttribute('aria-label')).toMatch(/^Table: /);
    await context.close();
  });
});

const themeOf = (page: Page) =>
  page.evaluate(() => ({
    attribute: document.documentElement.dataset.theme,
    scheme: getComputedStyle(document.documentElement).colorScheme,
    background: getComputedStyle(document.body).backgroundColor,
    select: document.querySelector<HTMLSelectElement>('theme-select select')?.value,
  }));
const DARK_BACKGROUND = 'rgb(20, 23, 27)';
const LIGHT_BACKGROUND = 'rgb(251, 251, 249)';

describe('the theme switch', () => {
  it('follows the system until a reader chooses, then keeps the choice across pages', async () => {
    const { page, context, problems } = await site.open('/companies/netflix/', { colorScheme: 'light' });
    expect(await themeOf(page)).toMatchObject({ attribute: 'auto', background: LIGHT_BACKGROUND, select: 'auto' });
    expect(await page.locator('theme-select select').isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Theme' }).count()).toBe(1);

    await page.locator('theme-select select').selectOption('dark');
    expect(await themeOf(page)).toMatchObject({ attribute: 'dark', scheme: 'dark', background: DARK_BACKGROUND });

    await page.locator('header nav a', { hasText: 'Libraries' }).click();
    await page.waitForURL(/\/libraries\/$/);
    expect(await themeOf(page)).toMatchObject({ attribute: 'dark', background: DARK_BACKGROUND, select: 'dark' });

    await page.locator('theme-select select').selectOption('auto');
    await page.reload();
    expect(await themeOf(page)).toMatchObject({ attribute: 'auto', background: LIGHT_BACKGROUND, select: 'auto' });
    expect(await page.evaluate(() => localStorage.getItem('pas-theme'))).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('applies the stored theme before the first paint', async () => {
    const { page, context } = await site.open('/404.html', { colorScheme: 'light' });
    await page.evaluate(() => localStorage.setItem('pas-theme', 'dark'));
    // Record the theme at the moment the body is created: nothing can be painted before it, and
    // the stylesheets before it block rendering. Then check the first frame's colour itself.
    await page.addInitScript(() => {
      const seen = window as unknown as { themeAtBody?: string };
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        seen.themeAtBody = document.documentElement.dataset.theme ?? 'unset';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.url('/companies/instagram/'), { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { themeAtBody?: string }).themeAtBody !== undefined);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
    const head = await page.evaluate(() => [...document.head.children].map((el) => el.tagName + (el.getAttribute('rel') ?? '')));
    const script = head.findIndex((tag) => tag === 'SCRIPT');
    const firstSheet = head.findIndex((tag) => tag === 'LINKstylesheet' || tag === 'STYLE');
    expect(script).toBeGreaterThan(-1);
    expect(script).toBeLessThan(firstSheet);
    await page.waitForLoadState('load');
    expect(await themeOf(page)).toMatchObject({ attribute: 'dark', background: DARK_BACKGROUND, select: 'dark' });
    await context.close();
  });

  it('is hidden without JavaScript, where the page follows the system', async () => {
    const { page, context } = await site.open('/companies/instagram/', { javaScriptEnabled: false, colorScheme: 'dark' });
    expect(await page.locator('theme-select').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(DARK_BACKGROUND);
    await context.close();
  });

  it.each([
    { chosen: 'dark', system: 'light' },
    { chosen: 'light', system: 'dark' },
  ] as const)('$chosen chosen on a $system system: zero axe violations', async ({ chosen, system }) => {
    const { page, context } = await site.open('/404.html', { colorScheme: system });
    await page.evaluate((theme) => localStorage.setItem('pas-theme', theme), chosen);
    for (const path of ['/companies/spotify/', '/compare/', '/libraries/django/']) {
      await page.goto(site.url(path));
      await page.waitForLoadState('networkidle');
      expect((await themeOf(page)).scheme).toBe(chosen);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await context.close();
  }, 120_000);
});

describe('printing', () => {
  it('leaves out the header, search and buttons, writes out external links, keeps the footnotes', async () => {
    const { page, context } = await site.open('/companies/instagram/', { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['header.site-header', 'form[role="search"]', 'theme-select', '.cite-box', '.heading-link']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('main button:visible').count()).toBe(0);
    const external = page.locator('.source-list a[href^="http"]').first();
    const href = await external.getAttribute('href');
    expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" (${href})"`);
    // The page's own footnotes (each claim in its claims section has its own, too).
    const footnotes = page.locator('section[data-footnotes]:not(.claim section)');
    expect(await footnotes.isVisible()).toBe(true);
    expect(await footnotes.locator('li').first().isVisible()).toBe(true);
    // Paper is light whatever the screen's theme.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(LIGHT_BACKGROUND);
    await context.close();
  });
});
