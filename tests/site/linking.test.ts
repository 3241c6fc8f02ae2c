/**
 * Made to be linked: articles, backlinks, section links, redirects, previews, feeds, the cite box and
 * the embeddable card, checked in the built site (and, where only a browser can tell, in Chromium).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { contentEntries, dist, htmlPages, linksOf, readPage } from '../helpers/dist.ts';
import { useSiteBrowser } from '../helpers/site-browser.ts';

const site = 'https://python-at-scale.example.org';
const companies = contentEntries('companies');
const libraries = contentEntries('libraries');
const tricks = contentEntries('tricks');
const posts = contentEntries('posts');
const entryPages = [
  ...companies.map((c) => ({ kind: 'companies', id: c.id })),
  ...libraries.map((l) => ({ kind: 'libraries', id: l.id })),
  ...tricks.map((t) => ({ kind: 'tricks', id: t.id })),
  ...posts.map((p) => ({ kind: 'posts', id: p.id })),
];
/** A frontmatter date as the page's datetime writes it, whether YAML read it as a date or as text. */
const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const isRedirect = (p: string) => readPage(p).querySelector('meta[http-equiv="refresh"]') !== null;
const contentPages = htmlPages().filter((p) => !isRedirect(p) && !p.startsWith('/embed/'));

