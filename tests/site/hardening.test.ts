/**
 * Nothing broken ships: every kind of page under a strict CSP with no violation, no request leaving
 * the site, zero axe violations light and dark, safe external links, a site that works under a
 * sub-path, and builds that are byte-identical.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe.ts';
import { root } from '../helpers/build.ts';
import { fixtureSites } from '../helpers/build-sites.ts';
import { dist, htmlPages, readPage, readPageSource } from '../helpers/dist.ts';
import { searchResults, useSiteBrowser } from '../helpers/site-browser.ts';

/** One page of every kind, and what to do on it so that its scripts run. */
const kinds: { name: string; path: string; use?: (page: Page) => Promise<void> }[] = [
  { name: 'home', path: '/' },
  { name: 'companies index', path: '/companies/' },
  { name: 'company', path: '/companies/instagram/' },
  { name: 'libraries index', path: '/libraries/' },
  { name: 'library', path: '/libraries/django/?highlight=django' },
  { name: 'tricks index', path: '/tricks/' },
  { name: 'trick', path: '/tricks/gc-freeze/' },
  { name: 'articles index', path: '/posts/' },
  { name: 'article', path: '/posts/popular-claims-checked/' },
  { name: 'compare', path: '/compare/' },
  { name: 'role area', path: '/areas/web-backend/' },
  {
    name: 'search',
    path: '/search/?q=monolith&kind=Company',
    use: async (page) => {
      await searchResults(page);
    },
  },
  {
    name: 'header search',
    path: '/tricks/',
    use: async (page) => {
      await page.locator('header input[name="q"]').fill('fork');
      await page.locator('header [role="option"]').first().waitFor();
    },
  },
  { name: 'not found', path: '/404.html' },
  { name: 'embed', path: '/embed/companies/netflix/' },
];

const site = useSiteBrowser();

function openWatched(path: string, colorScheme: 'light' | 'dark' = 'light') {
  return site.open(path, { colorScheme });
}

