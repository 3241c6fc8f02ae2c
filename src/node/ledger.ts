/**
 * The ledger of published URLs and anchors (ledger/published.json). Once a URL or a section anchor
 * has been published it must keep working, directly or through a redirect: a test checks every
 * entry against the built site, and `npm run ledger:update` adds what a deliberate change publishes.
 */
import { parse } from 'node-html-parser';

export interface Ledger {
  about: string;
  /** Site path → the anchors on it that readers may link to. */
  urls: Record<string, string[]>;
}

/** Anchors worth a permanent promise: section headings, and the rows a profile's tables link to. */
export function publishedAnchors(html: string): string[] {
  const ids = parse(html)
    .querySelectorAll('h2[id], h3[id], tr[id], li[id]')
    .filter((element) => /^H[23]$/.test(element.tagName) || /^(?:library|trick|source)-/.test(element.id))
    .map((element) => element.id)
    .filter((id) => id !== 'footnote-label');
  return [...new Set(ids)].sort();
}

/** Paths a reader or another site links to; hashed build assets and the search index are not. */
export function isPublishedPath(sitePath: string): boolean {
  return !/^\/(?:_astro|pagefind)\//.test(sitePath) && !/\.(?:css|js|svg|woff2?)$/.test(sitePath) && sitePath !== '/404.html';
}

/** Adds to the ledger what the site publishes now; never removes anything. Returns what was added. */
export function mergeLedger(ledger: Ledger, published: Record<string, string[]>): { ledger: Ledger; added: string[] } {
  const urls: Record<string, string[]> = { ...ledger.urls };
  const added: string[] = [];
  for (const [url, anchors] of Object.entries(published)) {
    const known = new Set(urls[url] ?? []);
    if (!(url in urls)) added.push(url);
    for (const anchor of anchors) {
      if (!known.has(anchor)) {
        if (url in ledger.urls) added.push(`${url}#${anchor}`);
        known.add(anchor);
      }
    }
    urls[url] = [...known].sort();
  }
  const sorted = Object.fromEntries(Object.entries(urls).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { ledger: { ...ledger, urls: sorted }, added };
}
