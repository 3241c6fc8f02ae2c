/**
 * Turns the catalog into the API's documents. Nothing here reads the clock: `generated` is the
 * newest `reviewed` date in the content, so two builds of the same content are byte-identical.
 */
import type { CompanyData, LibraryUse, TrickUse } from '../schemas/company.ts';
import type { LibraryData } from '../schemas/library.ts';
import type { TrickData } from '../schemas/trick.ts';
import type { Source } from '../schemas/source.ts';
import type { ClaimData } from '../schemas/claim.ts';
import { isoDate } from '../lib/format.ts';
import { claimVerdictRatings, claimVerdicts } from '../lib/vocabulary.ts';
import { paths } from '../lib/urls.ts';
import { CONTENT_LICENSE } from '../lib/site-meta.ts';
import { apiPaths, type ApiClaim, type ApiCompany, type ApiCompanySummary, type ApiLibrary, type ApiList, type ApiTrick, type UrlOf } from './schemas.ts';

/** Entry data as the API publishes it: `anchorAliases` only keeps old page anchors alive. */
function withoutAnchorAliases<T extends { anchorAliases?: unknown }>(data: T): Omit<T, 'anchorAliases'> {
  const { anchorAliases: _internal, ...published } = data;
  return published;
}

/**
 * What the API is built from: the parts of the catalog (src/data/catalog.ts) it reads, described
 * structurally so that the functions here can be tested without Astro's content layer.
 */
export interface ApiInput {
  companies: readonly { id: string; data: CompanyData }[];
  libraries: readonly { id: string; data: LibraryData }[];
  tricks: readonly { id: string; data: TrickData }[];
  /** Checked claims, with their Markdown body; none when left out. */
  claims?: readonly { id: string; data: ClaimData; body?: string | undefined }[];
  company(id: string): { id: string; data: CompanyData };
  library(id: string): { id: string; data: LibraryData };
  trick(id: string): { id: string; data: TrickData };
  libraryUsers(id: string): readonly { company: { id: string }; use: LibraryUse }[];
  trickUsers(id: string): readonly { company: { id: string }; use: TrickUse }[];
  related(id: string): readonly {
    company: { id: string };
    sharedLibraries: readonly string[];
    sharedTricks: readonly string[];
  }[];
}

/** The date the API documents carry: the newest `reviewed` date of any company profile. */
export function contentDate(input: Pick<ApiInput, 'companies'>): string {
  const dates = input.companies.map((c) => isoDate(c.data.reviewed)).sort();
  const newest = dates.at(-1);
  if (!newest) throw new Error('The API needs at least one company profile to date its documents by.');
  return newest;
}

/** Builds every API document from the catalog. Output order is the catalog's (by name). */
export function apiBuilder(input: ApiInput, urlOf: UrlOf) {
  const { company, library, trick } = input;

  const companyRef = (id: string) => ({
    id,
    name: company(id).data.name,
    url: urlOf(paths.company(id)),
    api: urlOf(apiPaths.company(id)),
  });

  /** The company's source with this id; the reference checks have made sure there is one. */
  const sourceOf = (companyId: string, sourceId: string): Source => {
    const found = company(companyId).data.sources.find((s) => s.id === sourceId);
    if (!found) throw new Error(`Company "${companyId}" cites no source "${sourceId}"`);
    return found;
  };

  const companyDocument = (id: string): ApiCompany => {
    const { anchorAliases: _internal, ...data } = company(id).data;
    return {
      id,
      ...data,
      url: urlOf(paths.company(id)),
      api: urlOf(apiPaths.company(id)),
      reviewed: isoDate(data.reviewed),
      libraries: data.libraries.map((use) => ({
        ...use,
        name: library(use.library).data.name,
        url: urlOf(paths.library(use.library)),
      })),
      scaleTricks: data.scaleTricks.map((use) => ({
        ...use,
        name: trick(use.trick).data.name,
        url: urlOf(paths.trick(use.trick)),
      })),
      related: input.related(id).map((relation) => ({
        ...companyRef(relation.company.id),
        sharedLibraries: [...relation.sharedLibraries],
        sharedTricks: [...relation.sharedTricks],
      })),
      figuresCsv: urlOf(apiPaths.figures(id)),
      license: { ...CONTENT_LICENSE },
    };
  };

  const companySummary = (id: string): ApiCompanySummary => {
    const { data } = company(id);
    return {
      ...companyRef(id),
      summary: data.summary,
      aliases: data.aliases,
      role: data.role,
      reviewed: isoDate(data.reviewed),
    };
  };

  const libraryDocument = (id: string): ApiLibrary => ({
    id,
    ...withoutAnchorAliases(library(id).data),
    reviewed: isoDate(library(id).data.reviewed),
    url: urlOf(paths.library(id)),
    usedBy: input.libraryUsers(id).map(({ company: user, use }) => ({
      ...companyRef(user.id),
      use: use.use,
      source: sourceOf(user.id, use.source),
    })),
  });

  const trickDocument = (id: string): ApiTrick => ({
    id,
    ...withoutAnchorAliases(trick(id).data),
    reviewed: isoDate(trick(id).data.reviewed),
    url: urlOf(paths.trick(id)),
    usedBy: input.trickUsers(id).map(({ company: user, use }) => ({
      ...companyRef(user.id),
      how: use.how,
      source: sourceOf(user.id, use.source),
    })),
  });

  const claimDocument = (claim: NonNullable<ApiInput['claims']>[number]): ApiClaim => {
    const { rerated, ...data } = claim.data;
    return {
      id: claim.id,
      url: urlOf(paths.claim(claim.id)),
      ...data,
      companies: data.companies.map(companyRef),
      verdictLabel: claimVerdicts[data.verdict],
      rating: claimVerdictRatings[data.verdict],
      reviewed: isoDate(data.reviewed),
      ...(rerated ? { rerated: rerated.map((earlier) => ({ verdict: earlier.verdict, until: isoDate(earlier.until) })) } : {}),
      explanation: (claim.body ?? '').trim(),
    };
  };

  const list = <T>(items: T[]): ApiList<T> => ({ generated: contentDate(input), license: { ...CONTENT_LICENSE }, count: items.length, items });

  return {
    company: companyDocument,
    companies: () => list(input.companies.map((c) => companySummary(c.id))),
    libraries: () => list(input.libraries.map((l) => libraryDocument(l.id))),
    tricks: () => list(input.tricks.map((t) => trickDocument(t.id))),
    claims: () => list((input.claims ?? []).map(claimDocument)),
  };
}
