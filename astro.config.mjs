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
import { companyAliasRedirects } from './src/node/content-files.ts';
import pagefind from './src/integrations/pagefind.ts';
import linkCheck from './src/integrations/link-check.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import rehypeUnindexedFootnotes from './src/markdown/rehype-unindexed-footnotes.ts';
import rehypeBaseLinks from './src/markdown/rehype-base-links.ts';
import rehypeClaimFootnotes from './src/markdown/rehype-claim-footnotes.ts';
import atomicOutput from './src/integrations/atomic-output.ts';
import { config } from './src/config.ts';

// The site can be served under a sub-path (PAS_BASE=/kb/ npm run build); every link carries it.
const { base, contentRoot } = config;

export default defineConfig({
  site: 'https://python-at-scale.example.org',
  base,
  trailingSlash: 'always',
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  // Company aliases (`aliases:` in a profile) become permanent redirects to the profile.
  redirects: companyAliasRedirects(contentRoot, base),
  markdown: {
    // Shiki writes colours as inline style attributes, which the strict CSP below blocks, and no
    // entry has a code block: a fenced block renders as plain <pre><code>, styled by the site.
    syntaxHighlight: false,
    processor: unified({
      // Order matters: GFM parses the footnotes that remarkCiteSources fills in from `sources`.
      remarkPlugins: [remarkGfm, remarkCiteSources],
      // Heading ids first, so that the "copy link" controls can point at them.
      // Root-relative links in bodies get the base path; links to other sites open safely.
      rehypePlugins: [
        // First: a claim's footnote ids get its id as prefix, and its "Citations" heading leaves the outline.
        rehypeClaimFootnotes,
        rehypeHeadingIds,
        [rehypeAutolinkHeadings, headingLinkOptions],
        [rehypeBaseLinks, { base }],
        rehypeUnindexedFootnotes,
        [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }],
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
    // `optimize` compiles the static parts of each MDX body to HTML strings instead of one JSX call
    // per element: same pages (attribute spelling aside), and at 1,000 companies the Vite step
    // took 26 s instead of 32 s and peaked 0.6 GB lower (see bench/README.md).
    mdx({ optimize: true }),
    sitemap({
      // Embeddable cards are for iframes, not for search engines.
      filter: (page) => !page.includes('/embed/'),
    }),
    linkCheck({ contentRoot }),
    securityHeaders(),
    pagefind(),
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
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    build: {
      // Keep client scripts as files rather than inlining them: same-origin files pass a strict CSP
      // without hashes, cache across pages, and inlining left Vite's __VITE_PRELOAD__ placeholder
      // unreplaced in the search page's dynamic import of Pagefind.
      assetsInlineLimit: 0,
    },
  },
});
