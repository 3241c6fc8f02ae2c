/** The Markdown versions of entry pages (src/api/markdown.ts) and /llms.txt (src/api/llms-txt.ts). */
import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { markdownBuilder, type MarkdownInput } from '../../src/api/markdown.ts';
import { llmsTxt } from '../../src/api/llms-txt.ts';
import { urlBuilder } from '../../src/api/schemas.ts';
import { libraryUsage, trickUsage } from '../../src/data/graph.ts';
import { companySchema } from '../../src/schemas/company.ts';
import { librarySchema } from '../../src/schemas/library.ts';
import { trickSchema } from '../../src/schemas/trick.ts';
import { postSchema } from '../../src/schemas/post.ts';
import { claimSchema } from '../../src/schemas/claim.ts';

const site = 'https://kb.example.org';
const source = (id: string, url = `https://example.com/${id}`) => ({ id, title: `About ${id}`, publisher: 'Example Engineering', url, date: '2020-05' });

const acme = {
  id: 'acme',
  data: companySchema.parse({
    name: 'Acme',
    summary: 'Acme runs Python.',
    role: { summary: 'Python serves the web backend.', areas: ['web-backend'] },
    libraries: [{ library: 'django', use: 'Acme serves every page with Django.', source: 'blog' }],
    scaleTricks: [{ trick: 'gc-freeze', how: 'Acme freezes the heap before forking.', source: 'talk' }],
    figures: [
      { label: 'Pages served', value: 2000000000, unit: 'pages a day', asOf: '2024-05', source: 'blog' },
      { label: 'Pages served', value: 400000000, unit: 'pages a day', asOf: '2016', source: 'talk' },
    ],
    movedAway: [{ what: 'The queue', to: 'Go', when: '2019', why: 'To use less memory.', source: 'talk' }],
    timeline: [{ date: '2012-04', event: 'Started on Django.', source: 'blog' }],
    sources: [source('blog'), source('talk'), source('shared', 'https://example.com/shared-post')],
    reviewed: '2026-01-05',
  }),
  body: [
    '## What Python does here',
    '',
    'Acme serves pages with [Django](/libraries/django/) and [freezes](/tricks/gc-freeze/#the-pattern) its heap.[^blog] See [below](#claims).[^aside]',
    '',
    '[^aside]: Written by hand.',
    '',
    '## Claims',
    '',
    '<Claims company="acme" />',
  ].join('\n'),
};

const claims = [
  {
    id: 'acme-runs-on-cobol',
    data: claimSchema.parse({
      claim: 'Acme runs on COBOL',
      companies: ['acme'],
      verdict: false,
      rerated: [{ verdict: 'unsupported', until: '2026-01-05' }],
      reviewed: '2026-01-05',
      circulates: { description: 'Forum threads' },
      // Same id as a profile source, another URL: its footnote label must not collide.
      sources: [{ ...source('blog', 'https://other.example/blog'), checked: '2026-01-05' }],
    }),
    body: 'Acme writes Python, says [its profile](/companies/acme/).[^blog]',
  },
  {
    id: 'acme-shared',
    data: claimSchema.parse({
      claim: 'Acme shares everything',
      companies: ['acme'],
      verdict: 'partly-true',
      reviewed: '2026-01-05',
      // Same URL as the profile's "shared" source, another id: the profile's footnote is reused.
      sources: [{ ...source('shared-copy', 'https://example.com/shared-post'), checked: '2026-01-05' }],
    }),
    body: 'Partly.[^shared-copy]',
  },
  {
    id: 'acme-article-claim',
    data: claimSchema.parse({
      claim: 'Acme invented caching',
      companies: ['acme'],
      article: 'notes',
      verdict: 'unsupported',
      reviewed: '2026-01-05',
      sources: [{ ...source('talk'), checked: '2026-01-05' }],
    }),
    body: 'No source says so.[^talk]',
  },
];

const libraries = [
  {
    id: 'django',
    data: librarySchema.parse({ name: 'Django', kind: 'web', language: 'Python', homepage: 'https://www.djangoproject.com/', summary: 'A web framework.', reviewed: '2026-11-21', sources: [source('blog')] }),
    body: 'Django is a framework.[^blog]',
  },
];
const tricks = [{ id: 'gc-freeze', data: trickSchema.parse({ name: 'Freezing the GC', summary: 'Keep the collector off shared pages.', category: 'memory', reviewed: '2026-11-21' }), body: '## The pattern\n\nFreeze it.' }];
const posts = [
  {
    id: 'notes',
    data: postSchema.parse({ title: 'Notes', description: 'Some notes.', published: '2026-01-01', updated: '2026-02-01', companies: ['acme'], sources: [source('talk')] }),
    body: 'One claim checked:[^talk]\n\n## A claim\n\n<Claim id="acme-article-claim" level={4} />',
  },
];

