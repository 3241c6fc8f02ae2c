/**
 * Checked claims as data and figures as charts, in the built site: every claim of content/claims on
 * its profile and on /claims/ with a permanent anchor, the verdict pages, the ClaimReview JSON-LD, the
 * API and CSV, the figures page and its CSV, and the charts (in the GFM fixture, whose profile has a
 * series) in Chromium.
 */
import { readFileSync } from 'node:fs';
import { themeInitScript } from '../../src/client/theme-init.ts';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import type { HTMLElement } from 'node-html-parser';
import { root } from '../helpers/build.ts';
import { fixtureSites } from '../helpers/build-sites.ts';
import { contentEntries, dist, linksOf, readPage } from '../helpers/dist.ts';
import { axeViolations } from '../helpers/axe.ts';
import { useSiteBrowser } from '../helpers/site-browser.ts';
import { olderThan } from '../../src/lib/figures.ts';
import { formatDate } from '../../src/lib/format.ts';
import { claimVerdicts, claimVerdictRatings } from '../../src/lib/vocabulary.ts';

type Verdict = keyof typeof claimVerdicts;
interface ClaimFile {
  id: string;
  claim: string;
  companies: string[];
  verdict: Verdict;
  rerated?: { verdict: Verdict | boolean; until: Date | string }[];
  article?: string;
  sources: { id: string; url: string; checked?: unknown }[];
  body: string;
}

const claims: ClaimFile[] = contentEntries('claims').map((entry) => {
  const data = entry.data as unknown as Omit<ClaimFile, 'id' | 'body' | 'verdict'> & { verdict: Verdict | boolean };
  const text = readFileSync(path.join(root, 'content', 'claims', `${entry.id}.mdx`), 'utf8');
  return { id: entry.id, ...data, verdict: String(data.verdict) as Verdict, body: text.split(/^---$/m).slice(2).join('---').trim() };
});
const companies = contentEntries('companies');
const gfmDist = path.join(root, fixtureSites.gfm.outDir);

/** Typographic quotes as straight ones: the Markdown is written straight, the page prints them curly. */
const straight = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
/** A claim's explanation as a reader sees it: footnote labels gone, links as their text. */
const plainText = (markdown: string) =>
  straight(markdown)
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const textOf = (element: HTMLElement | null) => straight(element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const jsonLd = (page: HTMLElement) => page.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent) as Record<string, unknown>);
const readText = (file: string, dir = dist) => readFileSync(path.join(dir, file), 'utf8');

