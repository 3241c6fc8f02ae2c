/** The content check that runs before Astro's content layer: each kind of mistake, with file, line, value and fix. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, checkFile, formatContentProblems, type ContentProblem } from '../../src/node/content-check/index.ts';
import { parseFrontmatter, splitFile } from '../../src/node/content-check/frontmatter.ts';
import { idsDocument } from '../../src/node/content-check/ids-doc.ts';
import { listChoices, suggestId, unknownId } from '../../src/data/references.ts';
import { plainNumber } from '../../src/schemas/company.ts';
import { lostFromLedger } from '../../src/node/ledger.ts';
import rehypeAnchorAliases from '../../src/markdown/rehype-anchor-aliases.ts';
import type { Root } from 'hast';

const fixture = (name: string) => `tests/fixtures/bad-content/${name}`;
const lines = (problems: ContentProblem[]) => problems.map((p) => `${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`);

// Parsing every body takes a few seconds on a loaded two-core machine: read the content once.
let real: ReturnType<typeof checkContent>;
beforeAll(() => {
  real = checkContent('content');
}, 60_000);

describe('the content check on the real content', () => {
  it('finds no problem in content/, and reads every entry', () => {
    expect(lines(real.problems)).toEqual([]);
    expect(real.entries).toHaveLength(real.files);
    expect(real.files).toBeGreaterThan(0);
  });

  it('writes docs/ids.md from the content, listing every id', () => {
    const doc = idsDocument(real.entries);
    for (const entry of real.entries) expect(doc).toContain(`| ${entry.id} |`);
    expect(readFileSync('docs/ids.md', 'utf8'), 'docs/ids.md is stale: run npm run test:content or npm run build').toBe(doc);
  });
});

describe('frontmatter lines', () => {
  const text = ['---', 'name: Acme', 'role:', '  areas:', '    - web', 'figures:', '  - label: Users', '    value: 3', '---', '', '## Body'].join('\n');

  it('names the file line of a field, a list item and an unknown key', () => {
    const split = splitFile(text);
    expect(split.bodyLine).toBe(10);
    const parsed = parseFrontmatter(split.yaml!, split.yamlLine);
    expect(parsed.lineOf(['name'])).toBe(2);
    expect(parsed.lineOf(['role', 'areas', 0])).toBe(5);
    expect(parsed.lineOf(['figures', 0, 'value'])).toBe(8);
    expect(parsed.lineOf(['figures', 0], 'label')).toBe(7);
    expect(parsed.lineOf(['nope'])).toBe(2);
  });

  it('keeps dates as text: YAML 1.2 has no timestamps, so 2026-02-30 cannot roll into March', () => {
    const parsed = parseFrontmatter('reviewed: 2026-02-30\nasOf: 2019', 2);
    expect(parsed.data).toEqual({ reviewed: '2026-02-30', asOf: 2019 });
  });

  it('reports invalid YAML with its line', () => {
    const parsed = parseFrontmatter('name: Acme\nrole: [a, b\n', 2);
    expect(parsed.errors[0]?.line).toBeGreaterThanOrEqual(3);
  });
});

describe.each([
  ['misspelled-key', ['companies/acme.mdx:11: scaletricks: unknown field "scaletricks". Did you mean scaleTricks?', 'companies/acme.mdx:9: libraries.0.usage: unknown field "usage". Did you mean use?']],
  ['impossible-date', ['companies/acme.mdx:20: reviewed: must be a day that exists, not "2026-02-30" (February 2026 has 28 days).', 'companies/globex.mdx:20: reviewed: must not be in the future']],
  ['heading-collides', ['companies/acme.mdx:27: heading "Timeline" makes the anchor #timeline, which the page already uses']],
  ['heading-twice', ['companies/acme.mdx:35: heading "Reporting" repeats the anchor #reporting of the heading on line 27']],
  ['relative-link', ['companies/acme.mdx:27: link "../globex/" is relative to the page', 'Fix: write it as (/companies/globex/)', 'Fix: write it as (/companies/globex/#timeline)']],
  ['file-name', ['companies/acme\u2013analytics.mdx:1: file name "acme\u2013analytics.mdx" has an en dash "\u2013" (U+2013)', 'Fix: rename the file to acme-analytics.mdx']],
  ['display-name-reference', ['companies/acme.mdx:8: libraries.0.library: unknown library "TFX (TensorFlow Extended)". Did you mean "tfx" (TFX)?']],
  ['grouped-number', ['companies/acme.mdx:17: figures.0.value: must be a number, without quotes or units, not "1,000,000". Write it as `value: 1000000`']],
])('the fixture %s', (name, expected) => {
  it('is reported with file, line, field or value, and the fix', () => {
    const report = formatContentProblems(checkContent(fixture(name)).problems);
    for (const text of expected) expect(report, report).toContain(text.includes('.mdx:') ? `${fixture(name)}/${text}` : text);
  });
});

describe('checkFile', () => {
  const company = (extra: string, body = 'Acme runs Python.[^blog]') =>
    [
      '---',
      'name: Acme',
      'summary: A company.',
      'role: { summary: Python runs it., areas: [web-backend] }',
      'sources:',
      '  - { id: blog, title: Blog, publisher: Acme, url: "https://acme.example/" }',
      'reviewed: "2026-11-21"',
      extra,
      '---',
      '',
      body,
    ].join('\n');
  const check = (text: string) => lines(checkFile(text, { collection: 'companies', id: 'acme', file: 'acme.mdx' }));

  it('accepts a valid profile, with reviewed quoted or not', () => {
    expect(check(company(''))).toEqual([]);
    expect(check(company('').replace('reviewed: "2026-11-21"', 'reviewed: 2026-11-21'))).toEqual([]);
  });

  it('refuses a profile that cites no source, saying the rule', () => {
    expect(check(company('', 'Acme runs Python.')).join('\n')).toContain('the body cites its sources 0 times; companies need at least 1');
  });

  it('checks anchor aliases against the headings of the body', () => {
    const body = '## Metrics and reporting\n\nText.[^blog]';
    expect(check(company('anchorAliases: { reporting: metrics-and-reporting }', body))).toEqual([]);
    expect(check(company('anchorAliases: { reporting: metrics }', body)).join('\n')).toContain(
      'acme.mdx:8: anchorAliases: "reporting" points at #metrics, which is neither a heading of the body nor a section of the page.',
    );
  });

  it('refuses a footnote that names no source, with the closest id', () => {
    expect(check(company('', 'Text.[^blgo]')).join('\n')).toContain('acme.mdx:11: footnote [^blgo] names no source. Did you mean "blog"?');
  });

  describe('names a company or library without linking it', () => {
    const names = {
      companies: { acme: 'Acme', globex: 'Globex' },
      libraries: { django: 'Django', 'web-py': 'web.py', ray: 'Ray' },
      tricks: {},
      posts: {},
      claims: {},
    };
    const named = (body: string, collection: 'companies' | 'claims' = 'companies', extra = '') =>
      lines(
        checkFile(collection === 'claims' ? claim(body, extra) : company(extra, body), { collection, id: collection === 'claims' ? 'acme-runs-cobol' : 'acme', file: 'acme.mdx' }, [], names),
      );
    const claim = (body: string, companies: string) =>
      ['---', 'claim: Acme runs COBOL', 'verdict: false', `companies: [${companies}]`, 'sources:', '  - { id: blog, title: Blog, publisher: Acme, url: "https://acme.example/", checked: "2026-11-21" }', 'reviewed: "2026-11-21"', '---', '', body].join('\n');

    it('gives the line of the first mention and the link to write, in the order the text names them', () => {
      const problems = named('Acme runs Python.[^blog]\n\nIt serves pages with Django, like Globex\'s Django.[^blog]');
      expect(problems).toEqual([
        'acme.mdx:13: names Django but never links its page, so a reader cannot follow it. Fix: link its first mention in the text, [Django](/libraries/django/).',
        'acme.mdx:13: names Globex but never links its page, so a reader cannot follow it. Fix: link its first mention in the text, [Globex](/companies/globex/).',
      ]);
    });

    it('counts a name followed by a file suffix or a possessive as a mention', () => {
      expect(named('Acme serves web.py.[^blog]').join('\n')).toContain('names web.py but never links its page');
      expect(named("Acme's Django.contrib apps.[^blog]").join('\n')).toContain('names Django but never links its page');
    });

    it('accepts a mention once the body links the page anywhere, anchors included', () => {
      expect(named('It uses [Django](/libraries/django/#admin) and Django again.[^blog]')).toEqual([]);
      expect(named('See [the framework][fw]; Django is fast.[^blog]\n\n[fw]: /libraries/django/')).toEqual([]);
    });

    it('does not count a page naming itself, a heading, code, a citation label or a longer word', () => {
      expect(named('## Why Django\n\nAcme runs `Django`, Rayleigh scattering and web.pyx.[^blog]')).toEqual([]);
      expect(named('Acme runs Python.[^blog]', 'companies')).toEqual([]);
      // A library whose name is also the label of a source: `[^blog]` cites the source, it does not name the library.
      const withBlog = { ...names, libraries: { ...names.libraries, blog: 'blog' } };
      expect(lines(checkFile(company('', 'Text.[^blog]'), { collection: 'companies', id: 'acme', file: 'acme.mdx' }, [], withBlog))).toEqual([]);
    });

    it('lets a claim name the companies it is about unlinked, but not others', () => {
      expect(named('Acme never ran COBOL.[^blog]', 'claims', 'acme')).toEqual([]);
      expect(named('Acme and Globex never ran COBOL.[^blog]', 'claims', 'acme').join('\n')).toContain('names Globex but never links its page');
    });
  });
});

describe('reference suggestions', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `lib-${String(i).padStart(2, '0')}`).concat(['tfx', 'tensorflow']).sort();
  const names = { tfx: 'TFX', tensorflow: 'TensorFlow' };

  it('match display names as well as ids, and suggest only ids that exist', () => {
    expect(suggestId('TFX (TensorFlow Extended)', ids, names)).toBe('tfx');
    expect(suggestId('TensorFlow', ids, names)).toBe('tensorflow');
    expect(suggestId('Django', ids, names)).toBeUndefined();
  });

  it('never cut the suggested id from the list of valid ids', () => {
    const message = unknownId('library', 'TFX (TensorFlow Extended)', ids, 'libraries', names);
    expect(message).toContain('Did you mean "tfx" (TFX)?');
    expect(message).toMatch(/Valid ids: .*\btfx\b.*more\)/);
    expect(message).toContain('Fix: write the entry\'s id (its file name), not its name: "tfx".');
    expect(listChoices(ids, 'tfx').split(', ')).toContain('tfx');
  });
});

describe('grouped numbers', () => {
  it.each([
    ['1,000,000', '1000000'],
    ['2 500', '2500'],
    ['1,5', undefined],
    ['about 3', undefined],
  ])('%j is written as %j', (input, expected) => {
    expect(plainNumber(input)).toBe(expected);
  });
});

describe('lostFromLedger', () => {
  const page = (ids: string[], redirectTo?: string) => ({ ids: new Set(ids), ...(redirectTo ? { redirectTo } : {}) });
  const pages = new Map([
    ['/companies/acme/', page(['timeline', 'metrics'])],
    ['/companies/old-acme/', page([], '/kb/companies/acme/')],
  ]);

  it('follows redirects and finds the lost pages and anchors, each with its fix', () => {
    const ledger = {
      about: '',
      urls: {
        '/companies/acme/': ['timeline', 'reporting'],
        '/companies/old-acme/': ['metrics'],
        '/companies/globex/': [],
        '/libraries/widget/': [],
        '/rss.xml': [],
      },
    };
    const lost = lostFromLedger(ledger, pages, new Set(['/rss.xml']), '/kb/');
    expect(lost.map((l) => l.url)).toEqual(['/companies/acme/#reporting', '/companies/globex/', '/libraries/widget/']);
    expect(lost[0]!.fix).toContain('add `anchorAliases: { reporting: <the new heading\'s anchor> }` to content/companies/acme.mdx');
    expect(lost[1]!.fix).toContain('add "globex" to `aliases` in the profile it became');
    expect(lost[2]!.fix).toContain('add "widget" to `aliases` in the entry it became (content/libraries/<new id>.mdx); otherwise restore content/libraries/widget.mdx');
  });
});

describe('rehypeAnchorAliases', () => {
  it('puts an empty target with the old id at the start of the renamed heading', () => {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'h2', properties: { id: 'metrics' }, children: [{ type: 'text', value: 'Metrics' }] }] };
    rehypeAnchorAliases()(tree, { data: { astro: { frontmatter: { anchorAliases: { reporting: 'metrics' } } } } });
    const heading = tree.children[0] as { children: { tagName?: string; properties?: Record<string, unknown> }[] };
    expect(heading.children[0]).toMatchObject({ tagName: 'span', properties: { id: 'reporting' } });
  });
});

describe('a copy of the content with a new company, library and trick', () => {
  it('passes the content check untouched', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pas-content-'));
    try {
      cpSync('content', root, { recursive: true });
      writeFileSync(path.join(root, 'libraries', 'zeta-lib.mdx'), '---\nname: Zeta Lib\nkind: web\nlanguage: Python\nhomepage: https://zeta.example/\nsummary: A library.\nreviewed: 2026-11-28\n---\n\n## What it is\n\nA library.\n');
      const { problems } = checkContent(root);
      expect(lines(problems)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
