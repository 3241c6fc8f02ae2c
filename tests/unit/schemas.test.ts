import { describe, expect, it } from 'vitest';
import { companySchema } from '../../src/schemas/company.ts';
import { librarySchema } from '../../src/schemas/library.ts';
import { trickSchema } from '../../src/schemas/trick.ts';
import { sourceSchema } from '../../src/schemas/source.ts';

const source = { id: 'static-analysis', title: 'Static Analysis at Scale', publisher: 'Instagram Engineering', url: 'https://instagram-engineering.com/x', date: '2019' };

const company = {
  name: 'Instagram',
  summary: 'Runs one of the largest Django deployments.',
  aliases: ['ig'],
  role: { summary: 'Python serves the web backend.', areas: ['web-backend'] },
  libraries: [{ library: 'django', use: 'The whole server is one Django codebase.', source: 'static-analysis' }],
  scaleTricks: [{ trick: 'gc-freeze', how: 'Disabled automatic GC.', source: 'static-analysis' }],
  figures: [{ label: 'Monthly active users', value: 1_000_000_000, unit: 'users', asOf: '2018-06', source: 'static-analysis' }],
  movedAway: [{ what: 'Ranking', to: 'C++', when: '2015', why: 'Speed.', source: 'static-analysis' }],
  timeline: [{ date: '2017-06-14', event: 'Moved to Python 3.', source: 'static-analysis' }],
  sources: [source],
  reviewed: '2026-11-21',
};

/** The issues zod reports, as "path: message" lines. */
function issues(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('companySchema', () => {
  it('accepts a full profile and fills defaults', () => {
    const { aliases, libraries, ...minimal } = company;
    const parsed = companySchema.parse(minimal);
    expect(parsed.aliases).toEqual([]);
    expect(parsed.libraries).toEqual([]);
    expect(parsed.reviewed).toEqual(new Date('2026-11-21'));
    expect(companySchema.parse(company).figures[0]!.value).toBe(1_000_000_000);
  });

  it.each([
    ['a missing name', { name: undefined }, 'name'],
    ['a two-line summary', { summary: 'One.\nTwo.' }, 'summary: must be a single line'],
    ['an area outside the closed list', { role: { summary: 'x', areas: ['blockchain'] } }, 'role.areas.0'],
    ['no areas', { role: { summary: 'x', areas: [] } }, 'role.areas: name at least one area'],
    ['a library id with capitals', { libraries: [{ library: 'Django', use: 'x', source: 's' }] }, 'libraries.0.library'],
    ['libraries given as a string', { libraries: 'django' }, 'libraries'],
    ['a figure value in quotes', { figures: [{ ...company.figures[0], value: '1 billion' }] }, 'figures.0.value: must be a number'],
    ['an as-of date that is not a date', { figures: [{ ...company.figures[0], asOf: 'June 2018' }] }, 'figures.0.asOf: must be a date'],
    ['a timeline date with a month 13', { timeline: [{ date: '2017-13', event: 'x', source: 's' }] }, 'timeline.0.date'],
    ['no sources', { sources: [] }, 'sources: a profile needs at least one source'],
    ['an http source', { sources: [{ ...source, url: 'http://example.org/' }] }, 'sources.0.url: must be an absolute https:// URL'],
    ['a relative source URL', { sources: [{ ...source, url: '/posts/x' }] }, 'sources.0.url'],
    ['two sources with one id', { sources: [source, { ...source }] }, 'sources.1.id: duplicate source id "static-analysis"'],
    ['a reviewed date that is not a date', { reviewed: 'last week' }, 'reviewed: must be a date'],
  ])('rejects %s', (_, change, expected) => {
    const found = issues(companySchema, { ...company, ...change });
    expect(found.some((line) => line.startsWith(expected)), found.join('\n')).toBe(true);
  });
});

describe('librarySchema', () => {
  const library = { name: 'Django', kind: 'web', language: 'Python', homepage: 'https://www.djangoproject.com/', summary: 'A web framework.', reviewed: '2026-11-28' };

  it('accepts a library and defaults its sources', () => {
    expect(librarySchema.parse(library).sources).toEqual([]);
  });

  it.each([
    ['an unknown kind', { kind: 'framework' }, 'kind'],
    ['a homepage without https', { homepage: 'www.djangoproject.com' }, 'homepage'],
    ['an empty summary', { summary: '' }, 'summary'],
    ['no reviewed date', { reviewed: undefined }, 'reviewed'],
    ['a reviewed date that is not a date', { reviewed: 'soon' }, 'reviewed: must be a date'],
  ])('rejects %s', (_, change, expected) => {
    expect(issues(librarySchema, { ...library, ...change }).some((l) => l.startsWith(expected))).toBe(true);
  });
});

describe('trickSchema', () => {
  const trick = { name: 'Freezing the GC', summary: 'Keep the collector off shared pages.', category: 'memory', reviewed: '2026-11-28' };

  it('accepts a trick', () => {
    expect(trickSchema.parse(trick).category).toBe('memory');
    expect(trickSchema.parse(trick).reviewed).toEqual(new Date('2026-11-28'));
  });

  it('rejects an unknown category, a missing name and a missing reviewed date', () => {
    expect(issues(trickSchema, { ...trick, category: 'speed' })[0]).toMatch(/^category/);
    expect(issues(trickSchema, { ...trick, name: undefined })[0]).toMatch(/^name/);
    expect(issues(trickSchema, { ...trick, reviewed: undefined })[0]).toMatch(/^reviewed/);
  });
});

describe('sourceSchema', () => {
  it.each(['2019', '2019-05', '2019-05-20'])('accepts the date %s', (date) => {
    expect(sourceSchema.parse({ ...source, date }).date).toBe(date);
  });

  it.each(['19', '2019-5', '2019-05-32', 'yesterday'])('rejects the date %s', (date) => {
    expect(sourceSchema.safeParse({ ...source, date }).success).toBe(false);
  });

  it('rejects an id that is not a slug', () => {
    expect(issues(sourceSchema, { ...source, id: 'Static Analysis' })[0]).toMatch(/^id: must be lower-case/);
  });
});