/** Parses RFC 4180 CSV (quoted fields with doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 1);
    else field += ch;
  }
  return rows;
}

describe('the claims collection', () => {
  it('holds every claim the profiles used to carry in prose, and no profile types one itself', () => {
    expect(claims.length).toBeGreaterThanOrEqual(78);
    for (const company of companies) {
      const text = readFileSync(path.join(root, 'content', 'companies', `${company.id}.mdx`), 'utf8');
      expect(text, company.id).not.toMatch(/Often said/);
      if (claims.some((c) => c.companies.includes(company.id) && !c.article)) expect(text).toContain(`<Claims company="${company.id}" />`);
    }
  });

  it('gives every source of every claim the day it was checked', () => {
    for (const claim of claims) for (const source of claim.sources) expect(source.checked, `${claim.id}: ${source.id}`).toBeTruthy();
  });
});

describe('claims on the profiles', () => {
  it.each(companies.map((c) => c.id))('/companies/%s/ renders its claims from the collection under the old anchor', (id) => {
    const page = readPage(`/companies/${id}/`);
    const own = claims.filter((c) => c.companies.includes(id) && !c.article);
    if (own.length === 0) return;
    expect(page.getElementById('claims-and-what-the-sources-show')).not.toBeNull();
    const text = textOf(page.querySelector('article.entry'));
    for (const claim of own) {
      const heading = page.getElementById(claim.id);
      expect(heading, claim.id).not.toBeNull();
      expect(textOf(heading)).toBe(`Often said: ${plainText(claim.claim)}.`);
      // Footnote numbers sit between the sentences, so each stretch between two citations is looked for.
      for (const stretch of claim.body.split(/\[\^[^\]]+\]/).map(plainText).filter(Boolean)) expect(text).toContain(stretch);
    }
  });

  it.each(companies.map((c) => c.id))('/companies/%s/ has unique ids, and every footnote link lands on the page', (id) => {
    const page = readPage(`/companies/${id}/`);
    const ids = page.querySelectorAll('[id]').map((el) => el.id);
    expect(ids.filter((value, i) => ids.indexOf(value) !== i)).toEqual([]);
    for (const href of linksOf(page, 'a[data-footnote-ref], a[data-footnote-backref]')) {
      expect(ids, href).toContain(decodeURIComponent(href.slice(1)));
    }
  });
});

describe('/claims/', () => {
  const page = readPage('/claims/');

  it('lists every claim once, with its id as a permanent anchor, under its company', () => {
    for (const claim of claims) {
      const heading = page.getElementById(claim.id);
      expect(heading, claim.id).not.toBeNull();
      const section = heading!.closest('section');
      expect(section?.getAttribute('aria-labelledby')).toBe(`company-${claim.companies[0]}`);
    }
    expect(page.querySelectorAll('article.claim')).toHaveLength(claims.length);
  });

  it('filters by verdict with plain links to a page per verdict, each listing exactly that verdict', () => {
    const used = [...new Set(claims.map((c) => c.verdict))];
    const links = linksOf(page, 'nav.verdicts a');
    for (const verdict of used) {
      expect(links).toContain(`/claims/verdict/${verdict}/`);
      const filtered = readPage(`/claims/verdict/${verdict}/`);
      const shown = filtered.querySelectorAll('article.claim').map((a) => a.getAttribute('data-verdict'));
      expect(shown).toHaveLength(claims.filter((c) => c.verdict === verdict).length);
      expect(new Set(shown)).toEqual(new Set([verdict]));
      // Verdict pages stay out of the search index: the profiles carry the claims and the verdict filter.
      expect(filtered.querySelectorAll('[data-pagefind-filter]')).toHaveLength(0);
      expect(filtered.querySelector('[data-pagefind-body]')).toBeNull();
    }
  });

  it('keeps a re-rated claim\'s anchor on each verdict page it left, linking to where it is now, and shows its earlier verdicts', () => {
    const rerated = claims.filter((c) => c.rerated?.length);
    // The real content has re-rated claims; without one this test would check nothing.
    expect(rerated.length).toBeGreaterThan(0);
    for (const claim of rerated) {
      const current = page.getElementById(claim.id)!.closest('article.claim')!;
      for (const earlier of claim.rerated!) {
        const verdict = String(earlier.verdict) as Verdict;
        const until = new Date(earlier.until);
        const day = until.toISOString().slice(0, 10);
        const label = `rated ${claimVerdicts[verdict]} until ${formatDate(until)}`;
        expect(textOf(current.querySelector('.claim__meta')), `${claim.id} ${day}`).toContain(label);
        if (verdict === claim.verdict) continue;
        const old = readPage(`/claims/verdict/${verdict}/`);
        const entry = old.getElementById(claim.id);
        expect(entry?.tagName, `${claim.id} on /claims/verdict/${verdict}/`).toBe('LI');
        expect(entry!.closest('section')?.getAttribute('aria-labelledby')).toBe('rerated');
        expect(linksOf(entry!, 'a')).toEqual([`/claims/#${claim.id}`]);
        expect(textOf(entry)).toContain(`now “${claimVerdicts[claim.verdict]}”`.replace(/[“”]/g, '"'));
      }
    }
  });

  it('carries a valid ClaimReview for each claim: required properties, rating in range, the verdict named', () => {
    const reviews = jsonLd(page).filter((d) => d['@type'] === 'ClaimReview');
    expect(reviews).toHaveLength(claims.length);
    for (const claim of claims) {
      const review = reviews.find((r) => r['url'] === `https://python-at-scale.example.org/claims/#${claim.id}`) as Record<string, any> | undefined;
      expect(review, claim.id).toBeDefined();
      expect(review!['@context']).toBe('https://schema.org');
      expect(review!['claimReviewed'].toLowerCase()).toBe(plainText(claim.claim).toLowerCase());
      expect(review!['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review!['author']).toMatchObject({ '@type': 'Organization', name: 'Python at Scale' });
      const rating = review!['reviewRating'];
      expect(rating['@type']).toBe('Rating');
      expect(rating.ratingValue).toBe(claimVerdictRatings[claim.verdict]);
      expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating);
      expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
      expect(rating.alternateName).toBe(claimVerdicts[claim.verdict]);
      expect(review!['itemReviewed']['@type']).toBe('Claim');
    }
  });

  it('gives each claim its own row in the cite box', () => {
    const box = page.querySelector('.cite-box')!;
    for (const claim of claims) {
      expect(box.querySelector(`#cite-${claim.id}`)?.getAttribute('value')).toBe(`https://python-at-scale.example.org/claims/#${claim.id}`);
    }
  });
});

describe('/api/claims.json and /api/claims.csv', () => {
  const doc = JSON.parse(readText('api/claims.json')) as { count: number; items: { id: string; verdict: string; url: string; rating: number; sources: { url: string }[] }[] };

  it('validates against its published JSON Schema and holds every claim', () => {
    const schema = JSON.parse(readText('api/schema/claims.json')) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: false, allErrors: true }).addFormat('uri', true).addFormat('date', /^\d{4}-\d{2}-\d{2}$/).compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.count).toBe(claims.length);
    expect(doc.items.map((i) => i.id).sort()).toEqual(claims.map((c) => c.id).sort());
    const broken = structuredClone(doc);
    (broken.items[0] as Record<string, unknown>)['rating'] = 9;
    expect(validate(broken)).toBe(false);
  });

  it('has the same claims in CSV, one row each', () => {
    const rows = parseCsv(readText('api/claims.csv'));
    expect(rows[0]).toEqual(['id', 'url', 'claim', 'verdict', 'verdictLabel', 'rating', 'companies', 'reviewed', 'sourceUrls']);
    expect(rows.slice(1).map((r) => [r[0], r[3], Number(r[5])])).toEqual(doc.items.map((i) => [i.id, i.verdict, i.rating]));
  });
});

describe('/figures/ and the figures CSV', () => {
  const page = readPage('/figures/');
  const csvRows = parseCsv(readText('api/figures.csv'));
  const today = new Date();

  it('lists every figure of every profile, as in the CSV, with its source and the five-year mark', () => {
    const header = csvRows[0]!;
    const rows = csvRows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
    const total = companies.reduce((n, c) => n + ((c.data['figures'] as unknown[] | undefined)?.length ?? 0), 0);
    expect(rows).toHaveLength(total);
    const tableRows = page.querySelectorAll('table.facts-table--stack tbody tr');
    expect(tableRows).toHaveLength(total);
    tableRows.forEach((tr, i) => {
      const row = rows[i]!;
      expect(textOf(tr.querySelector('th'))).toBe(row['label']);
      expect(tr.querySelector('td[data-value]')?.getAttribute('data-value')).toBe(row['value']);
      expect(tr.querySelector('time')?.getAttribute('datetime')).toBe(row['as_of']);
      expect(linksOf(tr)).toContain(row['source_url']);
      expect(tr.hasAttribute('data-old'), `${row['company']} ${row['label']}`).toBe(olderThan(row['as_of']!, today));
      expect(textOf(tr).includes('older than five years')).toBe(olderThan(row['as_of']!, today));
    });
  });

  it("draws each real series (one quantity at several dates) as a chart whose data table matches the CSV", () => {
    const charts = page.querySelectorAll('figure.figure-chart');
    expect(charts.length).toBeGreaterThan(0);
    const header = csvRows[0]!;
    const rows = csvRows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
    for (const chart of charts) {
      const points = chart.querySelectorAll('tbody tr');
      expect(points.length).toBeGreaterThan(1);
      for (const tr of points) {
        const value = tr.querySelector('td[data-value]')!.getAttribute('data-value');
        const url = linksOf(tr)[0];
        expect(rows.some((r) => r['value'] === value && r['source_url'] === url), `${textOf(tr)}`).toBe(true);
      }
    }
  });

  it('publishes a CSV per company with the same rows', () => {
    for (const company of companies.filter((c) => ((c.data['figures'] as unknown[] | undefined)?.length ?? 0) > 0)) {
      const own = parseCsv(readText(`api/companies/${company.id}/figures.csv`));
      expect(own.slice(1)).toEqual(csvRows.filter((r) => r[0] === company.id).map((r) => r.slice(1)));
    }
  });
});

describe('figure charts (the GFM fixture profile has a series)', () => {
  const page = readPage('/companies/acme/', gfmDist);
  const chart = page.querySelector('figure.figure-chart');

  it('draws the series as SVG with a title, a description, axis labels and each point linked to its source', () => {
    expect(chart).not.toBeNull();
    const svg = chart!.querySelector('svg')!;
    expect(textOf(svg.querySelector('title'))).toBe('Acme: Pages served (pages a day)');
    expect(textOf(svg.querySelector('desc'))).toMatch(/^3 values, from 400 million pages a day as of 2016 to 2 billion pages a day as of May 2024\.$/);
    expect(svg.querySelectorAll('text.axis-label').map(textOf)).toEqual(['As of (year)', 'pages a day']);
    const links = svg.querySelectorAll('a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://engineering.acme.example/pages', 'https://github.com/acme/acme', 'https://engineering.acme.example/pages']);
    const old = ['2016', '2020-03', '2024-05'].filter((asOf) => olderThan(asOf, new Date()));
    expect(svg.querySelectorAll('circle.point--old')).toHaveLength(old.length);
    // No script draws it: the chart holds none, and the page's only inline script is the CSP-hashed theme setter.
    expect(chart!.querySelectorAll('script')).toHaveLength(0);
    const inline = page.querySelectorAll('script:not([type="application/ld+json"]):not([src])').map((s) => s.textContent);
    expect(inline).toEqual([themeInitScript]);
  });

  it('gives the same values as a data table, oldest first, the old one marked', () => {
    const rows = chart!.querySelectorAll('tbody tr');
    expect(rows.map((r) => r.querySelector('td[data-value]')?.getAttribute('data-value'))).toEqual(['400000000', '1100000000', '2000000000']);
    expect(textOf(rows[0]!.querySelector('th'))).toBe('2016 (older than five years)');
  });

  const site = useSiteBrowser(gfmDist);
  it('renders in Chromium without JavaScript, passes axe, and fits a phone', { timeout: 180_000 }, async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page: tab, context, problems } = await site.open('/companies/acme/', { javaScriptEnabled: false, viewport: { width: 375, height: 800 }, colorScheme });
      const box = await tab.locator('figure.figure-chart svg').boundingBox();
      expect(box?.width).toBeGreaterThan(250);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await context.close();
      expect(problems).toEqual([]);
    }
    const { page: tab, context } = await site.open('/companies/acme/');
    expect(await axeViolations(tab)).toEqual([]);
    await context.close();
  });
});

describe('claims and figures in Chromium', () => {
  const site = useSiteBrowser();

  it('/claims/ and the verdict filter work without JavaScript and do not scroll sideways on a phone', { timeout: 180_000 }, async () => {
    const { page: tab, context } = await site.open('/claims/', { javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    await tab.click('nav.verdicts a[href="/claims/verdict/false/"]');
    await tab.waitForURL('**/claims/verdict/false/');
    const verdicts = await tab.$$eval('article.claim', (articles) => articles.map((a) => a.getAttribute('data-verdict')));
    expect(verdicts.length).toBe(claims.filter((c) => c.verdict === 'false').length);
    expect(new Set(verdicts)).toEqual(new Set(['false']));
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it.each(['/claims/verdict/false/', '/figures/', '/companies/google/', '/posts/popular-claims-checked/'])('%s passes axe', { timeout: 180_000 }, async (url) => {
    const opened = await site.open(url);
    expect(await axeViolations(opened.page), url).toEqual([]);
    expect(opened.problems, url).toEqual([]);
    await opened.context.close();
  });
});
