/**
 * The site readable by machines, in the built site: /llms.txt, a Markdown version of every entry page,
 * every link in them resolving in dist/ (checked here independently of the build's own link check,
 * also under a base path), the alternate link in each page's head, one profile's Markdown carrying
 * every figure's as-of date and every claim, and the cite box's "Copy as Markdown" in Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/build.ts';
import { fixtureSites } from '../helpers/build-sites.ts';
import { contentEntries, dist, readPage } from '../helpers/dist.ts';
import { useSiteBrowser } from '../helpers/site-browser.ts';
import { formatPartialDate } from '../../src/lib/format.ts';
import { claimVerdicts } from '../../src/lib/vocabulary.ts';

const site = 'https://python-at-scale.example.org';
const collections = ['companies', 'libraries', 'tricks', 'posts'] as const;
const entries = collections.flatMap((collection) => contentEntries(collection).map((entry) => ({ collection, id: entry.id, data: entry.data })));
const claims = contentEntries('claims').map((entry) => ({
  id: entry.id,
  claim: String(entry.data['claim']),
  verdict: String(entry.data['verdict']) as keyof typeof claimVerdicts,
  companies: entry.data['companies'] as string[],
  article: entry.data['article'] as string | undefined,
}));
const markdownFiles = ['/llms.txt', ...entries.map(({ collection, id }) => `/${collection}/${id}.md`)];

/** Every link to the site in a Markdown file: inline links, whatever their text. */
function siteLinks(markdown: string, origin: string): string[] {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...markdown.matchAll(new RegExp(`\\]\\((${escaped}[^)\\s]*)\\)`, 'g'))].map((m) => m[1]!);
}

const idsByPage = new Map<string, Set<string>>();
const idsOf = (file: string, siteDir: string) => {
  const key = path.join(siteDir, file);
  let ids = idsByPage.get(key);
  if (!ids) idsByPage.set(key, (ids = new Set(readPage(`/${file}`, siteDir).querySelectorAll('[id]').map((element) => element.id))));
  return ids;
};

/** Why a link into a built site does not resolve, or undefined when it does (page, file and anchor). */
function unresolved(url: string, siteDir: string, base: string): string | undefined {
  const { pathname, hash } = new URL(url);
  if (!pathname.startsWith(base)) return `outside the base path ${base}`;
  const relative = decodeURIComponent(pathname.slice(base.length));
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  if (!existsSync(path.join(siteDir, file))) return 'nothing is published there';
  if (!hash) return undefined;
  const id = decodeURIComponent(hash.slice(1));
  return idsOf(file, siteDir).has(id) ? undefined : `no element with id "${id}"`;
}

const read = (file: string, siteDir = dist) => readFileSync(path.join(siteDir, file), 'utf8');

