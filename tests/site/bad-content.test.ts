/** A content error fails the real build with a message that says what, where and how to fix. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, root, type BuildResult } from '../helpers/build.ts';

interface BadContent {
  /** Why the build must fail: what the fixture breaks. */
  breaks: string;
  /** The content root, relative to the project. */
  content: string;
  /** The build target; a failed build must not create it. */
  outDir: string;
  /** A published-link ledger to hold the build to. */
  ledger?: string;
  /**
   * `content`: the content check stops the build before Astro loads the content (src/node/content-check/).
   * `render`: it stops later, in the catalog, the MDX compiler, the link check or the ledger check,
   * after Astro has written the content module list for this content root to the project's shared
   * `.astro/content-modules.mjs`.
   */
  stage: 'content' | 'render';
  /** What the output must say: the file, the field or line, the bad value and the fix. */
  says: string[];
}

const fixture = (name: string) => `tests/fixtures/bad-content/${name}`;
const file = (name: string, entry: string) => `${fixture(name)}/${entry}`;

const cases: Record<string, BadContent> = {
  'missing-field': {
    breaks: 'a library without its required `kind`',
    content: fixture('missing-field'),
    outDir: '.cache/test-bad-missing-field',
    stage: 'content',
    says: [
      `${file('missing-field', 'libraries/widget.mdx')}:2: ` + 'kind: is required: what sort of library it is, one of: web, concurrency, runtime, native-code, code-quality, data-science, machine-learning, workflow, infrastructure. Write it as `kind: web`',
    ],
  },
  'date-not-a-date': {
    breaks: '`reviewed: last week` and a figure `asOf: June 2024`',
    content: fixture('date-not-a-date'),
    outDir: '.cache/test-bad-date-not-a-date',
    stage: 'content',
    says: [
      `${file('date-not-a-date', 'companies/acme.mdx')}:26: reviewed: must be a date such as 2026-11-21 (YYYY-MM-DD), not "last week". Write it as \`reviewed: "2026-11-21"\``,
      `${file('date-not-a-date', 'companies/acme.mdx')}:19: ` + 'figures.0.asOf: must be a date written as "YYYY", "YYYY-MM" or "YYYY-MM-DD", in quotes, not "June 2024". Fix, for example: asOf: "2018-06"',
    ],
  },
  'list-is-a-string': {
    breaks: '`libraries: widget` instead of a list',
    content: fixture('list-is-a-string'),
    outDir: '.cache/test-bad-list-is-a-string',
    stage: 'content',
    says: [
      `${file('list-is-a-string', 'companies/acme.mdx')}:7: libraries: must be a list, not the single value "widget". Write it as a YAML list:`,
      '            - library: widget\n              use: One sentence on how this company uses it.\n              source: a-source-id',
    ],
  },
  'unknown-library': {
    breaks: 'a company naming the library "widgte" (and the trick "cachign")',
    content: 'tests/fixtures/bad-reference',
    outDir: '.cache/test-bad-reference-dist',
    stage: 'render',
    says: [
      'tests/fixtures/bad-reference/companies/acme.mdx',
      'libraries[0].library: unknown library "widgte". Did you mean "widget" (Widget)? Valid ids: widget. Fix: use one of these, or add content/libraries/widgte.mdx.',
    ],
  },
  'unknown-trick': {
    breaks: 'a company naming the trick "cachng"',
    content: fixture('unknown-trick'),
    outDir: '.cache/test-bad-unknown-trick',
    stage: 'render',
    says: [
      '1 broken reference in content:',
      file('unknown-trick', 'companies/acme.mdx'),
      'scaleTricks[0].trick: unknown trick "cachng". Did you mean "caching" (Caching)? Valid ids: caching. Fix: use one of these, or add content/tricks/cachng.mdx.',
    ],
  },
  'unknown-company': {
    breaks: 'a post whose `companies` names "acmee"',
    content: fixture('unknown-company'),
    outDir: '.cache/test-bad-unknown-company',
    stage: 'render',
    says: [
      file('unknown-company', 'posts/roundup.mdx'),
      'companies[1]: unknown company "acmee". Did you mean "acme" (Acme)? Valid ids: acme. Fix: use one of these, or add content/companies/acmee.mdx.',
    ],
  },
  'alias-is-an-id': {
    breaks: 'a company (globex) with the alias "acme", the id of another company',
    content: fixture('alias-is-an-id'),
    outDir: '.cache/test-bad-alias-is-an-id',
    stage: 'render',
    says: [
      `  ${file('alias-is-an-id', 'companies/globex.mdx')}\n`,
      `aliases[0]: alias "acme" is the id of another company (${file('alias-is-an-id', 'companies/acme.mdx')}), so /companies/acme/ is taken by that profile. Fix: remove "acme" from this entry's aliases.`,
    ],
  },
  'alias-twice': {
    breaks: 'two companies with the alias "acme-corp"',
    content: fixture('alias-twice'),
    outDir: '.cache/test-bad-alias-twice',
    stage: 'render',
    says: [
      `  ${file('alias-twice', 'companies/globex.mdx')}\n`,
      `aliases[0]: alias "acme-corp" is already an alias of "acme" (${file('alias-twice', 'companies/acme.mdx')})`,
      'Fix: keep it in one of the two files and remove it from the other.',
    ],
  },
  'duplicate-source-id': {
    breaks: 'two sources with the id "acme-blog"',
    content: fixture('duplicate-source-id'),
    outDir: '.cache/test-bad-duplicate-source-id',
    stage: 'content',
    says: [
      `${file('duplicate-source-id', 'companies/acme.mdx')}:20: ` + 'sources.1.id: duplicate source id "acme-blog": sources[0] has it too, so a footnote [^acme-blog] would be ambiguous. Fix: give each source its own id (e.g. "acme-blog-2") and cite each by its own id.',
    ],
  },
  'footnote-unknown-source': {
    breaks: 'a footnote [^acme-blg] in the body',
    content: fixture('footnote-unknown-source'),
    outDir: '.cache/test-bad-footnote-unknown-source',
    stage: 'content',
    says: [
      `${file('footnote-unknown-source', 'companies/acme.mdx')}:25: footnote [^acme-blg] names no source. Did you mean "acme-blog"?`,
      'Valid source ids: acme-blog. Fix: use one of these as the label, or add the source to `sources`.',
    ],
  },
  'figure-unknown-source': {
    breaks: 'a figure whose `source` is "acme-blgo"',
    content: fixture('figure-unknown-source'),
    outDir: '.cache/test-bad-figure-unknown-source',
    stage: 'render',
    says: [
      file('figure-unknown-source', 'companies/acme.mdx'),
      'figures[0].source: cites source "acme-blgo", which is not in this entry\'s sources. Did you mean "acme-blog"? Valid source ids: acme-blog. Fix: use one of these, or add the source to `sources`.',
    ],
  },
  'empty-file': {
    breaks: 'a 0-byte tricks/sharding.mdx',
    content: fixture('empty-file'),
    outDir: '.cache/test-bad-empty-file',
    stage: 'content',
    says: [
      `${file('empty-file', 'tricks/sharding.mdx')}:1: ` + "name: is required: the pattern's name. Write it as `name: Pre-fork workers sharing memory`",
      'category: is required: which concern it addresses, one of: performance, memory, concurrency, architecture, codebase-health, data-and-ml, delivery.',
      'frontmatter: is missing or empty: the file has none of the required fields (name, summary, category, reviewed). Fix: start the file with a frontmatter block, as docs/authoring.md shows for tricks:',
    ],
  },
  'no-frontmatter': {
    breaks: 'libraries/gizmo.mdx with a body and no frontmatter',
    content: fixture('no-frontmatter'),
    outDir: '.cache/test-bad-no-frontmatter',
    stage: 'content',
    says: [
      `${file('no-frontmatter', 'libraries/gizmo.mdx')}:1: ` + "name: is required: the library's name as its project writes it. Write it as `name: NumPy`",
      'frontmatter: is missing or empty: the file has none of the required fields (name, kind, language, homepage, summary, reviewed). Fix: start the file with a frontmatter block, as docs/authoring.md shows for libraries:',
    ],
  },
  'invalid-mdx': {
    breaks: 'an unclosed <div> in a library body',
    content: fixture('invalid-mdx'),
    outDir: '.cache/test-bad-invalid-mdx',
    stage: 'render',
    // The MDX compiler's own message: file, line and column, and the tag it expected to be closed.
    says: ['Expected a closing tag for `<div>` (14:16-14:21) before the end of `paragraph`', `${file('invalid-mdx', 'libraries/widget.mdx')}:14:1`],
  },
  'broken-body-link': {
    breaks: 'body links to /libraries/nope/ and to /tricks/caching/#no-such-section',
    content: 'tests/fixtures/broken-link',
    outDir: '.cache/test-bad-broken-body-link',
    stage: 'render',
    says: [
      '2 broken links in the built site (page → link: why):',
      '/companies/acme/ → /libraries/nope/: no page or file is published there\n    written at tests/fixtures/broken-link/companies/acme.mdx:55',
      '/companies/acme/ → /tricks/caching/#no-such-section: /tricks/caching/ has no element with id "no-such-section"\n    written at tests/fixtures/broken-link/companies/acme.mdx:56',
      'Fix: point each link at a page and section that exist',
    ],
  },
  'unknown-area': {
    breaks: 'a role area "web-backnd"',
    content: fixture('unknown-area'),
    outDir: '.cache/test-bad-unknown-area',
    stage: 'content',
    says: [
      `${file('unknown-area', 'companies/acme.mdx')}:6: ` + 'role.areas.0: unknown role area "web-backnd". Did you mean "web-backend"? Valid choices: web-backend, data-pipelines, machine-learning, data-science, infrastructure-automation, desktop-client, developer-tooling, security-tooling, media-processing. Fix: use one of these (e.g. "web-backend"); the list is in src/lib/vocabulary.ts.',
    ],
  },
  // The mistakes of issue 17: each built green before the content check.
  'misspelled-key': {
    breaks: 'a misspelled key `scaletricks:` (and `usage:` for `use:` in a library use)',
    content: fixture('misspelled-key'),
    outDir: '.cache/test-bad-misspelled-key',
    stage: 'content',
    says: [
      `${file('misspelled-key', 'companies/acme.mdx')}:11: scaletricks: unknown field "scaletricks". Did you mean scaleTricks? Valid fields here: name, summary, aliases, role, libraries, scaleTricks,`,
      'Fix: rename it to `scaleTricks:`',
      `${file('misspelled-key', 'companies/acme.mdx')}:9: libraries.0.usage: unknown field "usage". Did you mean use? Valid fields here: library, use, source. Fix: rename it to \`use:\``,
      '3 content problems in 1 file — see docs/authoring.md',
    ],
  },
  'impossible-date': {
    breaks: 'an impossible date `reviewed: 2026-02-30`, unquoted, and a `reviewed` date in the future in another file',
    content: fixture('impossible-date'),
    outDir: '.cache/test-bad-impossible-date',
    stage: 'content',
    says: [
      `${file('impossible-date', 'companies/acme.mdx')}\n  ${file('impossible-date', 'companies/acme.mdx')}:20: reviewed: must be a day that exists, not "2026-02-30" (February 2026 has 28 days). Write it as \`reviewed: "2026-11-21"\``,
      `${file('impossible-date', 'companies/globex.mdx')}\n  ${file('impossible-date', 'companies/globex.mdx')}:20: reviewed: must not be in the future, not the date 2099-01-01`,
      'Fix: write the day it actually happened, today or earlier',
      '2 content problems in 2 files — see docs/authoring.md',
    ],
  },
  'heading-collides': {
    breaks: 'a body heading `## Timeline` beside the generated timeline',
    content: fixture('heading-collides'),
    outDir: '.cache/test-bad-heading-collides',
    stage: 'content',
    says: [
      `${file('heading-collides', 'companies/acme.mdx')}:27: heading "Timeline" makes the anchor #timeline, which the page already uses for the Timeline section built from \`timeline\`, so the page would have two id="timeline".`,
      'Fix: remove this section (the page renders it from the frontmatter) or give it other heading text.',
    ],
  },
  'heading-twice': {
    breaks: 'the same heading twice',
    content: fixture('heading-twice'),
    outDir: '.cache/test-bad-heading-twice',
    stage: 'content',
    says: [
      `${file('heading-twice', 'companies/acme.mdx')}:35: heading "Reporting" repeats the anchor #reporting of the heading on line 27, so this one would silently become #reporting-1`,
      'Fix: give each heading its own text.',
    ],
  },
  'relative-link': {
    breaks: 'relative links to another entry (`../globex/`)',
    content: fixture('relative-link'),
    outDir: '.cache/test-bad-relative-link',
    stage: 'content',
    says: [
      `${file('relative-link', 'companies/acme.mdx')}:27: link "../globex/" is relative to the page; links to other pages must start at the site root, or the "Mentioned in" backlink is lost. Fix: write it as (/companies/globex/)`,
      'link "../globex/#timeline" is relative to the page; links to other pages must start at the site root, or the "Mentioned in" backlink is lost. Fix: write it as (/companies/globex/#timeline)',
    ],
  },
  'file-name': {
    breaks: 'an en dash in a file name',
    content: fixture('file-name'),
    outDir: '.cache/test-bad-file-name',
    stage: 'content',
    says: [
      `${file('file-name', 'companies/acme\u2013analytics.mdx')}:1: file name "acme\u2013analytics.mdx" has an en dash "\u2013" (U+2013), which is not allowed in an id`,
      '(Astro would publish it at /companies/acmeanalytics/). Fix: rename the file to acme-analytics.mdx',
    ],
  },
  'display-name-reference': {
    breaks: 'a display name used as a reference (`library: TFX (TensorFlow Extended)`)',
    content: fixture('display-name-reference'),
    outDir: '.cache/test-bad-display-name-reference',
    stage: 'content',
    says: [
      `${file('display-name-reference', 'companies/acme.mdx')}:8: libraries.0.library: unknown library "TFX (TensorFlow Extended)". Did you mean "tfx" (TFX)? Valid ids: tfx, widget. Fix: write the entry's id (its file name), not its name: "tfx".`,
    ],
  },
  'grouped-number': {
    breaks: "a grouped number `value: '1,000,000'`",
    content: fixture('grouped-number'),
    outDir: '.cache/test-bad-grouped-number',
    stage: 'content',
    says: [`${file('grouped-number', 'companies/acme.mdx')}:17: figures.0.value: must be a number, without quotes or units, not "1,000,000". Write it as \`value: 1000000\``],
  },
  'lost-link': {
    breaks: 'a published page and a published heading renamed (the fixture ledger lists /companies/acme-corp/ and #how-python-runs-here)',
    content: fixture('lost-link'),
    ledger: `${fixture('lost-link')}/ledger.json`,
    outDir: '.cache/test-bad-lost-link',
    stage: 'render',
    says: [
      `2 published URLs or anchors from ${fixture('lost-link')}/ledger.json no longer resolve:`,
      "/companies/acme/#how-python-runs-here: /companies/acme/ has no element with id \"how-python-runs-here\" any more. Fix: if the heading was renamed, add `anchorAliases: { how-python-runs-here: <the new heading's anchor> }` to content/companies/acme.mdx; otherwise restore the heading.",
      '/companies/acme-corp/: no page is published there any more. Fix: if the profile was renamed, add "acme-corp" to `aliases` in the profile it became (content/companies/<new id>.mdx); otherwise restore content/companies/acme-corp.mdx.',
    ],
  },
};

