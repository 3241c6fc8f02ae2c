/**
 * What /api/*.json serve: their paths, and their zod schemas, composed from the frontmatter schemas
 * (no field is defined twice). The JSON Schemas under /api/schema/ are generated from these.
 */
import { z } from 'astro/zod';
import { companySchema, libraryUseSchema, trickUseSchema } from '../schemas/company.ts';
import { librarySchema } from '../schemas/library.ts';
import { trickSchema } from '../schemas/trick.ts';
import { sourceSchema } from '../schemas/source.ts';
import { claimSchema } from '../schemas/claim.ts';
import { claimVerdicts, keysOf } from '../lib/vocabulary.ts';
import { slugSchema } from '../schemas/shared.ts';

/** A collection's fields as the API publishes them: `anchorAliases` only keeps old page anchors alive. */
function publicShape<Shape extends { anchorAliases: unknown }>(shape: Shape): Omit<Shape, 'anchorAliases'> {
  const { anchorAliases: _internal, ...published } = shape;
  return published;
}
import { absoluteUrl, checkedId, paths, type SitePath } from '../lib/urls.ts';

// ---------------------------------------------------------------------------------------------
// Where the documents live

/** The names of the JSON Schemas under /api/schema/, one per endpoint. */
export const schemaNames = ['companies', 'company', 'libraries', 'tricks', 'claims'] as const;
export type SchemaName = (typeof schemaNames)[number];

/** The site paths of the API documents and their schemas. */
export const apiPaths = {
  companies: () => paths.asset('api/companies.json'),
  company: (id: string) => paths.asset(`api/companies/${checkedId(id)}.json`),
  libraries: () => paths.asset('api/libraries.json'),
  tricks: () => paths.asset('api/tricks.json'),
  /** A profile's figures as CSV, one row per figure. */
  figures: (id: string) => paths.asset(`api/companies/${checkedId(id)}/figures.csv`),
  claims: () => paths.asset('api/claims.json'),
  claimsCsv: () => paths.asset('api/claims.csv'),
  figuresCsv: () => paths.asset('api/figures.csv'),
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
/** The license every document is published under (src/lib/site-meta.ts). */
const licenseSchema = z
  .object({ name: z.string().describe('The license’s short name, e.g. "CC BY 4.0".'), url: z.url().describe('The license’s text.') })
  .describe('The license of this data: reuse it with credit and a link to the page.');

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
  .extend(publicShape(companySchema.shape))
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
    figuresCsv: z.url().describe('The absolute URL of the profile’s figures as CSV.'),
    license: licenseSchema,
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
export const apiLibrarySchema = z.object(identity('library')).extend(publicShape(librarySchema.shape)).extend({
  reviewed: isoDateSchema.describe('When the entry was last checked against its sources.'),
  usedBy: z.array(usageSchema({ use: libraryUseSchema.shape.use })).describe('The companies that use it, by name.'),
}).meta({ title: 'Library', description: 'A library, with each company that uses it and how.' });

/** A scale trick: its frontmatter and the companies that use it. */
export const apiTrickSchema = z.object(identity('trick')).extend(publicShape(trickSchema.shape)).extend({
  reviewed: isoDateSchema.describe('When the entry was last checked against its sources.'),
  usedBy: z.array(usageSchema({ how: trickUseSchema.shape.how })).describe('The companies that use it, by name.'),
}).meta({ title: 'Scale trick', description: 'A scale trick, with each company that uses it and how.' });

/** The envelope of every list: when the content was last reviewed, how many items, the items. */
function listSchema<Item extends z.ZodType>(item: Item, title: string, description: string) {
  return z
    .object({
      generated: isoDateSchema.describe(
        'The date of the content, not of the build: the newest `reviewed` date of any company profile.',
      ),
      license: licenseSchema,
      count: z.number().int().nonnegative().describe('The number of items.'),
      items: z.array(item).describe('The entries, in the order the site lists them.'),
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

/** A checked claim: its frontmatter, the companies resolved, the verdict's label and rating, the explanation. */
export const apiClaimSchema = z
  .object({
    id: slugSchema.describe('The claim’s id: its file name and its permanent anchor on /claims/.'),
    url: pageUrlSchema.describe('The absolute URL of the claim on /claims/, with its anchor.'),
  })
  .extend(claimSchema.shape)
  .extend({
    companies: z.array(apiCompanyRefSchema).describe('The companies the claim is about.'),
    verdictLabel: z.enum(Object.values(claimVerdicts) as [string, ...string[]]).describe('The verdict as readers see it.'),
    rating: z.number().int().min(1).max(5).describe('The verdict on schema.org’s 1 (false) to 5 (true) scale, as in the page’s ClaimReview.'),
    reviewed: isoDateSchema.describe('When the claim was last checked against its sources.'),
    rerated: z
      .array(
        z.object({
          verdict: z.enum(keysOf(claimVerdicts)).describe('The earlier verdict.'),
          until: isoDateSchema.describe('The day a review replaced it.'),
        }),
      )
      .optional()
      .describe('Earlier verdicts, oldest first, each with the day a review replaced it.'),
    explanation: z.string().min(1).describe('The explanation, as Markdown; `[^id]` footnotes cite the claim’s `sources` by id.'),
  })
  .meta({ title: 'Checked claim', description: 'A popular claim, its verdict, the explanation and the sources that settle it.' });

export const apiClaimListSchema = listSchema(apiClaimSchema, 'Checked claims', 'Every checked claim, by verdict, at /api/claims.json.');

export type ApiClaim = z.output<typeof apiClaimSchema>;
export type ApiCompany = z.output<typeof apiCompanySchema>;
export type ApiCompanySummary = z.output<typeof apiCompanySummarySchema>;
export type ApiLibrary = z.output<typeof apiLibrarySchema>;
export type ApiTrick = z.output<typeof apiTrickSchema>;
export type ApiList<T> = { generated: string; license: { name: string; url: string }; count: number; items: T[] };

/** The zod schema of each endpoint, by the name of its JSON Schema. */
export const apiSchemas = {
  companies: apiCompanyListSchema,
  company: apiCompanySchema,
  libraries: apiLibraryListSchema,
  tricks: apiTrickListSchema,
  claims: apiClaimListSchema,
} as const satisfies Record<SchemaName, z.ZodType>;
