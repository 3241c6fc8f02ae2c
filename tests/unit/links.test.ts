import { describe, expect, it } from 'vitest';
import { backlinkIndex, extractInternalLinks, linkedPage } from '../../src/data/backlinks.ts';
import { findBrokenLinks, isMarkdownFile, scanHtml, scanMarkdown, withoutMarkdownTwins, type ScannedPage } from '../../src/node/link-check.ts';
import { isPublishedPath, mergeLedger, publishedAnchors } from '../../src/node/ledger.ts';
import { readingMinutes } from '../../src/lib/reading-time.ts';
import { jsonLdScript } from '../../src/lib/json-ld.ts';

describe('extractInternalLinks', () => {
  it('finds root-relative links with their lines, skipping code and external links', () => {
    const body = [
      'See [Django](/libraries/django/) and [the claims](/companies/google/#claims-and-what-the-sources-show "title").',
      'External [site](https://example.org/) is not internal.',
      '`[not a link](/x/)` in code.',
      '```',
      '[fenced](/y/)',
      '```',
      'Last [one](/tricks/gc-freeze/).',
    ].join('\n');
    expect(extractInternalLinks(body)).toEqual([
      { url: '/libraries/django/', line: 1 },
      { url: '/companies/google/#claims-and-what-the-sources-show', line: 1 },
      { url: '/tricks/gc-freeze/', line: 7 },
    ]);
  });

  it.each([
    ['/companies/google/#timeline', '/companies/google/'],
    ['/companies/google', '/companies/google/'],
    ['/search/?q=x', '/search/'],
    ['/rss.xml', '/rss.xml'],
  ])('%s is on page %s', (url, page) => expect(linkedPage(url)).toBe(page));
});

describe('backlinkIndex', () => {
  it('lists each mentioning page once, never a page under itself', () => {
    const a = { path: '/a/' };
    const b = { path: '/b/' };
    const index = backlinkIndex([
      { page: a, targets: ['/b/', '/b/', '/a/', '/c/'] },
      { page: b, targets: ['/c/'] },
    ]);
    expect(index.get('/b/')).toEqual([a]);
    expect(index.get('/c/')).toEqual([a, b]);
    expect(index.has('/a/')).toBe(false);
  });
});

describe('findBrokenLinks', () => {
  const page = (html: string): ScannedPage => scanHtml(html);
  const site = new Map<string, ScannedPage>([
    ['/', page('<main id="main"><a href="/companies/acme/#figures">x</a><a href="https://example.org/">e</a><link href="/_astro/a.css"></main>')],
    ['/companies/acme/', page('<h2 id="figures">F</h2><a href="#figures">#</a><a href="../../libraries/widget/">w</a>')],
    ['/companies/acme-corp/', page('<meta http-equiv="refresh" content="0;url=/companies/acme/">')],
    ['/libraries/widget/', page('<a href="/companies/acme-corp/#figures">via alias</a><a href="/companies/acme-corp/#nope">bad anchor via alias</a>')],
    ['/tricks/x/', page('<a href="/libraries/nope/">gone</a><a href="/companies/acme/#missing">m</a><img src="/img/none.png"><a href="/rss.xml">feed</a>')],
  ]);
  const files = new Set(['/_astro/a.css', '/rss.xml']);

  it('passes good links, external links, assets, relative links and redirects', () => {
    const broken = findBrokenLinks(site, files).map((b) => `${b.page} ${b.href}`);
    expect(broken).not.toContain('/ /companies/acme/#figures');
    expect(broken).not.toContain('/libraries/widget/ /companies/acme-corp/#figures');
    expect(broken.some((b) => b.startsWith('/ ') || b.startsWith('/companies/'))).toBe(false);
  });

  it('reports missing pages, missing anchors (also behind a redirect) and missing files', () => {
    expect(findBrokenLinks(site, files)).toEqual([
      { page: '/libraries/widget/', href: '/companies/acme-corp/#nope', reason: '/companies/acme/ has no element with id "nope"' },
      { page: '/tricks/x/', href: '/libraries/nope/', reason: 'no page or file is published there' },
      { page: '/tricks/x/', href: '/companies/acme/#missing', reason: '/companies/acme/ has no element with id "missing"' },
      { page: '/tricks/x/', href: '/img/none.png', reason: 'no page or file is published there' },
    ]);
  });

  it('checks links against a base path', () => {
    const based = new Map([
      ['/', page('<a href="/kb/companies/acme/">ok</a><a href="/companies/acme/">outside</a>')],
      ['/companies/acme/', page('<p>acme</p>')],
    ]);
    expect(findBrokenLinks(based, new Set(), '/kb/').map((b) => b.href)).toEqual(['/companies/acme/']);
  });
});

