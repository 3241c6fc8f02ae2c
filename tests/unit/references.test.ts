import { describe, expect, it } from 'vitest';
import { formatProblems, listChoices, validateAliases, validateCompanyReferences, validatePostReferences, type CompanyReferences } from '../../src/data/references.ts';
import { closestMatch } from '../../src/lib/closest.ts';

const index = { libraryIds: ['asyncio', 'cython', 'django', 'mypy'], trickIds: ['gc-freeze', 'prefork-copy-on-write'] };

const good: CompanyReferences = {
  id: 'instagram',
  file: 'content/companies/instagram.mdx',
  aliases: ['ig'],
  libraries: [{ library: 'django', source: 'post' }],
  scaleTricks: [{ trick: 'gc-freeze', source: 'post' }],
  figures: [{ source: 'post' }],
  movedAway: [],
  timeline: [{ source: 'post' }],
  sources: [{ id: 'post' }],
};

describe('validateCompanyReferences', () => {
  it('accepts a company whose references all resolve', () => {
    expect(validateCompanyReferences([good], index)).toEqual([]);
  });

  it('names the file, the field, the bad id, the valid ids and the closest match for a library', () => {
    const [problem, ...rest] = validateCompanyReferences([{ ...good, libraries: [good.libraries[0]!, { library: 'djagno', source: 'post' }] }], index);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/companies/instagram.mdx', field: 'libraries[1].library', value: 'djagno' });
    expect(problem!.message).toContain('unknown library "djagno"');
    expect(problem!.message).toContain('Did you mean "django"?');
    expect(problem!.message).toContain('Valid ids: asyncio, cython, django, mypy');
    expect(problem!.message).toContain('content/libraries/djagno.mdx');
  });

  it('reports an unknown trick with its closest match', () => {
    const problems = validateCompanyReferences([{ ...good, scaleTricks: [{ trick: 'gc-freez', source: 'post' }] }], index);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('scaleTricks[0].trick');
    expect(problems[0]!.message).toContain('Did you mean "gc-freeze"?');
  });

  it('gives no suggestion when nothing is close', () => {
    const [problem] = validateCompanyReferences([{ ...good, libraries: [{ library: 'tensorflow', source: 'post' }] }], index);
    expect(problem!.message).not.toContain('Did you mean');
  });

  it.each([
    ['libraries', { libraries: [{ library: 'django', source: 'nope' }] }, 'libraries[0].source'],
    ['scaleTricks', { scaleTricks: [{ trick: 'gc-freeze', source: 'pots' }] }, 'scaleTricks[0].source'],
    ['figures', { figures: [{ source: 'x' }] }, 'figures[0].source'],
    ['movedAway', { movedAway: [{ source: 'x' }] }, 'movedAway[0].source'],
    ['timeline', { timeline: [{ source: 'post' }, { source: 'x' }] }, 'timeline[1].source'],
  ])('catches a %s entry citing a missing source', (_, change, field) => {
    const problems = validateCompanyReferences([{ ...good, ...change }], index);
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.message).toContain('Valid source ids: post');
  });

  it('catches a library listed twice', () => {
    const problems = validateCompanyReferences([{ ...good, libraries: [good.libraries[0]!, good.libraries[0]!] }], index);
    expect(problems[0]!.message).toContain('listed twice');
  });

  it('catches an alias that is another company id or another alias', () => {
    const other: CompanyReferences = { ...good, id: 'dropbox', file: 'content/companies/dropbox.mdx', aliases: ['instagram', 'ig'] };
    const problems = validateCompanyReferences([good, other], index);
    expect(problems.map((p) => [p.file, p.field, p.value])).toEqual([
      ['content/companies/dropbox.mdx', 'aliases[0]', 'instagram'],
      ['content/companies/dropbox.mdx', 'aliases[1]', 'ig'],
    ]);
    expect(problems[1]!.message).toContain('already an alias of "instagram"');
  });

  it('names the file that already has the id or the alias, and says the fix', () => {
    const other: CompanyReferences = { ...good, id: 'dropbox', file: 'content/companies/dropbox.mdx', aliases: ['instagram', 'ig'] };
    const [asId, asAlias] = validateCompanyReferences([good, other], index);
    expect(asId!.message).toBe(
      'alias "instagram" is the id of another company (content/companies/instagram.mdx), so /companies/instagram/ is taken by that profile. ' +
        'Fix: remove "instagram" from this entry\'s aliases.',
    );
    expect(asAlias!.message).toContain('(content/companies/instagram.mdx)');
    expect(asAlias!.message).toContain('Fix: keep it in one of the two files and remove it from the other.');
  });

  it('catches an alias that is the company\'s own id, or one listed twice', () => {
    const problems = validateCompanyReferences([{ ...good, aliases: ['instagram', 'ig', 'ig'] }], index);
    expect(problems.map((p) => [p.field, p.value])).toEqual([
      ['aliases[0]', 'instagram'],
      ['aliases[2]', 'ig'],
    ]);
    expect(problems[0]!.message).toContain("is this company's own id");
    expect(problems[1]!.message).toContain('already an alias of this company');
  });
});