describe('/llms.txt', () => {
  const text = read('llms.txt');

  it('has the llmstxt.org shape: the site name, a summary, and a section per kind of entry', () => {
    expect(text.startsWith('# Python at Scale\n\n> ')).toBe(true);
    expect(text.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## Companies', '## Libraries', '## Scale tricks', '## Claims', '## Articles', '## Data']);
  });

  it('links every entry’s Markdown and its page, and every claim’s permanent anchor', () => {
    for (const { collection, id } of entries) {
      expect(text, id).toContain(`(${site}/${collection}/${id}.md)`);
      expect(text, id).toContain(`(${site}/${collection}/${id}/)`);
    }
    for (const claim of claims) expect(text, claim.id).toContain(`(${site}/claims/#${claim.id}): ${claimVerdicts[claim.verdict]}.`);
  });
});

describe('Markdown versions of the entry pages', () => {
  it.each(entries)('/$collection/$id.md exists and names its page', ({ collection, id }) => {
    const markdown = read(`${collection}/${id}.md`);
    expect(markdown.startsWith('# ')).toBe(true);
    expect(markdown).toContain(`- Page: [${site}/${collection}/${id}/](${site}/${collection}/${id}/)`);
    // Every citation is defined, and no component is left unconverted.
    const cited = new Set([...markdown.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].map((m) => m[1]!));
    const defined = new Set([...markdown.matchAll(/^\[\^([^\]\s]+)\]:/gm)].map((m) => m[1]!));
    expect([...cited].filter((label) => !defined.has(label))).toEqual([]);
    expect(markdown).not.toMatch(/<Claims? /);
  });

  it('every link to the site in llms.txt and the .md files resolves in dist/, anchors included', () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of markdownFiles) {
      for (const url of siteLinks(read(file.slice(1)), site)) {
        count += 1;
        const why = unresolved(url, dist, '/');
        if (why) broken.push(`${file} → ${url}: ${why}`);
      }
    }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(1000);
  });

  it('under a base path, every link carries it and resolves', () => {
    const based = path.join(root, fixtureSites.base.outDir);
    const broken: string[] = [];
    for (const file of ['/llms.txt', '/companies/dropbox.md', '/posts/popular-claims-checked.md', '/libraries/django.md']) {
      const markdown = read(file.slice(1), based);
      const links = siteLinks(markdown, site);
      expect(links.length, file).toBeGreaterThan(5);
      for (const url of links) {
        const why = unresolved(url, based, '/kb/');
        if (why) broken.push(`${file} → ${url}: ${why}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(entries)('/$collection/$id/ links its Markdown from the head', ({ collection, id }) => {
    const alternate = readPage(`/${collection}/${id}/`).querySelector('link[rel="alternate"][type="text/markdown"]');
    expect(alternate?.getAttribute('href')).toBe(`/${collection}/${id}.md`);
  });

  it('a profile’s Markdown carries every figure with its as-of date, every row’s footnote and every claim', () => {
    const profile = entries.find((e) => e.collection === 'companies' && e.id === 'dropbox')!;
    const markdown = read('companies/dropbox.md');
    const figures = profile.data['figures'] as { label: string; asOf: string; source: string }[];
    expect(figures.length).toBeGreaterThan(3);
    for (const figure of figures) {
      const row = markdown.split('\n').find((line) => line.startsWith(`| ${figure.label} |`));
      expect(row, figure.label).toContain(`| ${formatPartialDate(figure.asOf)}[^${figure.source}] |`);
    }
    const shown = claims.filter((claim) => claim.companies.includes('dropbox') && !claim.article);
    expect(shown.length).toBeGreaterThan(3);
    for (const claim of shown) {
      expect(markdown, claim.id).toContain(`Often said: ${claim.claim}.`);
      expect(markdown, claim.id).toContain(`**Verdict: ${claimVerdicts[claim.verdict]}** · [Permanent link](${site}/claims/#${claim.id})`);
    }
  });

  it('an article’s Markdown shows its claims in place', () => {
    const markdown = read('posts/popular-claims-checked.md');
    const shown = claims.filter((claim) => claim.article === 'popular-claims-checked');
    expect(shown.length).toBeGreaterThan(5);
    for (const claim of shown) expect(markdown, claim.id).toContain(`[Permanent link](${site}/claims/#${claim.id})`);
  });
});

describe('in the browser', () => {
  const browser = useSiteBrowser();

  it('the cite box links the Markdown, and with JavaScript copies it', async () => {
    const { page, context, problems } = await browser.open('/companies/spotify/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('button[data-copy-url]').click();
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent === 'The page as Markdown copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(read('companies/spotify.md'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript the link is there and the button is not', async () => {
    const { page, context } = await browser.open('/companies/spotify/', { javaScriptEnabled: false });
    expect(await page.locator('.cite-box a[type="text/markdown"]').getAttribute('href')).toBe('/companies/spotify.md');
    expect(await page.locator('button[data-copy-url]').isVisible()).toBe(false);
    await context.close();
  });
});
