/**
 * Links between entries: the internal links an MDX body makes, and the reverse index ("Mentioned
 * in") built from them and from frontmatter references. Bodies are plain Markdown, so a scan of
 * `](/…)` outside code fences finds every link without parsing each body again; the built HTML is
 * checked link by link after the build (src/integrations/link-check.ts), so nothing slips through.
 */

export interface BodyLink {
  /** The link as written: "/companies/dropbox/#timeline". */
  url: string;
  /** Its line in the body, from 1. */
  line: number;
}

const inlineLink = /\]\((\/[^)\s]*)(?:\s+"[^"]*")?\)/g;
const fence = /^\s*(```|~~~)/;

export function extractInternalLinks(markdown: string): BodyLink[] {
  const links: BodyLink[] = [];
  let inFence = false;
  markdown.split('\n').forEach((text, i) => {
    if (fence.test(text)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const withoutCode = text.replace(/`[^`]*`/g, '');
    for (const match of withoutCode.matchAll(inlineLink)) links.push({ url: match[1]!, line: i + 1 });
  });
  return links;
}

/** The page a link points at, without query or fragment, with a trailing slash: "/companies/dropbox/". */
export function linkedPage(url: string): string {
  const path = url.split(/[?#]/)[0]!;
  return path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
}

export interface LinkSource<T> {
  /** The page that links. */
  page: T;
  /** The pages it links to or references, as site paths. */
  targets: string[];
}

/** Target page → the pages that mention it, each once, never the page itself, in the given order. */
export function backlinkIndex<T extends { path: string }>(sources: readonly LinkSource<T>[]): Map<string, T[]> {
  const links = sources.flatMap(({ page, targets }) => [...new Set(targets)].filter((target) => target !== page.path).map((target) => ({ page, target })));
  return new Map([...Map.groupBy(links, (link) => link.target)].map(([target, list]) => [target, list.map((link) => link.page)]));
}
