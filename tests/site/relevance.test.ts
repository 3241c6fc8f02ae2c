/** The relevance set in tests/relevance.json, run against the real built index in Chromium. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/build.ts';
import { searchResults, useSiteBrowser } from '../helpers/site-browser.ts';

interface RelevanceCase {
  query: string;
  kind: string;
  top1?: string;
  top3?: string[];
}
const { queries } = JSON.parse(readFileSync(`${root}/tests/relevance.json`, 'utf8')) as { queries: RelevanceCase[] };
const site = useSiteBrowser();

describe('the relevance set', () => {
  it('has at least 25 queries of every kind the issue names', () => {
    expect(queries.length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const kind of ['company name', 'alias', 'library name', 'trick name', 'question', 'body text only']) expect(kinds).toContain(kind);
  });

  it.each(queries)('“$query” ($kind)', async ({ query, top1, top3 }) => {
    const { page, context } = await site.open(`/search/?q=${encodeURIComponent(query)}`);
    const results = await searchResults(page);
    if (top1) expect(results[0], `first result for “${query}”: ${results.slice(0, 5).join(' ')}`).toBe(top1);
    for (const expected of top3 ?? []) {
      expect(results.slice(0, 3), `top 3 for “${query}”: ${results.slice(0, 5).join(" ")}`).toContain(expected);
    }
    await context.close();
  });
});
