/**
 * Writes `_headers` (the format Netlify and Cloudflare Pages read) with the same Content-Security-
 * Policy the pages carry as a <meta>, and the usual hardening headers. frame-ancestors, which a
 * <meta> cannot carry, is set to 'self' on every section except /embed/, whose cards exist to be
 * framed by other sites (a rule per section, because hosts add up the headers of matching rules).
 * Then each page's <meta> keeps only the hashes of its own inline scripts and styles (src/node/csp.ts).
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtFiles } from '../node/built-site.ts';
import { narrowPageCsp, readPageCsp, sitePolicy } from '../node/csp.ts';

/** The policy a built page's CSP <meta> carries, entities decoded. */
export function cspFromHtml(html: string): string | undefined {
  return readPageCsp(html).tag?.content;
}

const framedNowhere = ['', 'companies/*', 'libraries/*', 'tricks/*', 'posts/*', 'search/*', 'compare/*', 'areas/*'];

export function headersFile(csp: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return [
    `${prefix}*`,
    `  Content-Security-Policy: ${csp}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
    ...framedNowhere.flatMap((section) => [`${prefix}${section}`, '  X-Frame-Options: SAMEORIGIN', '']),
  ].join('\n');
}

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'python-at-scale:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const csp = cspFromHtml(readFileSync(path.join(root, 'index.html'), 'utf8'));
        if (!csp) throw new Error('The home page has no Content-Security-Policy <meta>; check `security.csp` in astro.config.mjs.');
        // Each page's <meta> keeps only its own hashes; the header, which browsers enforce with it,
        // allows every page's.
        const scripts: string[] = [];
        const styles: string[] = [];
        let narrowed = 0;
        for (const file of builtFiles(root).filter((f) => f.html)) {
          const full = path.join(root, file.relative);
          const html = readFileSync(full, 'utf8');
          const own = readPageCsp(html);
          scripts.push(...own.scripts);
          styles.push(...own.styles);
          const narrow = narrowPageCsp(html, file.relative, own);
          if (narrow !== undefined && narrow !== html) {
            writeFileSync(full, narrow);
            narrowed++;
          }
        }
        writeFileSync(path.join(root, '_headers'), headersFile(sitePolicy(csp, scripts, styles), base));
        logger.info(`Wrote _headers with the Content-Security-Policy; ${narrowed} pages' <meta> narrowed to their own inline hashes.`);
      },
    },
  };
}
