// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeExternalLinks from 'rehype-external-links';
import remarkCiteSources from './src/markdown/remark-cite-sources.ts';
import { headingLinkOptions } from './src/markdown/heading-links.ts';
import { aliasRedirects, lastModifiedDays } from './src/node/content-files.ts';
import { normaliseBase } from './src/lib/urls.ts';
import pagefind from './src/integrations/pagefind.ts';
import linkCheck, { ledgerCheck } from './src/integrations/link-check.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import rehypeUnindexedFootnotes from './src/markdown/rehype-unindexed-footnotes.ts';
import rehypeBaseLinks from './src/markdown/rehype-base-links.ts';
import rehypeSourceListCitations from './src/markdown/rehype-source-list-citations.ts';
import rehypeTableScroll from './src/markdown/rehype-table-scroll.ts';
import rehypeAnchorAliases from './src/markdown/rehype-anchor-aliases.ts';
import rehypeClaimFootnotes from './src/markdown/rehype-claim-footnotes.ts';
import atomicOutput from './src/integrations/atomic-output.ts';
import contentCheck from './src/integrations/content-check.ts';
import ogImages from './src/integrations/og-images.ts';
import path from 'node:path';
import { config } from './src/config.ts';
import { createHash } from 'node:crypto';
import { themeInitScript } from './src/client/theme-init.ts';
import { plainDynamicImports } from './src/node/lazy-import.ts';

// The site can be served under a sub-path (PAS_BASE=/kb/ npm run build); every link carries it.
const { base, contentRoot } = config;
const lastModified = lastModifiedDays(contentRoot);
const socialCards = ogImages({ dir: path.join(config.cacheDir, 'og-images') });

export default defineConfig({
  site: 'https://python-at-scale.example.org',
  base,
  trailingSlash: 'always',
  outDir: config.outDir,
  // Astro's log without its line per generated file, so the steps and any error fit on a screen.
  logger: { entrypoint: './src/node/build-log.ts' },
  cacheDir: config.cacheDir,
  // Aliases (`aliases:` in an entry: old ids, a company's other names) become permanent redirects.
  redirects: aliasRedirects(contentRoot, base),
  markdown: {
    // Shiki writes colours as inline style attributes, which the strict CSP below blocks, and no
    // entry has a code block: a fenced block renders as plain <pre><code>, styled by the site.
    syntaxHighlight: false,
    processor: unified({
      // Order matters: GFM parses the footnotes that remarkCiteSources fills in from `sources`.
      remarkPlugins: [remarkGfm, remarkCiteSources],
      // Heading ids first, so that the "copy link" controls can point at them.
      // Root-relative links in bodies get the base path; links to other sites open safely; wide
      // tables scroll inside their own region rather than the page.
      rehypePlugins: [
        // First: a claim's footnote ids get its id as prefix, and its "Citations" heading leaves the outline.
        rehypeClaimFootnotes,
        rehypeHeadingIds,
        // Old anchors of renamed headings (`anchorAliases` in the frontmatter) keep landing on them.
        rehypeAnchorAliases,
        [rehypeAutolinkHeadings, headingLinkOptions],
        [rehypeBaseLinks, { base }],
        rehypeUnindexedFootnotes,
        // Library and trick pages list their sources once, under "Sources"; markers point there.
        [rehypeSourceListCitations, { collections: ['libraries', 'tricks'] }],
        [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
        rehypeTableScroll,
      ],
      remarkRehype: {
        footnoteLabel: 'Citations',
        footnoteLabelProperties: { className: ['footnotes__title'] },
        footnoteBackLabel: (/** @type {number} */ referenceIndex, /** @type {number} */ rereferenceIndex) =>
          `Back to citation ${referenceIndex + 1}${rereferenceIndex > 1 ? `, use ${rereferenceIndex}` : ''}`,
      },
    }),
  },
  integrations: [
    // First: every content problem at once, with file and line, before Astro's content layer runs.
    // It hands the checked entries to the social cards, which draw in worker threads meanwhile.
    contentCheck({ contentRoot, idsFile: config.idsFile, onChecked: socialCards.draw }),
    // `optimize` compiles the static parts of each MDX body to HTML strings: the same pages, built
    // faster and in less memory (docs/decisions/0005-mdx-optimize.md).
    mdx({ optimize: true }),
    sitemap({
      // Embeddable cards are for iframes, not for search engines.
      filter: (page) => !page.includes('/embed/'),
      // `lastmod` from the content's own dates (reviewed, updated, published), never the build's clock.
      serialize(item) {
        const day = lastModified.get(new URL(item.url).pathname.slice(normaliseBase(base).length));
        return day ? { ...item, lastmod: day } : item;
      },
    }),
    // Before the link check: it writes the og/ images the pages point at.
    socialCards.integration,
    linkCheck({ contentRoot }),
    securityHeaders(),
    pagefind(),
    // Every URL and anchor ever published (ledger/published.json) still resolves in the finished site.
    ledgerCheck({ ledgerFile: config.ledgerFile }),
    // Last: the new site replaces the old only once every step above has passed.
    atomicOutput(),
  ],
  // A strict Content-Security-Policy as a <meta> on every page, with hashes for what Astro inlines.
  // Pagefind needs its worker ('self') and WebAssembly ('wasm-unsafe-eval'); nothing else is allowed
  // to load from anywhere but the site itself.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // The theme is set by an inline script before the first paint; Astro hashes only the
        // scripts it writes itself, so this one's hash is added here.
        hashes: [`sha256-${createHash('sha256').update(themeInitScript).digest('base64')}`],
      },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Each page's CSS in its own <style>: no render-blocking requests before the first paint, and one gzip
  // stream; the security-headers step leaves each page only its own style hash (decision 0007).
  build: { inlineStylesheets: 'always' },
  vite: {
    plugins: [plainDynamicImports()],
    build: {
      // Keep client scripts as files rather than inlining them: same-origin files pass a strict CSP
      // without hashes, cache across pages, and inlining left Vite's __VITE_PRELOAD__ placeholder
      // unreplaced in the search page's dynamic import of Pagefind.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro marks every MDX module "use astro:head-inject" for its own bundling step; Rolldown
        // warns once per file that it may drop the directive, which is harmless and was most of the log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
