import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { FootnoteDefinition, Root } from 'mdast';
import remarkCiteSources, { CitationError } from '../../src/markdown/remark-cite-sources.ts';

const sources = [
  { id: 'newstack-py3', title: 'Instagram Makes a Smooth Move to Python 3', publisher: 'The New Stack', url: 'https://thenewstack.io/instagram-makes-smooth-move-python-3/', date: '2017-06-14' },
  { id: 'cinder-readme', title: 'Cinder', publisher: 'GitHub (facebookincubator)', url: 'https://github.com/facebookincubator/cinder' },
];

function run(markdown: string, frontmatter: Record<string, unknown> = { sources }): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCiteSources);
  const file = { path: '/repo/content/companies/instagram.mdx', cwd: '/repo', data: { astro: { frontmatter } } };
  return processor.runSync(processor.parse(markdown), file as never) as Root;
}

const definitions = (tree: Root) => tree.children.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition');

describe('remarkCiteSources', () => {
  it('writes one definition per cited source, linked to the original, in order of first citation', () => {
    const tree = run('Cinder is a fork.[^cinder-readme] It moved in 2017.[^newstack-py3] Again.[^cinder-readme]');
    const defs = definitions(tree);
    expect(defs.map((d) => d.identifier)).toEqual(['cinder-readme', 'newstack-py3']);
    const [link, text] = (defs[1]!.children[0] as { children: unknown[] }).children as [
      { type: string; url: string; children: { value: string }[] },
      { value: string },
    ];
    expect(link.type).toBe('link');
    expect(link.url).toBe('https://thenewstack.io/instagram-makes-smooth-move-python-3/');
    expect(link.children[0]!.value).toBe('Instagram Makes a Smooth Move to Python 3');
    expect(text.value).toBe('. The New Stack, 14 June 2017.');
  });

  it('leaves out the date of an undated source', () => {
    const [def] = definitions(run('Fork.[^cinder-readme]'));
    const text = (def!.children[0] as { children: { value?: string }[] }).children[1]!;
    expect(text.value).toBe('. GitHub (facebookincubator).');
  });

  it('keeps a definition the author wrote by hand', () => {
    const tree = run('Aside.[^note]\n\n[^note]: A plain note.');
    expect(definitions(tree).map((d) => d.identifier)).toEqual(['note']);
  });

  it('fails on a label that names no source, with the file, line, valid ids and closest match', () => {
    let error: unknown;
    try {
      run('Intro.\n\nIt moved.[^newstack-py2]');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CitationError);
    const message = (error as Error).message;
    expect(message).toContain('content/companies/instagram.mdx:3: footnote [^newstack-py2] names no source.');
    expect(message).toContain('Did you mean "newstack-py3"?');
    expect(message).toContain('Valid source ids (from `sources` in the frontmatter): newstack-py3, cinder-readme.');
    expect(message).toContain('Fix: use one of these ids as the footnote label (e.g. [^newstack-py3])');
  });

  it('fails when the entry has no sources at all', () => {
    expect(() => run('Claim.[^anything]', {})).toThrow(/names no source[\s\S]*Valid source ids .*: \(none\)/);
  });
});
