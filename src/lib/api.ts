/**
 * The machine-readable JSON API: the zod schemas of what /api/*.json serve, composed from the
 * frontmatter schemas in src/schemas (no field is defined twice), the pure functions that turn the
 * catalog into API documents, and the JSON Schemas generated from the zod schemas.
 *
 * Nothing here reads the clock: `generated` is the newest `reviewed` date in the content, so that two
 * builds of the same content are byte-identical.
 */
import { z } from 'astro/zod';
import { companySchema, libraryUseSchema, trickUseSchema, type CompanyData } from '../schemas/company';
import { librarySchema, type LibraryData } from '../schemas/library';
import { trickSchema, type TrickData } from '../schemas/trick';
import { sourceSchema, type Source } from '../schemas/source';
import { slugSchema } from '../schemas/shared';
import { absoluteUrl, paths, type SitePath } from './urls';

// ---------------------------------------------------------------------------------------------
// Where the documents live

/** The names of the JSON Schemas under /api/schema/, one per endpoint. */
export const schemaNames = ['companies', 'company', 'libraries', 'tricks'] as const;
export type SchemaName = (typeof schemaNames)[number];

function checkedSlug(id: string): string {
  if (!slugSchema.safeParse(id).success) throw new Error(`Not a valid entry id for an API path: "${id}"`);
  return id;
}

/** The site paths of the API documents and their schemas. */
export const apiPaths = {
  companies: () => paths.asset('api/companies.json'),
  company: (id: string) => paths.asset(`api/companies/${checkedSlug(id)}.json`),
  libraries: () => paths.asset('api/libraries.json'),
  tricks: () => paths.asset('api/tricks.json'),
  schema: (name: SchemaName) => paths.asset(`api/schema/${name}.json`),
};

/** Turns a site path into the absolute URL it is published at. */
export type UrlOf = (path: SitePath) => string;

/** The absolute-URL builder for a site (astro.config `site`) deployed under `base`. */
export function urlBuilder(site: string | URL, base: string): UrlOf {
  return (path) => absoluteUrl(site, base, path);
}

// ---------------------------------------------------------------------------------------------
// Output schemas

/** Dates are served as ISO calendar dates, never as Date objects (which JSON cannot carry). */
const isoDateSchema = z.iso.date().describe('A calendar date, YYYY-MM-DD, in UTC.');
const pageUrlSchema = z.url().describe('The absolute URL of the entry’s page on the site.');
const apiUrlSchema = z.url().describe('The absolute URL of the entry’s own JSON document.');

/** A pointer to a company: enough to name it and to fetch its page or its JSON. */
export const apiCompanyRefSchema = z.object({
  id: slugSchema,
  name: companySchema.shape.name,
  url: pageUrlSchema,
  api: apiUrlSchema,
});

/**
 * The identity fields come first so that they lead each pretty-printed document (parsing orders keys
 * as the schema does); the frontmatter follows, then what the API adds.
 */
const identity = (what: string) => ({
  id: slugSchema.describe(`The ${what}’s id: its file name and the last part of its URL.`),
  url: pageUrlSchema,
});

/** A company profile: its frontmatter, with the references it makes resolved to names and URLs. */
export const apiCompanySchema = z
  .object({ ...identity('profile'), api: apiUrlSchema })
  .extend(companySchema.shape)
  .extend({
    reviewed: isoDateSchema.describe('When the profile was last checked against its sources.'),
    libraries: z.array(
      libraryUseSchema.extend({ name: librarySchema.shape.name, url: pageUrlSchema }),
    ).describe('The libraries the company uses; `source` is the id of one of this profile’s `sources`.'),
    scaleTricks: z.array(
      trickUseSchema.extend({ name: trickSchema.shape.name, url: pageUrlSchema }),
    ).describe('The scale tricks the company uses; `source` is the id of one of this profile’s `sources`.'),
    related: z.array(
      apiCompanyRefSchema.extend({
        sharedLibraries: z.array(slugSchema).describe('Ids of the libraries both companies use.'),
        sharedTricks: z.array(slugSchema).describe('Ids of the scale tricks both companies use.'),
      }),
    ).describe('Companies that share libraries or tricks with this one, most shared first.'),
  })
  .meta({ title: 'Company profile', description: 'One company profile of Python at Scale, at /api/companies/<id>.json.' });

/** A row of the companies list: who, what Python does there, and where the full profile is. */
export const apiCompanySummarySchema = apiCompanySchema
  .pick({ id: true, name: true, summary: true, aliases: true, role: true, reviewed: true, url: true, api: true })
  .meta({ title: 'Company in brief', description: 'A company profile in brief; `api` is the URL of the full profile.' });

/** How one company uses a library or a trick, with the source that says so. */
const usageSchema = <Shape extends z.ZodRawShape>(shape: Shape) =>
  apiCompanyRefSchema.extend({
    ...shape,
    source: sourceSchema.describe('The source, from the company’s profile, that reports this use.'),
  });

/** A library: its frontmatter and the companies that use it. */
export const apiLibrarySchema = z.object(identity('library')).extend(librarySchema.shape).extend({
  usedBy: z.array(usageSchema({ use: libraryUseSchema.shape.use })).describe('The companies that use it, by name.'),
}).meta({ title: 'Library', description: 'A library, with each company that uses it and how.' });

/** A scale trick: its frontmatter and the companies that use it. */
export const apiTrickSchema = z.object(identity('trick')).extend(trickSchema.shape).extend({
  usedBy: z.array(usageSchema({ how: trickUseSchema.shape.how })).describe('The companies that use it, by name.'),
}).meta({ title: 'Scale trick', description: 'A scale trick, with each company that uses it and how.' });