const results = new Map<string, BuildResult>();
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

async function buildAll(names: readonly string[]): Promise<void> {
  for (const name of names) {
    const { content, outDir, ledger } = cases[name]!;
    const result = await astroBuild({ content, outDir, ...(ledger ? { ledger } : {}) });
    results.set(name, { ...result, output: plain(result.output) });
  }
}

/**
 * Builds every fixture, at most three at a time. Builds of different content roots in one project
 * share `.astro/content-modules.mjs`, so two builds that get past the content sync at once would
 * import each other's entries: the `render` cases therefore run one after another, in one lane,
 * beside two lanes of `content` cases, which stop before Astro writes that file.
 */
beforeAll(async () => {
  for (const { outDir } of Object.values(cases)) {
    rmSync(path.join(root, outDir), { recursive: true, force: true });
    rmSync(path.join(root, `${outDir}.staging`), { recursive: true, force: true });
  }
  const names = Object.keys(cases);
  const early = names.filter((name) => cases[name]!.stage === 'content');
  await Promise.all([
    buildAll(names.filter((name) => cases[name]!.stage === 'render')),
    buildAll(early.filter((_, i) => i % 2 === 0)),
    buildAll(early.filter((_, i) => i % 2 === 1)),
  ]);
  // Twenty-odd builds: a content case stops within seconds, a render case takes a full build.
}, 1_200_000);

