/**
 * For readers who reuse the work, checked in the built site: dates on every entry and in the
 * sitemap, one sources list per library and trick page, the role-area pages, the content license,
 * "Report an error", robots.txt, each profile's JSON and CSV, and the cite box's formats.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentEntries, dist, htmlPages, linksOf, readPage } from '../helpers/dist.ts';
import { roleAreas } from '../../src/lib/vocabulary.ts';
import { CONTENT_LICENSE } from '../../src/lib/site-meta.ts';

const site = 'https://python-at-scale.example.org';
const companies = contentEntries('companies');
const libraries = contentEntries('libraries');
const tricks = contentEntries('tricks');
const posts = contentEntries('posts');
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const references = [
  ...libraries.map((entry) => ({ kind: 'libraries', ...entry })),
  ...tricks.map((entry) => ({ kind: 'tricks', ...entry })),
];
const text = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('dates everywhere', () => {
  it.each(references)('/$kind/$id/ shows when it was last reviewed', ({ kind, id, data }) => {
    const time = readPage(`/${kind}/${id}/`).querySelector('.reviewed time')!;
    expect(time.getAttribute('datetime')).toBe(day(data['reviewed']));
  });

  it('the sitemap carries lastmod from reviewed, updated and published dates', () => {
    const sitemap = text('sitemap-0.xml');
    const lastmod = new Map([...sitemap.matchAll(/<loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [m[1]!.replace(site, ''), m[2]?.slice(0, 10)]));
    for (const { id, data } of companies) expect(lastmod.get(`/companies/${id}/`)).toBe(day(data['reviewed']));
    for (const { kind, id, data } of references) expect(lastmod.get(`/${kind}/${id}/`)).toBe(day(data['reviewed']));
    for (const { id, data } of posts) expect(lastmod.get(`/posts/${id}/`)).toBe(day(data['updated'] ?? data['published']));
    const web = companies.filter((c) => (c.data['role'] as { areas: string[] }).areas.includes('web-backend')).map((c) => day(c.data['reviewed'])).sort();
    expect(lastmod.get('/areas/web-backend/')).toBe(web.at(-1));
  });
});

describe('one sources list per page', () => {
  it.each(references)('/$kind/$id/ lists its sources once, and its markers point into that list', ({ kind, id, data }) => {
    const page = readPage(`/${kind}/${id}/`);
    expect(page.querySelectorAll('section[data-footnotes]')).toHaveLength(0);
    expect(page.querySelectorAll('ol.source-list')).toHaveLength(1);
    const ids = (data['sources'] as { id: string }[]).map((s) => s.id);
    for (const marker of page.querySelectorAll('a[data-footnote-ref]')) {
      const target = marker.getAttribute('href')!.replace('#source-', '');
      expect(ids).toContain(target);
      expect(marker.text).toBe(String(ids.indexOf(target) + 1));
      expect(marker.getAttribute('aria-describedby')).toBe('sources');
    }
  });
});

describe('role-area pages', () => {
  const areas = Object.entries(roleAreas);

  it.each(areas)('/areas/%s/ lists every company whose profile names the area, with its role line', (id, label) => {
    const page = readPage(`/areas/${id}/`);
    expect(page.querySelector('h1')!.text).toBe(label);
    const expected = companies.filter((c) => (c.data['role'] as { areas: string[] }).areas.includes(id));
    const items = page.querySelectorAll('.entry-list li');
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(
      expected.map((c) => `/companies/${c.id}/`).sort((a, b) => {
        const name = (p: string) => companies.find((c) => `/companies/${c.id}/` === p)!.data['name'] as string;
        return name(a).localeCompare(name(b), 'en');
      }),
    );
    for (const company of expected) expect(page.text).toContain((company.data['role'] as { summary: string }).summary);
    expect(linksOf(page)).toContain(`/search/?${new URLSearchParams({ area: label }).toString()}`);
  });

  it('the index links every area, and every profile chip links to its area', () => {
    expect(linksOf(readPage('/areas/'))).toEqual(expect.arrayContaining(areas.map(([id]) => `/areas/${id}/`)));
    for (const { id, data } of companies) {
      const chips = readPage(`/companies/${id}/`).querySelectorAll('.chips a');
      expect(chips.map((a) => a.getAttribute('href'))).toEqual((data['role'] as { areas: string[] }).areas.map((area) => `/areas/${area}/`));
    }
  });
});

describe('license, reporting errors and robots.txt', () => {
  it('every page states the content license in its footer', () => {
    for (const page of htmlPages().filter((p) => !p.startsWith('/embed/') && !readPage(p).querySelector('meta[http-equiv="refresh"]'))) {
      const license = readPage(page).querySelector('footer a[rel~="license"]');
      expect(license?.getAttribute('href'), page).toBe(CONTENT_LICENSE.url);
      expect(license?.text).toBe(CONTENT_LICENSE.name);
    }
  });

  it('every JSON document carries the license', () => {
    for (const file of ['api/companies.json', 'api/libraries.json', 'api/tricks.json', ...companies.map((c) => `api/companies/${c.id}.json`)]) {
      expect(JSON.parse(text(file)).license, file).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    }
  });

  it.each([
    ...companies.map((c) => `/companies/${c.id}/`),
    ...references.map((r) => `/${r.kind}/${r.id}/`),
    ...posts.map((p) => `/posts/${p.id}/`),
  ])('%s has a "Report an error" link that opens a prefilled issue', (page) => {
    const link = readPage(page).querySelectorAll('a').find((a) => a.text === 'Report an error')!;
    const url = new URL(decode(link.getAttribute('href')!));
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/python-at-scale/python-at-scale/issues/new');
    expect(url.searchParams.get('title')).toMatch(/^Error on "/);
    expect(url.searchParams.get('body')).toContain(`Page: ${site}${page}`);
  });

  it('robots.txt allows crawling and points at the sitemap', () => {
    const robots = text('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    expect(robots).toContain(`Sitemap: ${site}/sitemap-index.xml`);
    expect(existsSync(path.join(dist, 'sitemap-index.xml'))).toBe(true);
  });
});

describe("each profile's data and citations", () => {
  it.each(companies)('the $id profile links its JSON and a CSV of its figures', ({ id, data }) => {
    const page = readPage(`/companies/${id}/`);
    expect(linksOf(page)).toEqual(expect.arrayContaining([`/api/companies/${id}.json`, `/api/companies/${id}/figures.csv`]));
    const csv = text(`api/companies/${id}/figures.csv`);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('label,value,unit,as_of,source_id,source_title,source_publisher,source_url');
    const figures = data['figures'] as { label: string; value: number; asOf: string; source: string }[];
    expect(lines).toHaveLength(figures.length + 1);
    figures.forEach((figure, i) => {
      expect(lines[i + 1]).toContain(`,${figure.value},`);
      expect(lines[i + 1]).toContain(`,${figure.asOf},${figure.source},`);
    });
    expect(JSON.parse(text(`api/companies/${id}.json`)).figuresCsv).toBe(`${site}/api/companies/${id}/figures.csv`);
  });

  it.each(companies)('the $id cite box offers APA and BibTeX with the reviewed date', ({ id, data }) => {
    const page = readPage(`/companies/${id}/`);
    const url = `${site}/companies/${id}/`;
    const reviewed = new Date(day(data['reviewed']));
    const month = reviewed.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    const apa = decode(page.querySelector('#cite-apa')!.getAttribute('value')!);
    expect(apa).toBe(`Python at Scale. (${reviewed.getUTCFullYear()}, ${month} ${reviewed.getUTCDate()}). ${data['name']}: Python at scale. ${url}`);
    const bibtex = decode(page.querySelector('#cite-bibtex')!.text);
    expect(bibtex).toMatch(new RegExp(`^@misc\\{python-at-scale-${id},`));
    expect(bibtex).toContain('author = {{Python at Scale}},');
    expect(bibtex).toContain(`url = {${url}},`);
    expect(bibtex).toContain(`date = {${day(data['reviewed'])}},`);
    expect(bibtex.trimEnd().endsWith('}')).toBe(true);
  });
});
