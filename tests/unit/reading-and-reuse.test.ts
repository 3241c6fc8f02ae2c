import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentsTree, hasContents } from '../../src/lib/contents.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { apaCitation, bibtexCitation } from '../../src/lib/citation-formats.ts';
import { reportErrorUrl } from '../../src/lib/report-error.ts';
import { lastModifiedDays } from '../../src/node/content-files.ts';

const h = (depth: number, slug: string) => ({ depth, slug, text: slug.toUpperCase() });

describe('contentsTree', () => {
  it('nests each h3 under the h2 before it, and leaves out other depths and the footnotes heading', () => {
    const tree = contentsTree([h(3, 'orphan'), h(2, 'a'), h(3, 'a1'), h(4, 'deep'), h(3, 'a2'), h(2, 'b'), h(2, 'footnote-label')]);
    expect(tree).toEqual([
      { slug: 'orphan', text: 'ORPHAN', children: [] },
      {
        slug: 'a',
        text: 'A',
        children: [
          { slug: 'a1', text: 'A1', children: [] },
          { slug: 'a2', text: 'A2', children: [] },
        ],
      },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });

  it.each([
    [[h(2, 'a'), h(2, 'b'), h(2, 'c')], false],
    [[h(2, 'a'), h(2, 'b'), h(2, 'c'), h(2, 'footnote-label')], false],
    [[h(2, 'a'), h(3, 'a1'), h(2, 'b'), h(2, 'c')], true],
  ])('shows a list only from four sections on (%#)', (headings, shown) => {
    expect(hasContents(headings)).toBe(shown);
  });
});

describe('toCsv', () => {
  it('quotes only what needs it, doubles quotes, ends lines with CRLF', () => {
    expect(toCsv(['a', 'b', 'c'], [['plain', 12, undefined], ['with, comma', 'say "hi"', 'two\nlines']])).toBe(
      'a,b,c\r\nplain,12,\r\n"with, comma","say ""hi""","two\nlines"\r\n',
    );
  });
});

describe('citation formats', () => {
  const page = { site: 'Python at Scale', title: 'Google / YouTube: Python at scale', url: 'https://example.org/companies/google/', date: new Date('2026-11-21'), key: 'google' };

  it('APA: group author, date, title, URL', () => {
    expect(apaCitation(page)).toBe('Python at Scale. (2026, November 21). Google / YouTube: Python at scale. https://example.org/companies/google/');
  });

  it('BibTeX: a @misc entry with a stable key, braced author and title, and escaped specials', () => {
    expect(bibtexCitation(page)).toBe(
      [
        '@misc{python-at-scale-google,',
        '  author = {{Python at Scale}},',
        '  title = {{Google / YouTube: Python at scale}},',
        '  year = {2026},',
        '  month = nov,',
        '  date = {2026-11-21},',
        '  url = {https://example.org/companies/google/},',
        '  howpublished = {\\url{https://example.org/companies/google/}},',
        '  note = {Reviewed 2026-11-21},',
        '}',
      ].join('\n'),
    );
    expect(bibtexCitation({ ...page, title: 'R&D at 100% {fast}_#1' })).toContain('title = {{R\\&D at 100\\% \\{fast\\}\\_\\#1}},');
  });
});

describe('reportErrorUrl', () => {
  it('opens a new issue in the repository with the page title and address filled in', () => {
    const url = new URL(reportErrorUrl('https://github.com/o/r/', { title: 'Django: who uses it', url: 'https://example.org/libraries/django/' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/o/r/issues/new');
    expect(url.searchParams.get('title')).toBe('Error on "Django: who uses it"');
    expect(url.searchParams.get('body')).toMatch(/^Page: https:\/\/example\.org\/libraries\/django\/\n/);
  });
});

describe('lastModifiedDays', () => {
  it("reads profiles', libraries' and tricks' reviewed days, and dates each area by its newest profile", () => {
    const days = lastModifiedDays(path.resolve('tests/fixtures/gfm-site'));
    expect(days.get('/companies/acme/')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(days.get('/libraries/widget/')).toBe('2026-11-21');
    expect(days.get('/tricks/caching/')).toBe('2026-11-21');
    for (const [page, day] of days) if (page.startsWith('/areas/')) expect(day).toBe(days.get('/companies/acme/'));
    expect([...days.keys()].some((page) => page.startsWith('/areas/'))).toBe(true);
  });
});