describe('a company that references an unknown library and trick', () => {
  it('fails the build naming the file, the field, the bad id, the valid ids and the closest match', async () => {
    const { code, output } = results.get('unknown-library')!;
    expect(code).not.toBe(0);
    expect(output).toContain('2 broken references in content:');
    expect(output).toContain('tests/fixtures/bad-reference/companies/acme.mdx');
    expect(output).toContain('libraries[0].library: unknown library "widgte". Did you mean "widget" (Widget)? Valid ids: widget.');
    expect(output).toContain('scaleTricks[0].trick: unknown trick "cachign". Did you mean "caching" (Caching)? Valid ids: caching.');
  });
});

describe.each(Object.entries(cases))('bad content: %s', (name, { breaks, outDir, says }) => {
  it(`stops the build on ${breaks}, saying where, what and how to fix it`, () => {
    const { code, output } = results.get(name)!;
    expect(code, output).not.toBe(0);
    for (const text of says) expect(output, `the output of ${name} lacks: ${text}`).toContain(text);
  });

  it('leaves no site behind: neither the target folder nor the staging folder exists', () => {
    const { output } = results.get(name)!;
    expect(output).toContain(`The build failed, so ${outDir}/ was left as it was.`);
    expect(existsSync(path.join(root, outDir))).toBe(false);
    expect(existsSync(path.join(root, `${outDir}.staging`))).toBe(false);
  });
});

describe('a failed build over a good one', () => {
  const outDir = '.cache/test-bad-kept';
  let result: BuildResult;
  beforeAll(async () => {
    rmSync(path.join(root, outDir), { recursive: true, force: true });
    mkdirSync(path.join(root, outDir), { recursive: true });
    writeFileSync(path.join(root, outDir, 'index.html'), 'the last good build');
    result = await astroBuild({ content: 'tests/fixtures/broken-link', outDir });
  }, 120_000);

  it('keeps the last good site exactly as it was, and clears what it half wrote', () => {
    expect(result.code).not.toBe(0);
    expect(plain(result.output)).toContain(`The build failed, so ${outDir}/ was left as it was (the last good build).`);
    expect(readFileSync(path.join(root, outDir, 'index.html'), 'utf8')).toBe('the last good build');
    expect(existsSync(path.join(root, `${outDir}.staging`))).toBe(false);
  });
});