function input(): MarkdownInput & Parameters<typeof llmsTxt>[0] {
  const companies = [acme];
  const nodes = companies.map((c) => ({ id: c.id, name: c.data.name, libraries: c.data.libraries, scaleTricks: c.data.scaleTricks }));
  const libraryUsers = libraryUsage(nodes);
  const trickUsers = trickUsage(nodes);
  const byId = <T extends { id: string }>(entries: readonly T[]) => (id: string) => {
    const found = entries.find((entry) => entry.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  return {
    companies,
    libraries,
    tricks,
    posts,
    claims,
    company: byId(companies),
    library: byId(libraries),
    trick: byId(tricks),
    post: byId(posts),
    claim: byId(claims),
    claimsAbout: (id) => claims.filter((c) => !c.data.article && c.data.companies.includes(id)),
    libraryUsers: (id) => libraryUsers.get(id) ?? [],
    trickUsers: (id) => trickUsers.get(id) ?? [],
  };
}

/** The footnote labels a document cites and the ones it defines, read back with a Markdown parser. */
function footnotesOf(markdown: string) {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const cited = new Set<string>();
  const defined = new Map<string, string>();
  const links: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'footnoteReference') cited.add(node.identifier);
    if (node.type === 'footnoteDefinition') {
      const urls: string[] = [];
      visit(node, 'link', (l) => void urls.push(l.url));
      defined.set(node.identifier, urls.join(' '));
    }
    if (node.type === 'link') links.push(node.url);
  });
  return { cited, defined, links };
}

