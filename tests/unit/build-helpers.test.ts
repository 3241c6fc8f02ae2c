import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element, Properties, Root } from 'hast';
import { aliasRedirects } from '../../src/node/content-files.ts';
import rehypeBaseLinks from '../../src/markdown/rehype-base-links.ts';
import rehypeUnindexedFootnotes from '../../src/markdown/rehype-unindexed-footnotes.ts';
import { cspFromHtml, headersFile } from '../../src/integrations/security-headers.ts';
import { keepHashes, narrowPageCsp, readPageCsp, sitePolicy } from '../../src/node/csp.ts';
import { createHash } from 'node:crypto';
import { headingLinkOptions, textOf } from '../../src/markdown/heading-links.ts';

function contentWith(files: Record<string, string>, more: Record<string, Record<string, string>> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pas-aliases-'));
  for (const [folder, folderFiles] of Object.entries({ companies: files, ...more })) {
    mkdirSync(path.join(root, folder));
    for (const [name, text] of Object.entries(folderFiles)) writeFileSync(path.join(root, folder, name), text);
  }
  return root;
}

describe('aliasRedirects', () => {
  const root = contentWith({
    'google.mdx': '---\nname: Google\naliases: [youtube, yt]\n---\nBody',
    'acme.mdx': '---\nname: Acme\n---\n',
    'broken.mdx': '---\nname: [unclosed\n---\n',
    'no-frontmatter.mdx': 'Just text',
  });

  it('redirects each alias to its profile and skips files it cannot read', () => {
    expect(aliasRedirects(root)).toEqual({ '/companies/youtube': '/companies/google/', '/companies/yt': '/companies/google/' });
  });

  it('puts the base path on the destination', () => {
    expect(aliasRedirects(root, '/kb/')['/companies/youtube']).toBe('/kb/companies/google/');
  });

  it("redirects a renamed library's, trick's or article's old id to its page", () => {
    const renamed = contentWith(
      {},
      {
        libraries: { 'tensorflow-serving.mdx': '---\nname: TF Serving\naliases: [tf-serving]\n---\n' },
        tricks: { 'prefork-copy-on-write.mdx': '---\nname: Pre-fork\naliases: [fork-and-share]\n---\n' },
        posts: { 'the-common-thread.mdx': '---\ntitle: Thread\naliases: [common-thread]\n---\n' },
        claims: { 'a-claim.mdx': '---\nclaim: x\naliases: [not-a-page]\n---\n' },
      },
    );
    expect(aliasRedirects(renamed, '/kb/')).toEqual({
      '/libraries/tf-serving': '/kb/libraries/tensorflow-serving/',
      '/tricks/fork-and-share': '/kb/tricks/prefork-copy-on-write/',
      '/posts/common-thread': '/kb/posts/the-common-thread/',
    });
  });

  it('gives nothing for a content root without companies', () => {
    expect(aliasRedirects(path.join(root, 'missing'))).toEqual({});
  });
});

describe('rehypeBaseLinks', () => {
  const tree = (): Root => ({
    type: 'root',
    children: ['/libraries/django/', 'https://example.org/', '//cdn.example/x', '#figures', '/kb/already/'].map((href) => ({
      type: 'element',
      tagName: 'a',
      properties: { href },
      children: [],
    })),
  });
  const hrefs = (t: Root) => t.children.map((n) => (n.type === 'element' ? n.properties.href : undefined));

  it('prefixes root-relative links only, once', () => {
    const t = tree();
    rehypeBaseLinks({ base: '/kb/' })(t);
    expect(hrefs(t)).toEqual(['/kb/libraries/django/', 'https://example.org/', '//cdn.example/x', '#figures', '/kb/already/']);
  });

  it('leaves everything alone at the root', () => {
    const t = tree();
    rehypeBaseLinks({ base: '/' })(t);
    expect(hrefs(t)).toEqual(hrefs(tree()));
  });
});

describe('rehypeUnindexedFootnotes', () => {
  it('marks footnote references and the footnotes section, and only them, to be left out of the search index', () => {
    const sup = (a: Properties): Element => ({
      type: 'element',
      tagName: 'sup',
      properties: {},
      children: [{ type: 'element', tagName: 'a', properties: a, children: [{ type: 'text', value: '1' }] }],
    });
    const section = (properties: Properties): Element => ({ type: 'element', tagName: 'section', properties, children: [] });
    const t: Root = {
      type: 'root',
      children: [
        sup({ href: '#user-content-fn-x', dataFootnoteRef: '' }),
        sup({ href: '#note' }),
        section({ dataFootnotes: '', className: ['footnotes'] }),
        section({ className: ['footnotes'] }),
      ],
    };
    rehypeUnindexedFootnotes()(t);
    const props = t.children.map((n) => (n.type === 'element' ? n.properties : undefined));
    expect(props).toEqual([
      { dataPagefindIgnore: '' },
      {},
      { dataFootnotes: '', className: ['footnotes'], dataPagefindIgnore: '' },
      { className: ['footnotes'] },
    ]);
  });
});

