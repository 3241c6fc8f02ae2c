/** Every URL and anchor in ledger/published.json still resolves in the built site. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/build.ts';
import { dist } from '../helpers/dist.ts';
import { scanHtml, type ScannedPage } from '../../src/node/link-check.ts';
import type { Ledger } from '../../src/node/ledger.ts';

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