describe('entry pages as Markdown', () => {
  const md = markdownBuilder(input(), { site, base: '/' });
  const company = md.company('acme');

  it('starts with the title, the summary, the canonical page and the reviewed date', () => {
    expect(company.startsWith('# Acme: Python at scale\n\n> Acme runs Python.\n')).toBe(true);
    expect(company).toContain(`- Page: [${site}/companies/acme/](${site}/companies/acme/)`);
    expect(company).toContain('Reviewed against its sources: 2026-01-05');
    expect(company).toContain(`[JSON](${site}/api/companies/acme.json)`);
  });

  it('keeps every citation as a footnote, each one defined from its source', () => {
    const { cited, defined } = footnotesOf(company);
    expect(cited.size).toBeGreaterThan(0);
    for (const label of cited) expect(defined.has(label), label).toBe(true);
    expect(defined.get('blog')).toBe('https://example.com/blog');
    expect(company).toContain('[^blog]: [About blog](https://example.com/blog). Example Engineering, May 2020.');
    expect(defined.get('aside')).toBe('');
    expect(company).toContain('[^aside]: Written by hand.');
  });

  it('footnotes every At-a-glance row and gives every figure its value, unit and as-of date', () => {
    expect(company).toMatch(/\| \[Django\]\(https:\/\/kb\.example\.org\/libraries\/django\/\) \| Acme serves every page with Django\.\[\^blog\] \|/);
    expect(company).toMatch(/Acme freezes the heap before forking\.\[\^talk\]/);
    expect(company).toMatch(/\| Pages served \| 2 billion pages a day \| May 2024\[\^blog\] \|/);
    expect(company).toMatch(/\| Pages served \| 400 million pages a day \| 2016\[\^talk\] \|/);
    expect(company).toMatch(/\| The queue \| Go \| 2019 \| To use less memory\.\[\^talk\] \|/);
    expect(company).toContain('- **April 2012**: Started on Django.[^blog]');
  });

  it('makes every link absolute, anchors included', () => {
    const { links } = footnotesOf(company);
    for (const url of links) expect(url, url).toMatch(/^https:\/\//);
    expect(links).toContain(`${site}/libraries/django/`);
    expect(links).toContain(`${site}/tricks/gc-freeze/#the-pattern`);
    expect(links).toContain(`${site}/companies/acme/#claims`);
    expect(links).toContain(`${site}/areas/web-backend/`);
  });

  it('inlines the profile’s claims, with footnotes that cannot collide with the profile’s', () => {
    expect(company).toContain('### Often said: Acme runs on COBOL.');
    expect(company).toContain(`**Verdict: False** · [Permanent link](${site}/claims/#acme-runs-on-cobol) · rated Unsupported until 5 January 2026 · Circulates in: Forum threads`);
    expect(company).toContain('### Often said: Acme shares everything.');
    expect(company).not.toContain('Acme invented caching');
    const { cited, defined } = footnotesOf(company);
    // The claim's "blog" is another URL than the profile's: namespaced by the claim's id.
    expect(cited).toContain('acme-runs-on-cobol-blog');
    expect(defined.get('acme-runs-on-cobol-blog')).toBe('https://other.example/blog');
    expect(defined.get('blog')).toBe('https://example.com/blog');
    // The other claim's source is the profile's "shared" source: the profile's footnote is reused.
    expect(cited).toContain('shared');
    expect(cited).not.toContain('acme-shared-shared-copy');
    expect(company).toContain('Partly.[^shared]');
    // Written from the profile's own source.
    expect(company).toContain('[^shared]: [About shared](https://example.com/shared-post)');
    expect(company).toContain(`[Every checked claim, for every company](${site}/claims/)`);
    expect(company).not.toMatch(/<Claims?\b/);
  });

  it('lists the companies that use a library or trick, each use footnoted to the company’s source', () => {
    const library = md.library('django');
    expect(library.startsWith('# Django: who uses it at scale\n')).toBe(true);
    expect(library).toContain('## Used by');
    // The company's "blog" source is the same URL as the library's own: one footnote.
    expect(library).toContain(`- [Acme](${site}/companies/acme/): Acme serves every page with Django.[^blog]`);
    const trick = md.trick('gc-freeze');
    expect(trick).toContain('## Who does it, and how');
    expect(trick).toContain(`- [Acme](${site}/companies/acme/): Acme freezes the heap before forking.[^acme-talk]`);
    expect(footnotesOf(trick).defined.get('acme-talk')).toBe('https://example.com/talk');
  });

  it('shows an article’s claim in place, at the level it asks for', () => {
    const post = md.post('notes');
    expect(post).toContain('Published: 2026-01-01');
    expect(post).toContain('Updated: 2026-02-01');
    expect(post).toContain(`Covers: [Acme](${site}/companies/acme/)`);
    expect(post).toContain('#### Often said: Acme invented caching.');
    expect(post).toContain('**Verdict: Unsupported**');
    // The claim cites the same URL as the article: one footnote.
    expect(footnotesOf(post).cited).toEqual(new Set(['talk']));
  });

  it('carries the base path in every link to the site', () => {
    const based = markdownBuilder(input(), { site, base: '/kb/' }).company('acme');
    const { links } = footnotesOf(based);
    const own = links.filter((url) => url.startsWith(site));
    expect(own.length).toBeGreaterThan(5);
    for (const url of own) expect(url, url).toMatch(/^https:\/\/kb\.example\.org\/kb\//);
    expect(links).toContain(`${site}/kb/libraries/django/`);
    expect(links).toContain(`${site}/kb/claims/#acme-runs-on-cobol`);
  });

  it('stops at a citation that names no source, and at a component it cannot write', () => {
    const broken = input();
    const bad = { ...acme, body: 'Text.[^nope]' };
    expect(() => markdownBuilder({ ...broken, company: () => bad }, { site, base: '/' }).company('acme')).toThrow(/companies\/acme: footnote \[\^nope\] names no source/);
    const widget = { ...acme, body: '<Widget />' };
    expect(() => markdownBuilder({ ...broken, company: () => widget }, { site, base: '/' }).company('acme')).toThrow(/<Widget \/> has no Markdown form/);
  });
});

describe('/llms.txt', () => {
  const text = llmsTxt(input(), urlBuilder(site, '/'));

  it('follows the llmstxt.org shape: an H1, a blockquote, then H2 sections of link lists', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Python at Scale');
    expect(lines[2]).toMatch(/^> /);
    const sections = lines.filter((line) => line.startsWith('## '));
    expect(sections).toEqual(['## Companies', '## Libraries', '## Scale tricks', '## Claims', '## Articles', '## Data']);
  });

  it('links each entry’s Markdown with its summary, and its web page', () => {
    expect(text).toContain(`- [Acme](${site}/companies/acme.md): Acme runs Python. [Web page](${site}/companies/acme/)`);
    expect(text).toContain(`- [Django](${site}/libraries/django.md): A web framework. [Web page](${site}/libraries/django/)`);
    expect(text).toContain(`- [Notes](${site}/posts/notes.md): Some notes. [Web page](${site}/posts/notes/)`);
  });

  it('lists each claim with its verdict, linked to its permanent anchor', () => {
    expect(text).toContain(`- [Acme runs on COBOL](${site}/claims/#acme-runs-on-cobol): False. About Acme.`);
    expect(text).toContain(`- [Acme invented caching](${site}/claims/#acme-article-claim): Unsupported. About Acme.`);
  });

  it('lists the data files, under the base path', () => {
    const based = llmsTxt(input(), urlBuilder(site, '/kb/'));
    for (const file of ['api/companies.json', 'api/claims.json', 'api/claims.csv', 'api/figures.csv', 'sitemap-index.xml', 'rss.xml']) {
      expect(based).toContain(`(${site}/kb/${file})`);
    }
    expect(based).toContain(`(${site}/kb/companies/acme.md)`);
  });
});