describe('security headers', () => {
  it('reads the CSP from a page and writes it into _headers for every path under the base', () => {
    const csp = cspFromHtml(`<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">`);
    expect(csp).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    // As Astro writes it: quotes as entities, the header name in any case.
    expect(cspFromHtml(`<meta http-equiv="Content-Security-Policy" content="script-src &#39;sha256-a+b=&#39; &amp; &quot;x&quot;">`)).toBe(`script-src 'sha256-a+b=' & "x"`);
    const file = headersFile(csp!, '/kb/');
    expect(file).toContain(`/kb/*\n  Content-Security-Policy: ${csp}`);
    expect(file).toContain('/kb/companies/*\n  X-Frame-Options: SAMEORIGIN');
    expect(file).not.toContain('/kb/embed/*\n  X-Frame-Options');
  });
});

describe('heading link options', () => {
  it('labels the control with the heading text and keeps it out of search', () => {
    const heading = { type: 'element' as const, tagName: 'h2', properties: { id: 'x' }, children: [{ type: 'text' as const, value: 'Scale ' }, { type: 'element' as const, tagName: 'code', properties: {}, children: [{ type: 'text' as const, value: 'gc.freeze' }] }] };
    expect(textOf(heading)).toBe('Scale gc.freeze');
    const properties = (headingLinkOptions.properties as (h: typeof heading) => Record<string, unknown>)(heading);
    expect(properties).toMatchObject({ ariaLabel: 'Copy link to section: Scale gc.freeze', dataPagefindIgnore: 'all' });
  });
});

describe('narrowing a page\'s CSP to its own hashes', () => {
  const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
  const page = (policy: string) =>
    `<html><head><meta http-equiv="content-security-policy" content="${policy}"><style>p{color:red}</style>` +
    `<script>go()</script><script type="application/ld+json">{"a":1}</script><script type="module" src="/x.js"></script></head><body></body></html>`;

  it('reads the hashes of inline styles and runnable scripts, not of data blocks or external scripts', () => {
    expect([...readPageCsp(page("script-src 'self'")).hashes].sort()).toEqual([sha('go()'), sha('p{color:red}')].sort());
  });

  it('keeps the page\'s own hashes and every other source, and drops the rest', () => {
    const policy = `default-src 'self';script-src 'self' 'wasm-unsafe-eval' '${sha('go()')}' 'sha256-other='; style-src 'self' 'sha256-gone=' '${sha('p{color:red}')}';`;
    const narrowed = narrowPageCsp(page(policy), 'x.html')!;
    expect(readPageCsp(narrowed).tag?.content).toBe(`default-src 'self';script-src 'self' 'wasm-unsafe-eval' '${sha('go()')}'; style-src 'self' '${sha('p{color:red}')}';`);
    expect(narrowed.replace(/content="[^"]*"/, '')).toBe(page(policy).replace(/content="[^"]*"/, ''));
    expect(keepHashes("script-src 'self' 'sha256-a=' 'sha256-b=';", new Set(['sha256-b=']))).toBe("script-src 'self' 'sha256-b=';");
  });

  it('gives the site-wide policy every page\'s hashes, each in its directive', () => {
    const policy = "default-src 'self';script-src 'self' 'wasm-unsafe-eval' 'sha256-old='; style-src 'self' 'sha256-old2=';";
    expect(sitePolicy(policy, ['sha256-s2=', 'sha256-s1=', 'sha256-s1='], ['sha256-c='])).toBe(
      "default-src 'self';script-src 'self' 'wasm-unsafe-eval' 'sha256-s1=' 'sha256-s2='; style-src 'self' 'sha256-c=';",
    );
  });

  it('leaves a page without a policy alone, and refuses a policy written with character references', () => {
    expect(narrowPageCsp('<p>no policy</p>', 'x.html')).toBeUndefined();
    expect(() => narrowPageCsp(`<meta http-equiv="content-security-policy" content="script-src &#39;self&#39;">`, 'x.html')).toThrow('x.html: its Content-Security-Policy <meta> is written with character references');
  });
});
