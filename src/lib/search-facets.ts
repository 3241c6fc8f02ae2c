/**
 * The filter values each page carries into the search index, derived from typed frontmatter so a
 * new library, trick, company or area reaches the filters with no hand wiring.
 */
import type { SearchFilterKey } from './search-state.ts';
import { collections } from './collections.ts';

export type Facets = Partial<Record<SearchFilterKey, string[]>>;

interface Named {
  name: string;
}

export function companyFacets(company: Named & { areas: string[] }, libraries: Named[], tricks: Named[], verdicts: string[] = []): Facets {
  return {
    kind: [collections.companies.label],
    company: [company.name],
    library: libraries.map((l) => l.name),
    trick: tricks.map((t) => t.name),
    area: company.areas,
    ...(verdicts.length > 0 ? { verdict: unique(verdicts) } : {}),
  };
}

export function libraryFacets(library: Named, users: (Named & { areas: string[] })[]): Facets {
  return {
    kind: [collections.libraries.label],
    library: [library.name],
    company: users.map((u) => u.name),
    area: unique(users.flatMap((u) => u.areas)),
  };
}

export function trickFacets(trick: Named, users: (Named & { areas: string[] })[]): Facets {
  return {
    kind: [collections.tricks.label],
    trick: [trick.name],
    company: users.map((u) => u.name),
    area: unique(users.flatMap((u) => u.areas)),
  };
}

export function postFacets(companies: (Named & { areas: string[] })[]): Facets {
  return { kind: [collections.posts.label], company: companies.map((c) => c.name), area: unique(companies.flatMap((c) => c.areas)) };
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en'));
}
