/**
 * Checks the real built site in dist/: cross-links both ways, titles and descriptions, aliases and
 * the search index. The content files are the ground truth for what each page must link to.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentEntries, dist, htmlPages, linksOf, readPage } from '../helpers/dist.ts';
import { minimumCitations } from '../../src/node/content-check/index.ts';

interface CompanyData {
  name: string;
  aliases?: string[];
  libraries: { library: string }[];
  scaleTricks: { trick: string }[];
}

const companies = contentEntries('companies').map((e) => ({ id: e.id, ...(e.data as unknown as CompanyData) }));
const libraries = contentEntries('libraries');
const tricks = contentEntries('tricks');
const posts = contentEntries('posts');
const pages = htmlPages();

describe('the built site', () => {
  it('has a page for every entry and every index', () => {
    const expected = [
      '/', '/companies/', '/libraries/', '/tricks/', '/compare/', '/search/', '/404.html',
      ...companies.map((c) => `/companies/${c.id}/`),
      ...libraries.map((l) => `/libraries/${l.id}/`),
      ...tricks.map((t) => `/tricks/${t.id}/`),
    ];
    expect(pages).toEqual(expect.arrayContaining(expected));
    expect(companies.length).toBeGreaterThan(0);
    const index = linksOf(readPage('/companies/'));
    for (const company of companies) expect(index, company.id).toContain(`/companies/${company.id}/`);
  });

  it('gives every page a title and a meta description (redirect pages have a title)', () => {
    const missing = pages.filter((p) => !isRedirect(p)).filter((p) => {
      const page = readPage(p);
      const title = page.querySelector('title')?.text.trim();
      const description = page.querySelector('meta[name="description"]')?.getAttribute('content')?.trim();
      return !title || !description;
    });
    expect(missing).toEqual([]);
  });

  it('gives every content page exactly one h1', () => {
    for (const p of pages.filter((p) => !isRedirect(p))) {
      expect(readPage(p).querySelectorAll('h1'), p).toHaveLength(1);
    }
  });
});

function isRedirect(sitePath: string): boolean {
  return readPage(sitePath).querySelector('meta[http-equiv="refresh"]') !== null;
}

describe.each(companies)('the $name profile', (company) => {
  const page = readPage(`/companies/${company.id}/`);
  const links = linksOf(page);

  it('links each of its libraries, and each library page links back', () => {
    for (const { library } of company.libraries) {
      expect(links, `company → ${library}`).toContain(`/libraries/${library}/`);
      expect(linksOf(readPage(`/libraries/${library}/`)), `${library} → company`).toContain(`/companies/${company.id}/`);
    }
  });

  it('links each of its tricks, and each trick page links back', () => {
    for (const { trick } of company.scaleTricks) {
      expect(links, `company → ${trick}`).toContain(`/tricks/${trick}/`);
      expect(linksOf(readPage(`/tricks/${trick}/`)), `${trick} → company`).toContain(`/companies/${company.id}/`);
    }
  });

  it('shows each library with this company’s own words on how it is used', () => {
    for (const { library, use } of company.libraries as { library: string; use: string }[]) {
      const row = page.querySelector(`#library-${library}`);
      expect(row, library).not.toBeNull();
      expect(row!.querySelector('td')!.text.trim()).toContain(use.trim().split(/\s+/)[0]!);
    }
  });

  it('renders its citations as footnotes linked to the original sources', () => {
    const footnotes = page.querySelector('section.footnotes');
    expect(footnotes).not.toBeNull();
    const refs = page.querySelectorAll('a[data-footnote-ref]');
    // The content check holds every profile to this minimum, with a message (src/node/content-check/).
    expect(refs.length).toBeGreaterThanOrEqual(minimumCitations.companies);
    for (const ref of refs) {
      const target = ref.getAttribute('href')!.slice(1);
      const note = page.getElementById(target);
      expect(note, target).not.toBeNull();
      expect(note!.querySelector('a[href^="https://"]'), target).not.toBeNull();
    }
    expect(page.text).not.toMatch(/\[\^[a-z0-9-]+\]/);
  });

  it('lists its related companies with links', () => {
    const related = page.querySelector('.related');
    if (related) {
      const links = linksOf(related).filter((href) => !href.startsWith('#'));
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) expect(href).toMatch(/^\/companies\/[a-z0-9-]+\/$/);
    }
  });

  it.each(company.aliases ?? [])('redirects the alias /companies/%s/ to the profile', (alias) => {
    const redirect = readPage(`/companies/${alias}/`);
    expect(redirect.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0;url=/companies/${company.id}/`);
    expect(redirect.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(new RegExp(`/companies/${company.id}/$`));
  });
});

describe('index pages', () => {
  it('the libraries index links every library, grouped under kind headings', () => {
    const page = readPage('/libraries/');
    const links = linksOf(page);
    for (const library of libraries) expect(links).toContain(`/libraries/${library.id}/`);
    expect(page.querySelectorAll('main h2').length).toBe(new Set(libraries.map((l) => (l.data as { kind: string }).kind)).size);
  });

  it('the tricks index links every trick', () => {
    const links = linksOf(readPage('/tricks/'));
    for (const trick of tricks) expect(links).toContain(`/tricks/${trick.id}/`);
  });

  it('the home page has a card per company with its role line and search box', () => {
    const page = readPage('/');
    const cards = page.querySelectorAll('.card');
    expect(cards).toHaveLength(companies.length);
    expect(page.querySelector('main form[role="search"][action="/search/"] input[name="q"]')).not.toBeNull();
  });

  it('the compare matrix links every ticked cell to the row that says how', () => {
    const page = readPage('/compare/');
    const cellLinks = linksOf(page, 'td a');
    const expected = companies.flatMap((c) => [
      ...c.libraries.map((u) => `/companies/${c.id}/#library-${u.library}`),
      ...c.scaleTricks.map((u) => `/companies/${c.id}/#trick-${u.trick}`),
    ]);
    expect(cellLinks.sort()).toEqual(expected.sort());
    for (const link of cellLinks) {
      const [pagePath, anchor] = link.split('#');
      expect(readPage(pagePath!).getElementById(anchor!), link).not.toBeNull();
    }
  });
});

describe('the search index', () => {
  it('is built by Pagefind with every entry and article page and nothing else', () => {
    expect(existsSync(path.join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const pageCount = Object.values(entry.languages as Record<string, { page_count: number }>)
      .reduce((sum, lang) => sum + lang.page_count, 0);
    expect(pageCount).toBe(companies.length + libraries.length + tricks.length + posts.length);
  });

  it('keeps screen-reader-only helper text out of the index', () => {
    for (const p of pages) {
      const page = readPage(p);
      for (const hidden of page.querySelectorAll('[data-pagefind-body] .sr-only')) {
        let node = hidden as typeof hidden | null;
        let ignored = false;
        while (node) {
          if (node.getAttribute?.('data-pagefind-ignore') !== undefined) ignored = true;
          node = node.parentNode as typeof hidden | null;
        }
        expect(ignored, `${p}: "${hidden.text}"`).toBe(true);
      }
    }
  });

  it('marks page chrome so that only main content is indexed', () => {
    const page = readPage('/companies/instagram/');
    expect(page.querySelectorAll('[data-pagefind-body]')).toHaveLength(1);
    expect(page.querySelector('header.site-header')!.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(page.querySelector('footer.site-footer')!.getAttribute('data-pagefind-ignore')).toBe('all');
  });
});
