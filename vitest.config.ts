import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          // Builds the real site (and a GFM fixture site) once, before any site test runs.
          globalSetup: ['tests/helpers/build-sites.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The browser tests share one Chromium; running files one at a time keeps a 2-core machine calm.
          fileParallelism: false,
        },
      },
    ],
  },
});