/** The envelope of every list: when the content was last reviewed, how many items, the items. */
function listSchema<Item extends z.ZodType>(item: Item, title: string, description: string) {
  return z
    .object({
      generated: isoDateSchema.describe(
        'The date of the content, not of the build: the newest `reviewed` date of any company profile.',
      ),
      count: z.number().int().nonnegative().describe('The number of items.'),
      items: z.array(item),
    })
    .refine((list) => list.count === list.items.length, { message: 'count must equal the number of items' })
    .meta({ title, description });
}

export const apiCompanyListSchema = listSchema(
  apiCompanySummarySchema,
  'Companies',
  'Every company profile in brief, by name, at /api/companies.json.',
);
export const apiLibraryListSchema = listSchema(
  apiLibrarySchema,
  'Libraries',
  'Every library, by name, with the companies that use it, at /api/libraries.json.',
);
export const apiTrickListSchema = listSchema(
  apiTrickSchema,
  'Scale tricks',
  'Every scale trick, by name, with the companies that use it, at /api/tricks.json.',
);

export type ApiCompany = z.output<typeof apiCompanySchema>;
export type ApiCompanySummary = z.output<typeof apiCompanySummarySchema>;
export type ApiLibrary = z.output<typeof apiLibrarySchema>;
export type ApiTrick = z.output<typeof apiTrickSchema>;
export type ApiList<T> = { generated: string; count: number; items: T[] };

/** The zod schema of each endpoint, by the name of its JSON Schema. */
export const apiSchemas = {
  companies: apiCompanyListSchema,
  company: apiCompanySchema,
  libraries: apiLibraryListSchema,
  tricks: apiTrickListSchema,
} as const satisfies Record<SchemaName, z.ZodType>;

// ---------------------------------------------------------------------------------------------
// Catalog → API documents

type LibraryUse = z.output<typeof libraryUseSchema>;
type TrickUse = z.output<typeof trickUseSchema>;

/**
 * What the API is built from: the parts of the catalog (src/data/catalog.ts) it reads, described
 * structurally so that the functions here can be tested without Astro's content layer.
 */
export interface ApiInput {
  companies: readonly { id: string; data: CompanyData }[];
  libraries: readonly { id: string; data: LibraryData }[];
  tricks: readonly { id: string; data: TrickData }[];
  libraryUsers(id: string): readonly { company: { id: string }; use: LibraryUse }[];
  trickUsers(id: string): readonly { company: { id: string }; use: TrickUse }[];
  related(id: string): readonly {
    company: { id: string };
    sharedLibraries: readonly string[];
    sharedTricks: readonly string[];
  }[];
}

/** The ISO form of a date, read in UTC (frontmatter dates are midnight UTC). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date the API documents carry: the newest `reviewed` date of any company profile. */
export function contentDate(input: Pick<ApiInput, 'companies'>): string {
  const dates = input.companies.map((c) => isoDate(c.data.reviewed)).sort();
  const newest = dates.at(-1);
  if (!newest) throw new Error('The API needs at least one company profile to date its documents by.');
  return newest;
}

function lookup<T extends { id: string }>(entries: readonly T[], kind: string): (id: string) => T {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return (id) => {
    const found = byId.get(id);
    if (!found) throw new Error(`No ${kind} with id "${id}"`);
    return found;
  };
}

/** Builds every API document from the catalog. Output order is the catalog's (by name). */
export function apiBuilder(input: ApiInput, urlOf: UrlOf) {
  const company = lookup(input.companies, 'company');
  const library = lookup(input.libraries, 'library');
  const trick = lookup(input.tricks, 'trick');

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
    const { data } = company(id);
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
    ...library(id).data,
    url: urlOf(paths.library(id)),
    usedBy: input.libraryUsers(id).map(({ company: user, use }) => ({
      ...companyRef(user.id),
      use: use.use,
      source: sourceOf(user.id, use.source),
    })),
  });

  const trickDocument = (id: string): ApiTrick => ({
    id,
    ...trick(id).data,
    url: urlOf(paths.trick(id)),
    usedBy: input.trickUsers(id).map(({ company: user, use }) => ({
      ...companyRef(user.id),
      how: use.how,
      source: sourceOf(user.id, use.source),
    })),
  });

  const list = <T>(items: T[]): ApiList<T> => ({ generated: contentDate(input), count: items.length, items });

  return {
    company: companyDocument,
    companies: () => list(input.companies.map((c) => companySummary(c.id))),
    libraries: () => list(input.libraries.map((l) => libraryDocument(l.id))),
    tricks: () => list(input.tricks.map((t) => trickDocument(t.id))),
  };
}

// ---------------------------------------------------------------------------------------------
// JSON Schemas and responses

/** The JSON Schema (draft 2020-12) of one endpoint, with its absolute URL as `$id`. */
export function apiJsonSchema(name: SchemaName, urlOf: UrlOf): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(apiSchemas[name], {
    target: 'draft-2020-12',
    io: 'output',
  });
  return { $schema, $id: urlOf(apiPaths.schema(name)), title, description, ...rest };
}

/** A pretty-printed JSON response, ending in a newline. */
export function jsonFile(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

/**
 * An API document as a JSON response. The value is checked against its zod schema first, so that the
 * build fails rather than publish a document its own JSON Schema would reject.
 */
export function jsonResponse(schema: z.ZodType, value: unknown): Response {
  const checked = schema.safeParse(value);
  if (!checked.success) {
    throw new Error(`An API document does not match its schema:\n${z.prettifyError(checked.error)}`);
  }
  return jsonFile(checked.data);
}
