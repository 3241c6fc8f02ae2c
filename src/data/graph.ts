/**
 * The cross-link graph: which companies use each library and trick, and which companies are related.
 * Everything here is derived from the company entries; nothing is typed twice. Each function walks
 * the data once, so the whole graph costs time linear in the number of references (plus the pairs of
 * companies that share something, for `relatedCompanies`).
 */

export interface LibraryUse {
  library: string;
}
export interface TrickUse {
  trick: string;
}
export interface GraphCompany {
  id: string;
  name: string;
  libraries: readonly LibraryUse[];
  scaleTricks: readonly TrickUse[];
}

/** One company's use of a library or a trick, with the company's own words on how. */
export interface Usage<C, U> {
  company: C;
  use: U;
}

function groupBy<C, U>(companies: readonly C[], usesOf: (company: C) => readonly U[], keyOf: (use: U) => string) {
  const usages = companies.flatMap((company) => usesOf(company).map((use): Usage<C, U> => ({ company, use })));
  return Map.groupBy(usages, ({ use }) => keyOf(use));
}

/** Library id → the companies that use it, in the order the companies are given. */
export function libraryUsage<C extends GraphCompany>(companies: readonly C[]) {
  return groupBy(companies, (c) => c.libraries as C['libraries'], (u) => u.library) as Map<
    string,
    Usage<C, C['libraries'][number]>[]
  >;
}

/** Trick id → the companies that use it, in the order the companies are given. */
export function trickUsage<C extends GraphCompany>(companies: readonly C[]) {
  return groupBy(companies, (c) => c.scaleTricks as C['scaleTricks'], (u) => u.trick) as Map<
    string,
    Usage<C, C['scaleTricks'][number]>[]
  >;
}

export interface Relation<C> {
  company: C;
  sharedLibraries: string[];
  sharedTricks: string[];
  /** How much the two share: one point per shared library and per shared trick. */
  score: number;
}

/**
 * For every company, the other companies that share at least one library or trick with it, most
 * shared first (ties broken by name), at most `limit` of them. Built from the usage maps, so a
 * company is only ever compared with companies it actually shares something with.
 */
export function relatedCompanies<C extends GraphCompany>(
  companies: readonly C[],
  limit = 5,
): Map<string, Relation<C>[]> {
  const libraries = libraryUsage(companies);
  const tricks = trickUsage(companies);
  const related = new Map<string, Relation<C>[]>();

  for (const company of companies) {
    const shared = new Map<string, Relation<C>>();
    const note = (others: Usage<C, unknown>[] | undefined, id: string, field: 'sharedLibraries' | 'sharedTricks') => {
      for (const { company: other } of others ?? []) {
        if (other.id === company.id) continue;
        let relation = shared.get(other.id);
        if (!relation) shared.set(other.id, (relation = { company: other, sharedLibraries: [], sharedTricks: [], score: 0 }));
        if (!relation[field].includes(id)) {
          relation[field].push(id);
          relation.score += 1;
        }
      }
    };
    for (const { library } of company.libraries) note(libraries.get(library), library, 'sharedLibraries');
    for (const { trick } of company.scaleTricks) note(tricks.get(trick), trick, 'sharedTricks');

    const ranked = [...shared.values()].sort(
      (a, b) => b.score - a.score || a.company.name.localeCompare(b.company.name, 'en'),
    );
    related.set(company.id, ranked.slice(0, limit));
  }
  return related;
}
