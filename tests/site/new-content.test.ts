/**
 * An author adds a valid company, library and trick, written as docs/authoring.md says, to a copy of
 * content/: the content check finds nothing, the real build (catalog, link check, ledger check) passes,
 * and the new pages link each other both ways. Nothing in the tests names the new entries.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, root, type BuildResult } from '../helpers/build.ts';
import { linksOf, readPage } from '../helpers/dist.ts';
import { checkContent } from '../../src/node/content-check/index.ts';

const contentDir = '.cache/test-new-content/content';
const outDir = '.cache/test-new-content-dist';
const site = path.join(root, outDir);

const entries: Record<string, string> = {
  'companies/zephyr-freight.mdx': `---
name: Zephyr Freight
summary: A freight company that routes its trucks with Python services.
role:
  summary: Python runs the routing services and the data pipelines.
  areas: [web-backend, data-pipelines]
libraries:
  - library: routekit
    use: The routing services are written with Routekit.
    source: zephyr-blog
  - library: django
    use: The dispatch console is a Django application.
    source: zephyr-blog
scaleTricks:
  - trick: route-caching
    how: Computed routes are cached per depot for an hour.
    source: zephyr-blog
reviewed: "2026-11-20"
sources:
  - id: zephyr-blog
    title: How Zephyr routes its trucks
    publisher: Zephyr Engineering
    url: https://engineering.zephyr.example/routing
    date: "2025-06"
---

## What Python does here

Zephyr's routing services are written in Python.[^zephyr-blog]
`,
  'libraries/routekit.mdx': `---
name: Routekit
kind: infrastructure
language: Python
homepage: https://routekit.example/
summary: A library for computing vehicle routes.
reviewed: 2026-11-28
---

## What it is

Routekit computes routes for fleets of vehicles.
`,
  'tricks/route-caching.mdx': `---
name: Caching computed routes
summary: Keep computed routes for a while instead of computing them per request.
category: performance
reviewed: 2026-11-28
---

## The pattern

Compute a route once and serve it from a cache until it expires.

## When it pays off

When many requests ask for the same route.

## What it costs

Stale routes for up to the cache's lifetime.
`,
};

let result: BuildResult;

beforeAll(async () => {
  rmSync(path.join(root, '.cache/test-new-content'), { recursive: true, force: true });
  for (const dir of [outDir, `${outDir}.staging`, `${outDir}-cache`]) rmSync(path.join(root, dir), { recursive: true, force: true });
  cpSync(path.join(root, 'content'), path.join(root, contentDir), { recursive: true });
  for (const [file, text] of Object.entries(entries)) writeFileSync(path.join(root, contentDir, file), text);
  // The social images of the unchanged entries are already drawn: start from the cache of an earlier build.
  const drawn = path.join(root, '.cache/test-again-dist-cache/og-images');
  if (existsSync(drawn)) {
    mkdirSync(path.join(root, `${outDir}-cache`), { recursive: true });
    cpSync(drawn, path.join(root, `${outDir}-cache`, 'og-images'), { recursive: true });
  }
  result = await astroBuild({ content: contentDir, outDir, ledger: 'ledger/published.json' });
}, 600_000);

describe('a new company, library and trick added to the content', () => {
  it('pass the content check', () => {
    expect(checkContent(path.join(root, contentDir)).problems).toEqual([]);
  });

  it('build, with every published URL of the ledger still resolving', () => {
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('still resolve, with their anchors.');
  });

  it('get pages that link each other both ways', () => {
    const [company, library, trick] = Object.keys(entries).map((file) => `/${file.replace(/\.mdx$/, '')}/`);
    const companyLinks = linksOf(readPage(company!, site));
    expect(companyLinks).toEqual(expect.arrayContaining([library, trick, '/libraries/django/']));
    expect(linksOf(readPage(library!, site))).toContain(company);
    expect(linksOf(readPage(trick!, site))).toContain(company);
    expect(linksOf(readPage('/libraries/django/', site))).toContain(company);
  });

  it('appear in the indexes and the A–Z list', () => {
    const [company, library, trick] = Object.keys(entries).map((file) => `/${file.replace(/\.mdx$/, '')}/`);
    expect(linksOf(readPage('/companies/', site))).toContain(company);
    expect(linksOf(readPage('/libraries/', site))).toContain(library);
    expect(linksOf(readPage('/tricks/', site))).toContain(trick);
    expect(linksOf(readPage('/search/', site))).toEqual(expect.arrayContaining([company, library, trick]));
    expect(readdirSync(path.join(site, 'og', 'companies'))).toContain(`${path.basename(company!)}.png`);
  });
});