describe('articles', () => {
  it('lists every article on /posts/ newest first with date, reading time and companies', () => {
    expect(posts.length).toBeGreaterThan(0);
    const index = readPage('/posts/');
    for (const post of posts) expect(linksOf(index)).toContain(`/posts/${post.id}/`);
    expect(index.querySelectorAll('.post-list__meta').every((m) => /\d{1,2} \w+ \d{4} · \d+ min read ·/.test(m.text))).toBe(true);
  });

  it.each(posts)('$id shows its date, reading time and the companies it covers, and links into profiles', (post) => {
    const page = readPage(`/posts/${post.id}/`);
    const meta = page.querySelector('.post-meta')!;
    expect(meta.querySelector('time')!.getAttribute('datetime')).toBe(isoDay(post.data.published));
    expect(meta.text).toMatch(/\d+ min read/);
    for (const id of post.data.companies as string[]) expect(linksOf(meta)).toContain(`/companies/${id}/`);
    const bodyLinks = linksOf(page.querySelector('.prose')!);
    expect(bodyLinks.filter((href) => /^\/companies\/[a-z]+\/#/.test(href)).length).toBeGreaterThan(3);
  });
});

/** The links under "Mentioned in" on a page; none when nothing mentions it (the section is left out). */
function mentionsOf(sitePath: string): string[] {
  const section = readPage(sitePath).querySelector('.mentioned-in');
  return section ? linksOf(section) : [];
}

describe('backlinks', () => {
  it.each(companies)('the $id profile lists every article that covers it under "Mentioned in"', (company) => {
    const mentioned = mentionsOf(`/companies/${company.id}/`);
    for (const post of posts.filter((p) => (p.data.companies as string[]).includes(company.id))) {
      expect(mentioned).toContain(`/posts/${post.id}/`);
    }
  });

  it('every library and trick page lists the companies that reference it and the pages that link to it', () => {
    for (const library of libraries) {
      const mentioned = mentionsOf(`/libraries/${library.id}/`);
      for (const company of companies.filter((c) => (c.data.libraries as { library: string }[]).some((u) => u.library === library.id))) {
        expect(mentioned, library.id).toContain(`/companies/${company.id}/`);
      }
    }
    // A body link is a mention too: the "common thread" article links the CLIF page in its text.
    for (const post of posts) {
      const page = `/posts/${post.id}/`;
      for (const target of new Set(linksOf(readPage(page).querySelector('.prose')!).filter((href) => /^\/(libraries|tricks)\/[a-z0-9-]+\/$/.test(href)))) {
        expect(mentionsOf(target), `${target} ← ${page}`).toContain(page);
      }
    }
  });
});

describe('permanent section links', () => {
  it.each(entryPages)('every h2 and h3 on /$kind/$id/ has an id and a copy-link control', ({ kind, id }) => {
    const page = readPage(`/${kind}/${id}/`);
    const headings = page.querySelectorAll('main h2, main h3').filter((h) => h.id !== 'footnote-label');
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) {
      expect(heading.id, heading.text).toMatch(/^[a-z0-9-]+$/);
      const control = heading.nextElementSibling;
      expect(control?.getAttribute('href'), heading.id).toBe(`#${heading.id}`);
      expect(control?.getAttribute('aria-label')).toBe(`Copy link to section: ${heading.text.trim()}`);
      expect(control?.getAttribute('data-pagefind-ignore')).toBe('all');
    }
  });
});

describe('previews and metadata', () => {
  it('every page has a canonical URL, a description, Open Graph and Twitter card tags', () => {
    for (const p of contentPages) {
      const page = readPage(p);
      const meta = (sel: string) => page.querySelector(sel)?.getAttribute('content');
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, p).toBe(`${site}${p === '/404.html' ? '/404.html' : p}`);
      expect(meta('meta[property="og:url"]'), p).toBe(canonical);
      expect(meta('meta[property="og:title"]'), p).toBeTruthy();
      expect(meta('meta[property="og:description"]'), p).toBe(meta('meta[name="description"]'));
      expect(meta('meta[property="og:image"]'), p).toMatch(new RegExp(`^${site}/og/.+\\.png$`));
      expect(meta('meta[name="twitter:card"]'), p).toBe('summary_large_image');
    }
  });

  it.each(entryPages)('/$kind/$id/ previews with its own image and carries JSON-LD', ({ kind, id }) => {
    const page = readPage(`/${kind}/${id}/`);
    expect(page.querySelector('meta[property="og:image"]')!.getAttribute('content')).toBe(`${site}/og/${kind}/${id}.png`);
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.text);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe({ companies: 'Article', libraries: 'SoftwareSourceCode', tricks: 'TechArticle', posts: 'BlogPosting' }[kind]);
    expect(ld.url).toBe(`${site}/${kind}/${id}/`);
    // The source list is on the page, in the JSON API and in the Markdown version; not repeated here.
    expect(ld.citation).toBeUndefined();
  });

  it('the sitemap lists every entry page and index, and no redirect or embed', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(site, ''));
    for (const { kind, id } of entryPages) expect(locs).toContain(`/${kind}/${id}/`);
    for (const index of ['/', '/companies/', '/libraries/', '/tricks/', '/posts/', '/compare/']) expect(locs).toContain(index);
    expect(locs.filter((l) => l.startsWith('/embed/') || l === '/companies/youtube/')).toEqual([]);
  });

  it('the RSS feed carries every article and every profile update, with absolute links', () => {
    const feed = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toHaveLength(posts.length + companies.length);
    for (const post of posts) expect(links).toContain(`${site}/posts/${post.id}/`);
    for (const company of companies) expect(links).toContain(`${site}/companies/${company.id}/`);
    expect(readPage('/').querySelector('link[rel="alternate"][type="application/rss+xml"]')!.getAttribute('href')).toBe('/rss.xml');
  });
});

