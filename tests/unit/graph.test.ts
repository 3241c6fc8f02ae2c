import { describe, expect, it } from 'vitest';
import { libraryUsage, relatedCompanies, trickUsage, type GraphCompany } from '../../src/data/graph.ts';

const company = (id: string, libraries: string[], tricks: string[]): GraphCompany => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  libraries: libraries.map((library) => ({ library })),
  scaleTricks: tricks.map((trick) => ({ trick })),
});

const companies = [
  company('alpha', ['django', 'cython', 'asyncio'], ['prefork', 'native']),
  company('bravo', ['django', 'cython'], ['native']),
  company('charlie', ['numpy'], ['prefork']),
  company('delta', ['luigi'], []),
  company('echo', ['django'], ['prefork']),
];

describe('libraryUsage and trickUsage', () => {
  it('lists every company using each library, in the given order', () => {
    const usage = libraryUsage(companies);
    expect(usage.get('django')?.map((u) => u.company.id)).toEqual(['alpha', 'bravo', 'echo']);
    expect(usage.get('luigi')?.map((u) => u.company.id)).toEqual(['delta']);
    expect(usage.has('pandas')).toBe(false);
  });

  it('keeps the company and its own use entry together', () => {
    const usage = libraryUsage([{ ...company('alpha', [], []), libraries: [{ library: 'django', use: 'the monolith' }] }]);
    expect(usage.get('django')?.[0]?.use).toEqual({ library: 'django', use: 'the monolith' });
  });

  it('lists every company using each trick', () => {
    const usage = trickUsage(companies);
    expect(usage.get('prefork')?.map((u) => u.company.id)).toEqual(['alpha', 'charlie', 'echo']);
    expect(usage.get('native')?.map((u) => u.company.id)).toEqual(['alpha', 'bravo']);
  });
});

describe('relatedCompanies', () => {
  const related = relatedCompanies(companies, 3);

  it('ranks by libraries and tricks shared, then by name', () => {
    const alpha = related.get('alpha')!;
    expect(alpha.map((r) => [r.company.id, r.score])).toEqual([
      ['bravo', 3],
      ['echo', 2],
      ['charlie', 1],
    ]);
    expect(alpha[0]).toMatchObject({ sharedLibraries: ['django', 'cython'], sharedTricks: ['native'] });
  });

  it('never relates a company to itself, and leaves out companies with nothing shared', () => {
    for (const [id, list] of related) {
      expect(list.map((r) => r.company.id)).not.toContain(id);
    }
    expect(related.get('delta')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(relatedCompanies(companies, 1).get('alpha')).toHaveLength(1);
  });

  it('counts a library listed twice once', () => {
    const twice = [company('a', ['django', 'django'], []), company('b', ['django'], [])];
    expect(relatedCompanies(twice).get('b')?.[0]?.score).toBe(1);
  });
});
