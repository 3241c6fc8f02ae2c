import { z } from 'astro/zod';
import { claimVerdicts, keysOf } from '../lib/vocabulary.ts';
import { choice, described, calendarDate, itemOf, listOf, sentence, slug, strictGroup, withFrontmatter } from './shared.ts';
import { sourceListSchema, sourceSchema } from './source.ts';

const verdictChoices = keysOf(claimVerdicts);

const circulatesExample = () =>
  ['circulates:', '  description: Conference recaps and listicles about Python at big companies'].join('\n');

export const circulatesSchema = described(
  z.union(
    [
      z.object({
        description: sentence({ holds: 'the kind of source that repeats the claim', example: 'description: Forum summaries of a conference talk' }),
      }),
      z.object({
        source: described(sourceSchema, { holds: 'one article that repeats the claim, written as a source entry' }),
      }),
    ],
    {
      error: (issue) =>
        issue.input === undefined
          ? undefined
          : `must be a group with either \`description\` (one sentence) or \`source\` (a source entry). Write it as:\n${circulatesExample().replace(/^/gm, '      ')}`,
    },
  ),
  { holds: 'where the claim circulates: a description of the kind of source, or one article that repeats it' },
);

/** A verdict from the closed list; YAML reads a bare `false` or `true` as a boolean, and both are verdicts here. */
const verdictField = (help: { holds: string; example: string }) =>
  z.preprocess((value) => (typeof value === 'boolean' ? String(value) : value), choice('verdict', verdictChoices, help));

const reratedHelp = {
  holds: 'the earlier verdicts, oldest first, each with the day it was replaced',
  example: () => ['rerated:', '  - verdict: false', '    until: 2026-11-29'].join('\n'),
};

/** The frontmatter of a checked claim in content/claims; the body is the explanation, with footnotes. */
export const claimSchema = withFrontmatter(
  strictGroup({
    /** The claim as it is usually stated, without the verdict: "Python was born at Google". */
    claim: sentence({ holds: 'the claim as it is usually stated, one line', example: 'claim: "Python was born at Google"' }),
    /** Where the claim circulates; leave out when the sources read do not say. */
    circulates: circulatesSchema.optional(),
    /** Ids of the company profiles the claim is about; the claim appears in each one's claims section. */
    companies: listOf(slug({ holds: 'the id of a company profile', example: 'companies: [google]' }), {
      holds: 'the ids of the company profiles the claim is about',
      example: (id = 'google') => `companies: [${id}]`,
    }).min(1, { error: 'name at least one company the claim is about, e.g. `companies: [google]`' }),
    /**
     * The id of the article (content/posts) that shows this claim with `<Claim id="…" />`; leave out
     * for a claim shown in its companies' profiles, in their claims section.
     */
    article: slug({ holds: 'the id of the article that shows the claim', example: 'article: popular-claims-checked' }).optional(),
    /** The verdict, from a closed list; /claims/ groups and filters by it. */
    verdict: verdictField({ holds: 'the verdict on the claim', example: 'verdict: partly-true' }),
    /**
     * Earlier verdicts, oldest first, each with the day it was replaced. A re-rated claim leaves its old
     * verdict page, so that page keeps the claim's anchor and says where it went.
     */
    rerated: listOf(
      itemOf(
        {
          verdict: verdictField({ holds: 'the verdict the claim had before', example: 'verdict: false' }),
          until: calendarDate({ holds: 'the day that verdict was replaced', example: 'until: 2026-11-29', notAfterToday: true }),
        },
        reratedHelp,
      ),
      reratedHelp,
    ).optional(),
    // The ClaimReview's datePublished.
    reviewed: calendarDate({ holds: 'when the claim was last checked against its sources', example: 'reviewed: 2026-11-28' }),
    /** The sources that settle it, each read on a `checked` day; the body's footnotes cite them by id. */
    sources: sourceListSchema
      .min(1, { error: 'a claim needs at least one source that settles it: list it under `sources` and cite it in the body' })
      .superRefine((sources, ctx) => {
        sources.forEach((source, index) => {
          if (source.checked) return;
          ctx.addIssue({
            code: 'custom',
            path: [index, 'checked'],
            input: undefined,
            message: `is required on a claim's source: the day "${source.id}" was read against the claim. Write it as \`checked: "2026-11-28"\``,
          });
        });
      }),
  }),
  'claims',
);

export type ClaimData = z.infer<typeof claimSchema>;
