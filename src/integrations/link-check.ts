/**
 * After the build, checks every internal link and #fragment in the output (src/lib/link-check.ts)
 * and fails the build with a list of page → broken link, naming the content file and line for links
 * written in an entry's body. Runs before the search index is built, so a broken site fails fast.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrokenLinks, scanHtml, type BrokenLink, type ScannedPage } from '../lib/link-check';

export class BrokenLinksError extends Error {
  override name = 'BrokenLinksError';
}

function walk(dir: string, root: string, pages: Map<string, ScannedPage>, files: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const sitePath = `/${path.relative(root, full).split(path.sep).join('/')}`;
    if (entry.isDirectory()) walk(full, root, pages, files);
    else if (entry.name.endsWith('.html')) {
      const scanned = scanHtml(readFileSync(full, 'utf8'));
      pages.set(sitePath.endsWith('/index.html') ? sitePath.slice(0, -'index.html'.length) : sitePath, scanned);
    } else files.add(sitePath);
  }
}

/** Where in the content a link on an entry page was written, if it was. */
function sourceOf(broken: BrokenLink, contentRoot: string): string | undefined {
  const match = /^\/(companies|libraries|tricks|posts)\/([a-z0-9-]+)\/$/.exec(broken.page);
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
  return {
    name: 'python-at-scale:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const pages = new Map<string, ScannedPage>();
        const files = new Set<string>();
        walk(root, root, pages, files);
        const broken = findBrokenLinks(pages, files, base);
        if (broken.length > 0) throw new BrokenLinksError(formatBrokenLinks(broken, options.contentRoot));
        const count = [...pages.values()].reduce((sum, page) => sum + page.links.length, 0);
        logger.info(`Checked ${count} links on ${pages.size} pages in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
