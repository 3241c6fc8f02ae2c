/**
 * After the build, checks every internal link and #fragment in the output (src/node/link-check.ts)
 * and fails the build with a list of page → broken link, naming the content file and line for links
 * written in an entry's body. Runs before the search index is built, so a broken site fails fast.
 * `ledgerCheck` (below) runs later, once every file of the site (such as `_headers`) is written.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles, type BuiltFile } from '../node/built-site.ts';
import { findBrokenLinks, isMarkdownFile, scanHtml, scanMarkdown, withoutMarkdownTwins, type BrokenLink, type ScannedPage } from '../node/link-check.ts';
import { formatLostLinks, lostFromLedger, type Ledger } from '../node/ledger.ts';

export class BrokenLinksError extends Error {
  override name = 'BrokenLinksError';
}

export class LostLinksError extends Error {
  override name = 'LostLinksError';
}

/** Where in the content a link on an entry page was written, if it was. */
function sourceOf(broken: BrokenLink, contentRoot: string): string | undefined {
  // An entry page, or its Markdown version, whose links come from the same body.
  const match = /^\/(companies|libraries|tricks|posts)\/([a-z0-9-]+)(?:\/|\.md)$/.exec(broken.page);
  if (!match) return undefined;
  const file = path.join(contentRoot, match[1]!, `${match[2]}.mdx`);
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((text) => text.includes(`](${broken.href}`));
  const relative = path.relative(process.cwd(), file);
  return line >= 0 ? `${relative}:${line + 1}` : undefined;
}

export function formatBrokenLinks(broken: readonly BrokenLink[], contentRoot: string): string {
  const lines = [`${broken.length} broken link${broken.length === 1 ? '' : 's'} in the built site (page → link: why):`];
  for (const b of broken) {
    const source = sourceOf(b, contentRoot);
    lines.push(`  ${b.page} → ${b.href}: ${b.reason}${source ? `\n    written at ${source}` : ''}`);
  }
  lines.push('Fix: point each link at a page and section that exist (see docs/authoring.md for the anchors every page has).');
  return lines.join('\n');
}

export default function linkCheck(options: { contentRoot: string }): AstroIntegration {
  let base = '/';
  let site = 'https://site.invalid';
  return {
    name: 'python-at-scale:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        if (config.site) site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { pages, files } = scanSite(fileURLToPath(dir), site);
        const broken = withoutMarkdownTwins(findBrokenLinks(pages, files, base));
        if (broken.length > 0) throw new BrokenLinksError(formatBrokenLinks(broken, options.contentRoot));
        const count = [...pages.values()].reduce((sum, page) => sum + page.links.length, 0);
        logger.info(`Checked ${count} links on ${pages.size} pages in ${Math.round(performance.now() - started)} ms.`);

      },
    },
  };
}

/**
 * Every page of a built site, scanned, and every other file, as site paths. Markdown files count as
 * pages (without ids) when `site` is given, so that their absolute links to the site are checked;
 * they are read after the HTML, whose links they mostly repeat (see scanMarkdown).
 */
function scanSite(root: string, site?: string): { pages: Map<string, ScannedPage>; files: Set<string> } {
  const pages = new Map<string, ScannedPage>();
  const files = new Set<string>();
  const markdown: BuiltFile[] = [];
  const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');
  for (const file of builtFiles(root)) {
    if (file.html) pages.set(file.sitePath, scanHtml(read(file.relative)));
    else if (site && isMarkdownFile(file.sitePath)) markdown.push(file);
    else files.add(file.sitePath);
  }
  if (site) {
    const known = new Set([...pages.values()].flatMap((page) => page.links.filter((link) => link.startsWith('/'))));
    for (const file of markdown) pages.set(file.sitePath, scanMarkdown(read(file.relative), site, known));
  }
  return { pages, files };
}

/**
 * At build:done, after every step that writes files and before the new site replaces the old one
 * (list it just before atomicOutput): every URL and anchor in the published-link ledger must still
 * resolve (src/node/ledger.ts), so a renamed file or heading fails `npm run build` itself, saying
 * which alias keeps the link alive, not only `npm test`.
 */
export function ledgerCheck(options: { ledgerFile?: string | undefined }): AstroIntegration {
  let base = '/';
  return {
    name: 'python-at-scale:ledger-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!options.ledgerFile) return;
        const ledger = JSON.parse(readFileSync(options.ledgerFile, 'utf8')) as Ledger;
        const relative = path.relative(process.cwd(), options.ledgerFile);
        const { pages, files } = scanSite(fileURLToPath(dir));
        const lost = lostFromLedger(ledger, pages, files, base);
        if (lost.length > 0) {
          const error = new LostLinksError(formatLostLinks(lost, relative));
          // The stack would point here, not at the content: the message names each URL and its fix.
          error.stack = '';
          throw error;
        }
        logger.info(`All ${Object.keys(ledger.urls).length} URLs in ${relative} still resolve, with their anchors.`);
      },
    },
  };
}