describe('cite or link, and the embeddable card', () => {
  it.each(companies)('the $id profile offers its permalink, Markdown, HTML and an embed snippet', (company) => {
    const page = readPage(`/companies/${company.id}/`);
    const url = `${site}/companies/${company.id}/`;
    const value = (id: string) => page.querySelector(`#${id}`)!.getAttribute('value')!;
    expect(value('cite-permalink')).toBe(url);
    expect(value('cite-markdown')).toBe(`[${company.data.name}: Python at scale](${url})`);
    expect(value('cite-html').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>')).toBe(`<a href="${url}">${company.data.name}: Python at scale</a>`);
    expect(value('cite-embed')).toContain(`${site}/embed/companies/${company.id}/`);
  });

  it.each(companies)('/embed/companies/$id/ is small, has no JavaScript and points back to the profile', (company) => {
    const file = path.join(dist, 'embed', 'companies', company.id, 'index.html');
    const html = readFileSync(file, 'utf8');
    const page = readPage(`/embed/companies/${company.id}/`);
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${site}/companies/${company.id}/`);
    const css = page.querySelectorAll('link[rel="stylesheet"]').map((l) => statSync(path.join(dist, l.getAttribute('href')!)).size);
    expect(html.length + css.reduce((a, b) => a + b, 0)).toBeLessThan(8_000);
    expect(page.querySelectorAll('a[target="_top"]').length).toBeGreaterThan(0);
  });
});

describe('a body link to a page or section that does not exist', () => {
  it('fails the build naming the page, the link and the file and line it was written on', async () => {
    const { code, output } = await astroBuild({ content: 'tests/fixtures/broken-link', outDir: '.cache/test-broken-link-dist' });
    expect(code).not.toBe(0);
    expect(output).toContain('2 broken links in the built site');
    expect(output).toContain('/companies/acme/ → /libraries/nope/: no page or file is published there');
    expect(output).toContain('/companies/acme/ → /tricks/caching/#no-such-section: /tricks/caching/ has no element with id "no-such-section"');
    expect(output).toMatch(/written at tests\/fixtures\/broken-link\/companies\/acme\.mdx:\d+/);
    // A whole build: on two cores busy with other builds it takes minutes, not the 60 s a test gets.
  }, 600_000);
});

describe('in the browser', () => {
  const browser = useSiteBrowser();

  it('the copy-link control is reachable by keyboard and copies the full URL of the section', async () => {
    const { page, context, problems } = await browser.open('/companies/dropbox/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const control = page.locator('#claims-and-what-the-sources-show + a.heading-link');
    await control.focus();
    expect(await control.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent === 'Link to this section copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(browser.url('/companies/dropbox/#claims-and-what-the-sources-show'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a link to a library row or a source scrolls to it and highlights it', async () => {
    const company = companies.find((c) => c.id === 'instagram')!;
    const library = (company.data.libraries as { library: string }[])[0]!.library;
    const source = (company.data.sources as { id: string }[])[0]!.id;
    for (const [hash, container] of [[`library-${library}`, 'tr'], [`source-${source}`, 'li']] as const) {
      const { page, context, problems } = await browser.open(`/companies/instagram/#${hash}`);
      const highlighted = await page.evaluate(
        ([id, tag]) => {
          const row = document.getElementById(id!)!.closest(tag!)!;
          const box = row.getBoundingClientRect();
          // A row scrolled to the top may sit a fraction of a pixel above it (layout is subpixel, scrolling is not).
          return { background: getComputedStyle(row).backgroundColor, inView: box.top > -1 && box.top < innerHeight };
        },
        [hash, container],
      );
      expect(highlighted.background, hash).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
      expect(highlighted.inView, hash).toBe(true);
      const other = await page.evaluate((tag) => getComputedStyle(document.querySelectorAll(`main tbody ${tag}:not(:target), main ol ${tag}:not(:target)`)[1]!).backgroundColor, container);
      expect(other, `${hash}: other rows`).not.toBe(highlighted.background);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('the cite box copies the Markdown link', async () => {
    const { page, context } = await browser.open('/companies/spotify/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('button[data-copy-target="cite-markdown"]').click();
    await page.waitForFunction(() => /copied/.test(document.getElementById('copy-status')?.textContent ?? ''));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`[Spotify: Python at scale](${site}/companies/spotify/)`);
    await context.close();
  });

  it('every alias redirects to its profile, section anchors included', async () => {
    for (const company of companies) {
      for (const alias of (company.data.aliases as string[] | undefined) ?? []) {
        const { page, context } = await browser.open(`/companies/${alias}/`);
        await page.waitForURL(new RegExp(`/companies/${company.id}/$`));
        await context.close();
      }
    }
    expect(existsSync(path.join(dist, 'companies', 'youtube', 'index.html'))).toBe(true);
  });
});
