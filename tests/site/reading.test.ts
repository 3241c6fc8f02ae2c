/**
 * Reading a long page in Chromium: the "On this page" list (marks the section being read, works
 * without JavaScript, collapsed above the text on phones) and the citation preview card (hover,
 * focus, Escape, tap, no request, axe-clean light and dark).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { contentEntries, readPage } from '../helpers/dist.ts';
import { searchResults, useSiteBrowser } from '../helpers/site-browser.ts';
import { roleAreas } from '../../src/lib/vocabulary.ts';

const site = useSiteBrowser();
const current = (page: Page) => page.evaluate(() => document.querySelector('page-contents a[aria-current="true"]')?.getAttribute('href') ?? null);
/** What the page asked for after `before`; the browser fetches the tab's icon on its own schedule. */
const requestedSince = (requests: string[], before: number) => requests.slice(before).filter((url) => !url.endsWith('/favicon.svg'));

describe('On this page', () => {
  it.each(['/companies/instagram/', '/libraries/django/', '/tricks/gc-freeze/', '/posts/popular-claims-checked/'])(
    '%s lists its sections, each linking to a heading on the page',
    (path) => {
      const page = readPage(path);
      const links = page.querySelectorAll('page-contents a').map((a) => a.getAttribute('href')!);
      expect(links.length).toBeGreaterThanOrEqual(4);
      for (const href of links) expect(page.querySelector(`[id="${href.slice(1)}"]`), `${path}${href}`).not.toBeNull();
    },
  );

  it('marks the section being read while the reader scrolls, beside the text on a wide screen', async () => {
    const { page, context, problems } = await site.open('/companies/instagram/', { viewport: { width: 1280, height: 800 } });
    const list = page.locator('page-contents nav');
    expect(await list.isVisible()).toBe(true);
    const box = (await list.boundingBox())!;
    const main = (await page.locator('article.entry').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(main.x + main.width);

    for (const id of ['moved-away', 'claims-and-what-the-sources-show', 'sources']) {
      await page.locator(`[id="${id}"]`).evaluate((heading) => window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 40));
      await expect.poll(() => current(page)).toBe(`#${id}`);
      // Sticky: still on screen however far down the page.
      const top = (await list.boundingBox())!.y;
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(800);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => current(page)).toBe(null);
    expect(await page.locator('page-contents a[aria-current="true"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is collapsed above the text on a phone, and opens to a list of links', async () => {
    const { page, context } = await site.open('/libraries/django/', { viewport: { width: 375, height: 740 } });
    const summary = page.locator('page-contents summary');
    const first = page.locator('page-contents li a').first();
    expect(await first.isVisible()).toBe(false);
    expect((await summary.boundingBox())!.y).toBeLessThan((await page.locator('h1').boundingBox())!.y);
    await summary.click();
    expect(await first.isVisible()).toBe(true);
    await first.click();
    await page.waitForURL(/#used-by$/);
    await context.close();
  });

  it('works without JavaScript: a plain list of links beside the text', async () => {
    const { page, context } = await site.open('/tricks/gc-freeze/', { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const links = page.locator('page-contents li a');
    expect(await links.count()).toBeGreaterThanOrEqual(4);
    expect(await links.first().isVisible()).toBe(true);
    const href = (await links.nth(1).getAttribute('href'))!;
    await links.nth(1).click();
    await page.waitForURL(new RegExp(`${href}$`));
    const top = await page.locator(`[id="${href.slice(1)}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(40);
    await context.close();
  });

  it('loads its script only where there is a list', () => {
    const script = (path: string) => readPage(path).querySelectorAll('script[type="module"]').map((s) => s.getAttribute('src') ?? s.text).join('\n');
    expect(readPage('/compare/').querySelector('page-contents')).toBeNull();
    expect(script('/compare/')).not.toMatch(/page-contents|PageContents/);
  });

  it('a profile loads one site script, the same file as every other page, and the contents list its own', () => {
    const scripts = (path: string) => readPage(path).querySelectorAll('script[type="module"][src]').map((s) => s.getAttribute('src')!);
    const profile = scripts('/companies/instagram/');
    expect(profile).toHaveLength(2);
    const [site] = scripts('/compare/');
    expect(scripts('/compare/')).toEqual([site]);
    expect(profile).toContain(site);
    expect(scripts('/')).toEqual([site]);
  });
});

const marker = 'article a.cite, article a[data-footnote-ref]';
const card = 'citation-preview [popover]';

describe('citation previews', () => {
  it('hovering a marker shows the source from the page, with no request; moving away closes it', async () => {
    const { page, context, requests, problems } = await site.open('/companies/instagram/', { viewport: { width: 1280, height: 800 } });
    await page.waitForLoadState('networkidle');
    const before = requests.length;
    const cite = page.locator('#library-django a.cite');
    await cite.hover();
    const shown = page.locator(card);
    await shown.waitFor({ state: 'visible' });
    const href = (await cite.getAttribute('href'))!;
    const item = page.locator(`[id="${href.slice(1)}"]`);
    expect(await shown.locator('[data-card-title]').textContent()).toBe(await item.locator('[data-source-title]').textContent());
    expect(await shown.locator('[data-card-title]').getAttribute('href')).toBe(await item.locator('[data-source-title]').getAttribute('href'));
    expect(await shown.textContent()).toContain((await item.locator('[data-source-publisher]').textContent())!);
    // Next to the marker (below it, or above when there is no room below), inside the window.
    const [a, b] = [(await cite.boundingBox())!, (await shown.boundingBox())!];
    expect(Math.min(Math.abs(b.y - (a.y + a.height)), Math.abs(b.y + b.height - a.y))).toBeLessThan(20);
    expect(b.x + b.width).toBeLessThanOrEqual(1280);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(800);

    await page.mouse.move(5, 5);
    await shown.waitFor({ state: 'hidden' });
    expect(requestedSince(requests, before)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows when checked, for a source that has a checked day', async () => {
    const company = contentEntries('companies').find((c) => c.id === 'instagram')!;
    const checked = (company.data['sources'] as { id: string; checked?: unknown }[]).find((s) => s.checked)!;
    const { page, context } = await site.open('/companies/instagram/');
    await page.locator(`article a[data-footnote-ref][href="#user-content-fn-${checked.id}"]`).first().focus();
    const shown = page.locator(card);
    await shown.waitFor({ state: 'visible' });
    expect(await shown.locator('[data-card-checked-line]').isVisible()).toBe(true);
    expect(await shown.locator('[data-card-checked]').textContent()).toMatch(/^\d{1,2} \w+ \d{4}$/);
    await context.close();
  });

  it('works from the keyboard: focus shows it, Tab reaches its link, Escape closes it and returns focus', async () => {
    const { page, context } = await site.open('/libraries/django/');
    const first = page.locator(marker).first();
    await first.focus();
    const shown = page.locator(card);
    await shown.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-card-title'))).toBe(true);
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'hidden' });
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape with focus on the marker closes it too; moving focus on closes it.
    await first.blur();
    await first.focus();
    await shown.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await shown.waitFor({ state: 'hidden' });
    await context.close();
  });

  it('works by touch: a tap previews, a second tap follows the link, a tap elsewhere closes', async () => {
    const { page, context, requests } = await site.open('/companies/netflix/', { hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });
    await page.waitForLoadState('networkidle');
    const before = requests.length;
    const first = page.locator(marker).first();
    await first.scrollIntoViewIfNeeded();
    const href = (await first.getAttribute('href'))!;
    await first.tap();
    const shown = page.locator(card);
    await shown.waitFor({ state: 'visible' });
    expect(page.url()).not.toContain('#');
    const box = (await shown.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    await page.locator('h1').tap();
    await shown.waitFor({ state: 'hidden' });
    await first.tap();
    await shown.waitFor({ state: 'visible' });
    await first.tap();
    await page.waitForURL(new RegExp(`${href}$`));
    expect(requestedSince(requests, before)).toEqual([]);
    await context.close();
  });

  it('without JavaScript, a marker is still a link to the source list', async () => {
    const { page, context } = await site.open('/libraries/django/', { javaScriptEnabled: false });
    const first = page.locator(marker).first();
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/^#source-/);
    await first.click();
    await page.waitForURL(new RegExp(`${href}$`));
    expect(await page.locator(card).count()).toBe(0);
    await context.close();
  });

  it('puts the card in the page only when a citation is previewed, so no link in it leads nowhere before', async () => {
    const { page, context } = await site.open('/companies/instagram/');
    await page.waitForLoadState('networkidle');
    expect(await page.locator(card).count()).toBe(0);
    expect(await page.locator('main a:not([href]), body > * a:not([href])').count()).toBe(0);
    await page.locator(marker).first().focus();
    await page.locator(card).waitFor({ state: 'visible' });
    expect(await page.locator(`${card} [data-card-title]`).getAttribute('href')).toMatch(/^https?:\/\//);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('passes axe with the card open (%s)', async (colorScheme) => {
    const { page, context } = await site.open('/companies/spotify/', { colorScheme });
    await page.locator(marker).first().focus();
    await page.locator(card).waitFor({ state: 'visible' });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('role areas and the search filter', () => {
  it.each(Object.entries(roleAreas))('/areas/%s/ lists the companies the search filter finds', async (id, label) => {
    const listed = readPage(`/areas/${id}/`).querySelectorAll('.entry-list a').map((a) => a.getAttribute('href')!);
    const { page, context } = await site.open(`/search/?${new URLSearchParams({ area: label, kind: 'Company' }).toString()}`);
    expect((await searchResults(page)).sort()).toEqual([...listed].sort());
    await context.close();
  });
});
