/**
 * The build's settings, read from the environment once. Tests and the benchmark build other content
 * into other folders; a plain `astro build` uses the defaults. Paths resolve against the working
 * directory, where Astro, the scripts and the tests all run.
 */
import path from 'node:path';

const env = process.env;
const contentRoot = path.resolve(env['PAS_CONTENT_DIR'] ?? 'content');
/** The project's own content (not a fixture or a bench corpus): its ledger and its docs/ids.md apply. */
const ownContent = contentRoot === path.resolve('content');

export const config = {
  /** Where the content collections live (PAS_CONTENT_DIR). */
  contentRoot,
  /** Where the built site goes (PAS_OUT_DIR). */
  outDir: path.resolve(env['PAS_OUT_DIR'] ?? 'dist'),
  /** Astro's cache; build steps with caches of their own (the social images) keep them inside it (PAS_CACHE_DIR). */
  cacheDir: path.resolve(env['PAS_CACHE_DIR'] ?? 'node_modules/.astro'),
  /** The sub-path the site is served under (PAS_BASE), with a slash at each end. */
  base: env['PAS_BASE'] ?? '/',
  /**
   * The published-link ledger the build holds the site to (PAS_LEDGER): ledger/published.json for
   * the project's content/, none for other content (fixtures, the bench) unless PAS_LEDGER names one.
   */
  ledgerFile: env['PAS_LEDGER'] ? path.resolve(env['PAS_LEDGER']) : ownContent ? path.resolve('ledger', 'published.json') : undefined,
  /** The generated list of entry ids, written by the content check for the project's content/ only. */
  idsFile: ownContent ? path.resolve('docs', 'ids.md') : undefined,
  /** The Chromium the browser tests, the bench and Lighthouse drive (PAS_CHROMIUM). */
  chromium: env['PAS_CHROMIUM'] ?? '/usr/bin/chromium',
};
