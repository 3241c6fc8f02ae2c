/**
 * Vitest global setup for the site tests: builds the real site into dist/ and the GFM fixture site
 * into .cache/, once per test run. Tests then read the built files and serve them to Chromium.
 */
import { astroBuildOrThrow } from './build.ts';

export const fixtureSites = {
  gfm: { content: 'tests/fixtures/gfm-site', outDir: '.cache/test-gfm-dist' },
  /** The real content served under a sub-path. */
  base: { outDir: '.cache/test-base-dist', base: '/kb/' },
  /** The real content built a second time, to compare byte for byte with dist/. */
  again: { outDir: '.cache/test-again-dist' },
} as const;

export default async function buildSites(): Promise<void> {
  const started = performance.now();
  await astroBuildOrThrow();
  await astroBuildOrThrow(fixtureSites.gfm);
  await astroBuildOrThrow(fixtureSites.base);
  await astroBuildOrThrow(fixtureSites.again);
  console.log(`Built the site and its fixtures in ${Math.round((performance.now() - started) / 1000)} s.`);
}
