/**
 * The ledger of published URLs and anchors (ledger/published.json). Once a URL or a section anchor
 * has been published it must keep working, directly or through a redirect: a test checks every
 * entry against the built site, and `npm run ledger:update` adds what a deliberate change publishes.
 */
import { pageCollections } from '../lib/collections.ts';
import { Parser } from 'htmlparser2';

export interface Ledger {
  about: string;
  /** Site path → the anchors on it that readers may link to. */
  urls: Record<string, string[]>;
}

/** Anchors worth a permanent promise: section headings, and the rows a profile's tables link to. */
export function publishedAnchors(html: string): string[] {
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, { id }) {
        if (!id || id === 'footnote-label') return;
        if (name === 'h2' || name === 'h3' || ((name === 'tr' || name === 'li') && /^(?:library|trick|source)-/.test(id))) ids.add(id);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return [...ids].sort();
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

/** A URL or anchor of the ledger that the built site no longer resolves, with how to keep it. */
export interface LostLink {
  /** The ledger's URL, with `#anchor` when only the anchor is lost. */
  url: string;
  /** Why it is lost and how to keep it. */
  fix: string;
}

/** "/companies/acme/" → { collection: 'companies', id: 'acme' } for an entry page, else undefined. */
function entryOf(sitePath: string): { collection: string; id: string } | undefined {
  const match = new RegExp(`^/(${pageCollections.join('|')})/([^/]+)/$`).exec(sitePath);
  return match ? { collection: match[1]!, id: match[2]! } : undefined;
}

const noun = (entry: { collection: string }) => (entry.collection === 'companies' ? 'profile' : 'entry');

/**
 * Every ledger URL and anchor the built site lost. A URL resolves when a page or file is published
 * there or a redirect page leads to one; an anchor when the page it lands on has that element id.
 *
 * @param pages site path → scanned page (as the link check reads them)
 * @param files every other published file, as site paths
 * @param base the site's base path: redirect targets carry it, site paths do not
 */
export function lostFromLedger(
  ledger: Ledger,
  pages: ReadonlyMap<string, { ids: ReadonlySet<string>; redirectTo?: string }>,
  files: ReadonlySet<string>,
  base = '/',
): LostLink[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const lost: LostLink[] = [];
  for (const [url, anchors] of Object.entries(ledger.urls)) {
    let current = url;
    let page = pages.get(current);
    for (let hops = 0; page?.redirectTo && hops < 3; hops += 1) {
      const next = new URL(page.redirectTo, `https://site.invalid${prefix.slice(0, -1)}${current}`).pathname;
      current = next.startsWith(prefix) ? `/${next.slice(prefix.length)}` : next;
      page = pages.get(current);
    }
    if (!page) {
      if (files.has(current)) continue;
      const entry = entryOf(url);
      lost.push({
        url,
        fix: entry
          ? `no page is published there any more. Fix: if the ${noun(entry)} was renamed, add "${entry.id}" to \`aliases\` in the ${noun(entry)} it became ` +
            `(content/${entry.collection}/<new id>.mdx); otherwise restore content/${entry.collection}/${entry.id}.mdx.`
          : 'no page or file is published there any more. Fix: publish it again, or redirect it in astro.config.mjs.',
      });
      continue;
    }
    for (const anchor of anchors) {
      if (page.ids.has(anchor)) continue;
      const entry = entryOf(current);
      lost.push({
        url: `${url}#${anchor}`,
        fix: entry
          ? `${current} has no element with id "${anchor}" any more. Fix: if the heading was renamed, add \`anchorAliases: { ${anchor}: <the new heading's anchor> }\` to content/${entry.collection}/${entry.id}.mdx; otherwise restore the heading.`
          : `${current} has no element with id "${anchor}" any more. Fix: restore the section with that id in the page's template.`,
      });
    }
  }
  return lost;
}

/** The build's error for lost links: each URL or anchor, and how to keep it. */
export function formatLostLinks(lost: readonly LostLink[], ledgerFile: string): string {
  return [
    `${lost.length} published URL${lost.length === 1 ? '' : 's'} or anchor${lost.length === 1 ? '' : 's'} from ${ledgerFile} no longer resolve${lost.length === 1 ? 's' : ''}:`,
    ...lost.map(({ url, fix }) => `  ${url}: ${fix}`),
    'Links other sites made to these would break. A URL in the ledger is a promise: keep it (docs/authoring.md, "Renaming").',
  ].join('\n');
}
