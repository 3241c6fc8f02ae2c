/**
 * Checks every internal link of a built site: each `href`, `src` and form `action` must name a page
 * or file that exists, and each `#fragment` an element id on the page it lands on (after following
 * a redirect page). The Markdown files (llms.txt, each entry's .md) are checked too: their links to
 * the site are absolute. Pure: the integration reads the files and calls this.
 */
import { Parser } from 'htmlparser2';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';

export interface ScannedPage {
  /** Element ids on the page. */
  ids: Set<string>;
  /** Every local URL the page refers to, as written. */
  links: string[];
  /** Where a meta-refresh redirect page sends the reader. */
  redirectTo?: string;
}

export interface BrokenLink {
  /** The page with the link, as a site path. */
  page: string;
  /** The link as written. */
  href: string;
  /** What is wrong. */
  reason: string;
}

/** A page's ids and links, read with a streaming parser: the check runs over every page and needs no DOM (decision 0007). */
export function scanHtml(html: string): ScannedPage {
  const ids = new Set<string>();
  const links: string[] = [];
  let refresh: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes['id'] !== undefined) ids.add(attributes['id']);
        const link = attributes['href'] ?? attributes['src'] ?? (name === 'form' ? attributes['action'] : undefined);
        if (link !== undefined && isLocal(link)) links.push(link);
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') refresh = attributes['content'];
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const redirect = refresh && /^\d+;\s*url=(.+)$/i.exec(refresh)?.[1];
  return { ids, links, ...(redirect ? { redirectTo: redirect } : {}) };
}

/** Whether a built file is Markdown whose links the check follows: /llms.txt and every `.md`. */
export function isMarkdownFile(sitePath: string): boolean {
  return sitePath.endsWith('.md') || sitePath === '/llms.txt';
}

/**
 * The links a Markdown file makes to the site (absolute URLs on `site`), as the root-relative URLs
 * `findBrokenLinks` checks; links elsewhere are not this check's business. Parsed with the same
 * Markdown parser that wrote them, so a link is what a Markdown reader sees, not what a regex finds.
 *
 * The pages write every link to the site absolute and on one line, so only lines naming the site
 * are parsed, and of those only lines with a URL not in `known` (the links of the HTML pages, which
 * are checked there): an entry's Markdown mostly repeats its page's links (decision 0007).
 */
export function scanMarkdown(markdown: string, site: string | URL, known: ReadonlySet<string> = new Set()): ScannedPage {
  const origin = new URL(site).origin;
  const lines = markdown
    .split('\n')
    .filter((line) => line.includes(origin) && !urlsOnLine(line, origin).every((url) => known.has(url)))
    .map((line) => line.trimStart());
  const tree = fromMarkdown(lines.join('\n\n'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const links: string[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    if (node.url !== origin && !node.url.startsWith(`${origin}/`)) return;
    links.push(rootRelative(node.url));
  });
  return { ids: new Set(), links };
}

const rootRelative = (absolute: string): string => {
  const url = new URL(absolute);
  return `${url.pathname}${url.search}${url.hash}`;
};

/** Every run of text on a line that starts with the site's origin, up to a character a Markdown link ends at. */
function urlsOnLine(line: string, origin: string): string[] {
  const found: string[] = [];
  for (let at = line.indexOf(origin); at >= 0; at = line.indexOf(origin, at + 1)) {
    const rest = line.slice(at);
    const end = rest.search(/[\s)>\]"'|]/);
    try {
      found.push(rootRelative(end < 0 ? rest : rest.slice(0, end)));
    } catch {
      found.push(''); // not a URL: never known, so the line is parsed
    }
  }
  return found;
}

function isLocal(href: string): boolean {
  return href !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href);
}

/**
 * @param pages site path ("/companies/x/" or "/404.html") → scanned page
 * @param files every other file in the site, as site paths ("/_astro/x.css")
 * @param base the site's base path ("/" or "/kb/"); links carry it, site paths do not
 */
export function findBrokenLinks(pages: ReadonlyMap<string, ScannedPage>, files: ReadonlySet<string>, base = '/'): BrokenLink[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const broken: BrokenLink[] = [];

  const pageAt = (sitePath: string): [string, ScannedPage] | undefined => {
    for (const candidate of [sitePath, sitePath.endsWith('/') ? sitePath : `${sitePath}/`]) {
      const page = pages.get(candidate);
      if (page) return [candidate, page];
    }
    return undefined;
  };

  for (const [pagePath, page] of pages) {
    const pageUrl = new URL(`${prefix.slice(0, -1)}${pagePath}`, 'https://site.invalid');
    links: for (const href of page.links) {
      const target = new URL(href, pageUrl);
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        broken.push({ page: pagePath, href, reason: 'the address is not valid' });
        continue;
      }
      if (!pathname.startsWith(prefix)) {
        broken.push({ page: pagePath, href, reason: `it is outside the site's base path ${prefix}` });
        continue;
      }
      const sitePath = `/${pathname.slice(prefix.length)}`;
      let found = pageAt(sitePath);
      if (!found) {
        if (files.has(sitePath)) continue;
        broken.push({ page: pagePath, href, reason: 'no page or file is published there' });
        continue;
      }
      // Follow redirect pages (aliases) to the page the reader lands on.
      for (let hops = 0; found[1].redirectTo && hops < 3; hops += 1) {
        const next = new URL(found[1].redirectTo, new URL(`${prefix.slice(0, -1)}${found[0]}`, 'https://site.invalid'));
        const nextPath = `/${decodeURIComponent(next.pathname).slice(prefix.length)}`;
        const landed = pageAt(nextPath);
        if (!landed) {
          broken.push({ page: pagePath, href, reason: `it redirects to ${next.pathname}, where nothing is published` });
          continue links;
        }
        found = landed;
      }
      const fragment = target.hash ? decodeURIComponent(target.hash.slice(1)) : '';
      if (fragment && !found[1].ids.has(fragment)) {
        broken.push({ page: pagePath, href, reason: `${found[0]} has no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}

/**
 * The broken links worth reporting: a link broken in an entry's Markdown version (`/companies/x.md`)
 * is left out when the same link is broken on its page (`/companies/x/`), since both come from one
 * line of the body and one fix mends both.
 */
export function withoutMarkdownTwins(broken: readonly BrokenLink[]): BrokenLink[] {
  const onPages = new Set(broken.map((b) => `${b.page} ${b.href}`));
  return broken.filter((b) => !(b.page.endsWith('.md') && onPages.has(`${b.page.slice(0, -'.md'.length)}/ ${b.href}`)));
}