describe('every kind of page', () => {
  it.each(kinds)('$name: no CSP violation, no request off the site, no console error', async ({ path, use }) => {
    const { page, context, problems, requests } = await site.open('/404.html');
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    requests.length = 0;
    await page.goto(site.url(path));
    await page.waitForLoadState('networkidle');
    await use?.(page);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
    expect(violations).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(site.origin()) && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(kinds.flatMap((kind) => (['light', 'dark'] as const).map((scheme) => ({ ...kind, scheme }))))(
    '$name ($scheme): zero axe violations',
    async ({ path, use, scheme }) => {
      const { page, context } = await openWatched(path, scheme);
      await page.waitForLoadState('networkidle');
      await use?.(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it('has a skip link, landmarks and a visible focus style', async () => {
    const { page, context } = await site.open('/companies/spotify/');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    for (const landmark of ['header', 'nav', 'main', 'footer', 'form[role="search"]']) {
      expect(await page.locator(landmark).count(), landmark).toBeGreaterThan(0);
    }
    await context.close();
  });
});

describe('links to other sites', () => {
  it('carry rel="noopener noreferrer" on every page', () => {
    const missing: string[] = [];
    for (const p of htmlPages()) {
      for (const a of readPage(p).querySelectorAll('a[href^="http"]')) {
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) missing.push(`${p} → ${a.getAttribute('href')}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('what every page sends', () => {
  it('carries no HTML comment: notes in a template stay in the source, not in every reader\'s download', () => {
    const commented = htmlPages().filter((p) => readPageSource(p).includes('<!--'));
    expect(commented).toEqual([]);
  });
});

describe('the Content-Security-Policy', () => {
  const policyOf = (p: string) => readPage(p).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
  const hashesIn = (policy: string) => [...policy.matchAll(/'(sha256-[^']+)'/g)].map((m) => m[1]!).sort();
  const withoutHashes = (policy: string) => policy.replace(/ ?'sha256-[^']+'/g, '');

  it('_headers carries the pages\' policy with every hash of the build', () => {
    const headers = readFileSync(path.join(dist, '_headers'), 'utf8');
    const header = /Content-Security-Policy: (.+)/.exec(headers)![1]!;
    const meta = policyOf('/');
    expect(withoutHashes(header)).toBe(withoutHashes(meta));
    expect(meta).not.toContain('unsafe-inline');
    expect(meta).toContain("'wasm-unsafe-eval'");
    expect(meta).toContain("worker-src 'self'");
    // Browsers enforce both policies: the header must allow everything any page's own <meta> allows.
    const all = new Set(hashesIn(header));
    for (const p of htmlPages()) expect(hashesIn(policyOf(p)).filter((h) => !all.has(h)), p).toEqual([]);
  });

  it("lists on each page exactly the hashes of that page's own inline scripts and styles", () => {
    const wrong: string[] = [];
    for (const p of htmlPages()) {
      const page = readPage(p);
      if (!page.querySelector('meta[http-equiv="content-security-policy"]')) continue;
      const inline = page
        .querySelectorAll('style, script:not([src])')
        .filter((el) => el.tagName === 'STYLE' || ['', 'module'].includes(el.getAttribute('type') ?? ''))
        .map((el) => `sha256-${createHash('sha256').update(el.textContent).digest('base64')}`);
      const listed = hashesIn(policyOf(p));
      if (JSON.stringify([...new Set(inline)].sort()) !== JSON.stringify(listed)) wrong.push(`${p}: lists ${listed.length}, has ${inline.length}`);
    }
    expect(wrong).toEqual([]);
  });

  it('inlines each page\'s CSS: no stylesheet request before the first paint', () => {
    for (const p of ['/', '/companies/instagram/', '/libraries/django/', '/search/']) {
      expect(readPage(p).querySelectorAll('link[rel="stylesheet"]'), p).toHaveLength(0);
      expect(readPage(p).querySelectorAll('style').length, p).toBeGreaterThan(0);
    }
  });
});

describe('deterministic builds', () => {
  function digests(dir: string): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else out.set(path.relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
      }
    };
    walk(dir);
    return out;
  }

  it('two builds of the same commit are byte-identical', () => {
    const first = digests(dist);
    const second = digests(path.join(root, fixtureSites.again.outDir));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});

describe('served under a sub-path (/kb/)', () => {
  const based = useSiteBrowser(path.join(root, fixtureSites.base.outDir), '/kb/');
  const baseDir = path.join(root, fixtureSites.base.outDir);

  it('every local link, asset, feed link and preview image carries the base path', () => {
    for (const p of htmlPages(baseDir)) {
      const page = readPage(p, baseDir);
      for (const el of page.querySelectorAll('a[href^="/"], link[href^="/"], script[src^="/"], form[action^="/"]')) {
        const url = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
        expect(url, `${p}: ${url}`).toMatch(/^\/kb\//);
      }
      const image = page.querySelector('meta[property="og:image"]')?.getAttribute('content');
      if (image) expect(image).toMatch(/^https:\/\/python-at-scale\.example\.org\/kb\/og\//);
    }
    const feed = readFileSync(path.join(baseDir, 'rss.xml'), 'utf8');
    expect([...feed.matchAll(/<link>([^<]+)<\/link>/g)].every((m) => m[1]!.startsWith('https://python-at-scale.example.org/kb/'))).toBe(true);
  });

  it('search, filters and result links work, and aliases redirect', async () => {
    const { page, context, problems } = await based.open('/kb/search/?q=django');
    const results = await searchResults(page);
    expect(results).toContain('/kb/libraries/django/');
    expect(results).toContain('/kb/companies/instagram/');
    await page.locator('header input[name="q"]').fill('rust');
    await page.locator('header [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/kb\/(companies|tricks)\//);
    expect(problems).toEqual([]);
    // Astro's redirect pages carry no icon link, so a browser asks for /favicon.ico at the host's
    // root, outside the site; that 404 belongs to the host, not to the site.
    await page.goto(based.url('/kb/companies/youtube/'));
    await page.waitForURL(/\/kb\/companies\/google\/$/);
    await context.close();
  });
});
