/** GFM through Astro 7's unified processor: tables, footnotes, strikethrough and autolinks in MDX. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../helpers/dist.ts';
import { root } from '../helpers/build.ts';
import { fixtureSites } from '../helpers/build-sites.ts';

const siteDir = path.join(root, fixtureSites.gfm.outDir);
const page = readPage('/companies/acme/', siteDir);
const prose = page.querySelector('.prose')!;

describe('GFM in an MDX profile', () => {
  it('renders a table', () => {
    const table = prose.querySelector('table')!;
    expect(table.querySelectorAll('thead th').map((th) => th.text)).toEqual(['Layer', 'Language']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('renders strikethrough', () => {
    expect(prose.querySelector('del')?.text).toBe('never');
  });

  it('renders bare URLs and www. addresses as links', () => {
    const hrefs = prose.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://www.acme.example/docs');
    expect(hrefs).toContain('http://www.acme.example');
  });

  it('renders citations as footnotes filled in from the sources, numbered by first use', () => {
    const refs = prose.querySelectorAll('a[data-footnote-ref]');
    expect(refs.map((a) => a.text)).toEqual(['1', '2', '1', '3']);
    const notes = prose.querySelectorAll('section.footnotes li');
    expect(notes.map((li) => li.id)).toEqual(['user-content-fn-acme-blog', 'user-content-fn-acme-readme', 'user-content-fn-aside']);
    const first = notes[0]!;
    expect(first.querySelector('a')!.getAttribute('href')).toBe('https://engineering.acme.example/pages');
    expect(first.text).toContain('How Acme serves pages. Acme Engineering, 2 May 2024.');
    expect(notes[1]!.text).toContain('Acme README. GitHub (acme).');
    expect(notes[2]!.text).toContain('Written by hand, not generated from a source.');
    expect(prose.querySelector('#footnote-label')!.text).toBe('Citations');
  });
});

describe("a renamed entry's old id (aliases in a library)", () => {
  it('redirects /libraries/<alias>/ to the library, with a canonical link to it', () => {
    const redirect = readPage('/libraries/gadget/', siteDir);
    expect(redirect.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0;url=/libraries/widget/');
    expect(redirect.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/\/libraries\/widget\/$/);
  });
});