describe('Markdown files in the link check', () => {
  const origin = 'https://kb.example.org';
  const markdown = [
    '# Site',
    '',
    `- [Acme](${origin}/kb/companies/acme.md): summary [Web page](${origin}/kb/companies/acme/#figures)`,
    `- [Gone](${origin}/kb/libraries/nope/) and [elsewhere](https://example.com/kb/libraries/nope/)`,
    '',
    `See [the feed][feed] and ${origin}/kb/rss.xml.`,
    '',
    `[feed]: ${origin}/kb/rss.xml`,
    '',
    '`https://kb.example.org/kb/in-code/` is not a link.',
  ].join('\n');

  it('knows which files are Markdown', () => {
    expect(['/llms.txt', '/companies/acme.md'].map(isMarkdownFile)).toEqual([true, true]);
    expect(['/robots.txt', '/companies/acme/', '/api/claims.csv'].map(isMarkdownFile)).toEqual([false, false, false]);
  });

  it('reads the links to the site, root-relative, and leaves other sites and code alone', () => {
    expect(scanMarkdown(markdown, origin).links).toEqual(['/kb/companies/acme.md', '/kb/companies/acme/#figures', '/kb/libraries/nope/', '/kb/rss.xml', '/kb/rss.xml']);
  });

  it('skips a line whose links the pages already make, and reads every other line in full', () => {
    const known = new Set(['/kb/companies/acme.md', '/kb/companies/acme/#figures', '/kb/rss.xml']);
    // The first list line links only known URLs; the second has a new one; the sentence's bare URL is
    // cut at its full stop, which no page links, so that line is read; the definition's line is not.
    expect(scanMarkdown(markdown, origin, known).links).toEqual(['/kb/libraries/nope/', '/kb/rss.xml']);
    expect(scanMarkdown(`- [A](${origin}/kb/a/) and [B](${origin}/kb/b/)`, origin, new Set(['/kb/a/'])).links).toEqual(['/kb/a/', '/kb/b/']);
    expect(scanMarkdown(`- [A](${origin}/kb/a/)`, origin, new Set(['/kb/a/'])).links).toEqual([]);
  });

  it('reports a broken link or anchor in a Markdown file as in a page', () => {
    const pages = new Map<string, ScannedPage>([
      ['/llms.txt', scanMarkdown(`${markdown}\n\n[bad anchor](${origin}/kb/companies/acme/#nope)`, origin)],
      ['/companies/acme.md', scanMarkdown('# Acme', origin)],
      ['/companies/acme/', scanHtml('<h2 id="figures">F</h2>')],
    ]);
    expect(findBrokenLinks(pages, new Set(['/rss.xml']), '/kb/')).toEqual([
      { page: '/llms.txt', href: '/kb/libraries/nope/', reason: 'no page or file is published there' },
      { page: '/llms.txt', href: '/kb/companies/acme/#nope', reason: '/companies/acme/ has no element with id "nope"' },
    ]);
  });

  it('reports a link broken on a page and in its Markdown version once, and one broken only in the Markdown', () => {
    const broken = [
      { page: '/companies/acme/', href: '/libraries/nope/', reason: 'gone' },
      { page: '/companies/acme.md', href: '/libraries/nope/', reason: 'gone' },
      { page: '/companies/acme.md', href: '/tricks/nope/', reason: 'gone' },
      { page: '/llms.txt', href: '/libraries/nope/', reason: 'gone' },
    ];
    expect(withoutMarkdownTwins(broken).map((b) => `${b.page} ${b.href}`)).toEqual(['/companies/acme/ /libraries/nope/', '/companies/acme.md /tricks/nope/', '/llms.txt /libraries/nope/']);
  });
});

describe('the ledger', () => {
  it('promises section headings and table rows, not footnote labels', () => {
    const html = '<h2 id="at-a-glance">A</h2><h3 id="figures">F</h3><h2 id="footnote-label">C</h2><table><tr id="library-django"><td>D</td></tr></table><ul><li id="source-x">S</li></ul><p id="other">';
    expect(publishedAnchors(html)).toEqual(['at-a-glance', 'figures', 'library-django', 'source-x']);
  });

  it('leaves out hashed assets and the search index', () => {
    expect(['/companies/x/', '/rss.xml', '/api/companies.json', '/og/companies/x.png'].every(isPublishedPath)).toBe(true);
    expect(['/_astro/a.js', '/pagefind/pagefind.js', '/favicon.svg', '/404.html'].some(isPublishedPath)).toBe(false);
  });

  it('adds new URLs and anchors and never drops old ones', () => {
    const before = { about: 'x', urls: { '/a/': ['one'], '/gone/': [] } };
    const { ledger, added } = mergeLedger(before, { '/a/': ['two'], '/b/': ['x'] });
    expect(ledger.urls).toEqual({ '/a/': ['one', 'two'], '/b/': ['x'], '/gone/': [] });
    expect(added).toEqual(['/a/#two', '/b/']);
  });
});

describe('small helpers', () => {
  it('reads 220 words a minute, at least one', () => {
    expect(readingMinutes('word '.repeat(1100))).toBe(5);
    expect(readingMinutes('short [link](/x/)[^src]')).toBe(1);
  });

  it('escapes JSON-LD so it cannot close its script element', () => {
    const text = jsonLdScript({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ '@context': 'https://schema.org', name: '</script><script>alert(1)</script>' });
  });
});
