/**
 * Every URL and anchor in ledger/published.json still resolves in the built site. The build itself
 * fails on a lost one (src/integrations/link-check.ts, with lostFromLedger); this checks the same
 * promise from outside the build, and that the build's check would catch a real loss.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/build.ts';
import { dist } from '../helpers/dist.ts';
import { scanHtml, type ScannedPage } from '../../src/node/link-check.ts';
import { lostFromLedger, type Ledger } from '../../src/node/ledger.ts';
import { builtFiles } from '../../src/node/built-site.ts';

const ledger = JSON.parse(readFileSync(path.join(root, 'ledger', 'published.json'), 'utf8')) as Ledger;

function htmlAt(sitePath: string): ScannedPage | undefined {
  const file = path.join(dist, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
  return existsSync(file) && file.endsWith('.html') ? scanHtml(readFileSync(file, 'utf8')) : undefined;
}

/** The page a reader lands on, following redirect pages. */
function resolve(sitePath: string): { path: string; page?: ScannedPage; exists: boolean } {
  let current = sitePath;
  for (let hops = 0; hops < 3; hops += 1) {
    const page = htmlAt(current);
    if (!page) return { path: current, exists: existsSync(path.join(dist, current)) };
    if (!page.redirectTo) return { path: current, page, exists: true };
    current = new URL(page.redirectTo, `https://site.invalid${current}`).pathname;
  }
  return { path: current, exists: false };
}

describe('the ledger of published URLs', () => {
  const entries = Object.entries(ledger.urls);

  it('lists the pages readers link to, with their section anchors', () => {
    expect(entries.length).toBeGreaterThan(60);
    expect(ledger.urls['/companies/instagram/']).toEqual(expect.arrayContaining(['at-a-glance', 'library-django', 'claims-and-what-the-sources-show']));
    expect(ledger.urls['/companies/youtube/']).toBeDefined();
  });

  it.each(entries)('%s still resolves, with every anchor', (url, anchors) => {
    const landed = resolve(url);
    expect(landed.exists, `${url} → ${landed.path}`).toBe(true);
    for (const anchor of anchors) expect(landed.page?.ids.has(anchor), `${url}#${anchor}`).toBe(true);
  });
});

describe('the build\'s ledger check', () => {
  const pages = new Map<string, ScannedPage>();
  const files = new Set<string>();
  for (const file of builtFiles(dist)) {
    if (file.html) pages.set(file.sitePath, scanHtml(readFileSync(path.join(dist, file.relative), 'utf8')));
    else files.add(file.sitePath);
  }

  it('finds nothing lost in the built site', () => {
    expect(lostFromLedger(ledger, pages, files)).toEqual([]);
  });

  it('would name a page and a section that the site stopped publishing, each with its fix', () => {
    const [pagePath, anchors] = Object.entries(ledger.urls).find(([url, list]) => /^\/companies\/[a-z0-9-]+\/$/.test(url) && list.length > 0 && pages.get(url)?.redirectTo === undefined)!;
    const [otherPath] = Object.entries(ledger.urls).find(([url]) => /^\/libraries\/[a-z0-9-]+\/$/.test(url))!;
    const anchor = anchors[0]!;
    const page = pages.get(pagePath)!;
    const changed = new Map(pages);
    changed.set(pagePath, { ...page, ids: new Set([...page.ids].filter((id) => id !== anchor)) });
    changed.delete(otherPath);
    const lost = lostFromLedger(ledger, changed, files);
    expect(lost.map((l) => l.url)).toEqual(expect.arrayContaining([`${pagePath}#${anchor}`, otherPath]));
    expect(lost.find((l) => l.url === `${pagePath}#${anchor}`)!.fix).toContain(`anchorAliases: { ${anchor}:`);
  });
});
