/**
 * The build's settings, read from the environment once. Tests and the benchmark build other content
 * into other folders; a plain `astro build` uses the defaults. Paths resolve against the working
 * directory, where Astro, the scripts and the tests all run.
 */
import path from 'node:path';

const env = process.env;

export const config = {
  /** Where the content collections live (PAS_CONTENT_DIR). */
  contentRoot: path.resolve(env['PAS_CONTENT_DIR'] ?? 'content'),
  /** Where the built site goes (PAS_OUT_DIR). */
  outDir: path.resolve(env['PAS_OUT_DIR'] ?? 'dist'),
  /** Astro's cache; build steps with caches of their own (the social images) keep them inside it (PAS_CACHE_DIR). */
  cacheDir: path.resolve(env['PAS_CACHE_DIR'] ?? 'node_modules/.astro'),
  /** The sub-path the site is served under (PAS_BASE), with a slash at each end. */
  base: env['PAS_BASE'] ?? '/',
  /** The Chromium the browser tests, the bench and Lighthouse drive (PAS_CHROMIUM). */
  chromium: env['PAS_CHROMIUM'] ?? '/usr/bin/chromium',
};