describe('validatePostReferences', () => {
  it('names the post, the field, the unknown company, the closest id and the fix', () => {
    const problems = validatePostReferences(
      [{ file: 'content/posts/roundup.mdx', companies: ['instagram', 'dropbx'] }],
      ['dropbox', 'instagram'],
    );
    expect(problems).toEqual([
      {
        file: 'content/posts/roundup.mdx',
        field: 'companies[1]',
        value: 'dropbx',
        message: 'unknown company "dropbx". Did you mean "dropbox"? Valid ids: dropbox, instagram. Fix: use one of these, or add content/companies/dropbx.mdx.',
      },
    ]);
  });
});

describe('formatProblems', () => {
  it('groups problems by file under one count', () => {
    const problems = validateCompanyReferences(
      [{ ...good, libraries: [{ library: 'djagno', source: 'post' }], scaleTricks: [{ trick: 'nope', source: 'post' }] }],
      index,
    );
    const text = formatProblems(problems);
    expect(text.split('\n')[0]).toBe('2 broken references in content:');
    expect(text).toContain('  content/companies/instagram.mdx\n    libraries[0].library: unknown library "djagno"');
    expect(text).toContain('    scaleTricks[0].trick: unknown trick "nope"');
  });
});

describe('listChoices and closestMatch', () => {
  it('shortens long lists of choices', () => {
    const many = Array.from({ length: 30 }, (_, i) => `lib-${i}`);
    expect(listChoices(many)).toMatch(/lib-24, … \(5 more\)$/);
    expect(listChoices([])).toBe('(none)');
  });

  it.each([
    ['djngo', ['django', 'flask'], 'django'],
    ['cythn', ['cython', 'mypyc'], 'cython'],
    ['zzzzzz', ['django', 'flask'], undefined],
    ['x', [], undefined],
  ])('closest to %j in %j is %j', (value, choices, expected) => {
    expect(closestMatch(value, choices)).toBe(expected);
  });
});

describe('validateAliases for pages other than profiles', () => {
  it("catches a library's alias that is another library's id, its own id or listed twice, in the library's words", () => {
    const problems = validateAliases('libraries', [
      { id: 'widget', file: 'content/libraries/widget.mdx', aliases: ['gadget', 'widget', 'gadget'] },
      { id: 'gizmo', file: 'content/libraries/gizmo.mdx', aliases: ['widget'] },
    ]);
    expect(problems.map((p) => [p.file, p.field, p.value])).toEqual([
      ['content/libraries/widget.mdx', 'aliases[1]', 'widget'],
      ['content/libraries/widget.mdx', 'aliases[2]', 'gadget'],
      ['content/libraries/gizmo.mdx', 'aliases[0]', 'widget'],
    ]);
    expect(problems[0]!.message).toBe('alias "widget" is this library\'s own id: /libraries/widget/ is already its page. Fix: remove the alias.');
    expect(problems[2]!.message).toContain('is the id of another library (content/libraries/widget.mdx), so /libraries/widget/ is taken by that page.');
  });
});
