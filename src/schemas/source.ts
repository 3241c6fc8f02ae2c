import { z } from 'astro/zod';
import { checkedDay, described, itemOf, listOf, partialDate, slug, text, typeError } from './shared.ts';

const sourceExample = (id = 'static-analysis-post') =>
  [
    'sources:',
    `  - id: ${id}`,
    '    title: "Static Analysis at Scale: An Instagram Story"',
    '    publisher: Instagram Engineering',
    '    url: https://instagram-engineering.com/static-analysis-at-scale-an-instagram-story-8f498ab71a0c',
    '    date: "2019"',
  ].join('\n');

const httpsUrl = 'must be an absolute https:// URL of the original';

/** A published source that claims on a page cite, by its id, in footnotes and in frontmatter. */
export const sourceSchema = itemOf(
  {
    /** Short id, unique within the entry, used as the footnote label: `[^cinder-readme]`. */
    id: slug({ holds: "the source's short id, which footnotes use as their label", example: 'id: static-analysis-post' }),
    title: text({ holds: 'the title as the publisher gives it', example: 'title: "Static Analysis at Scale: An Instagram Story"' }),
    publisher: text({ holds: 'who published it (a blog, a conference, a repository)', example: 'publisher: Instagram Engineering' }),
    url: described(
      z.url({
        protocol: /^https$/,
        error: (issue) => {
          const help = { holds: 'the absolute https:// address of the original', example: 'url: https://engineering.example.com/post' };
          if (issue.input === undefined || issue.input === null || typeof issue.input !== 'string') return typeError('an absolute https:// URL', help)(issue);
          const fix = issue.input.startsWith('http://')
            ? `Fix: use the https:// address (${issue.input.replace(/^http:/, 'https:')}) if the same page is served there.`
            : 'Fix: write the full address, starting with https://.';
          return `${httpsUrl}, not ${JSON.stringify(issue.input)}. ${fix}`;
        },
      }),
      { holds: 'the absolute https:// address of the original (never a copy or mirror)' },
    ),
    /** When it was published; leave out for living documents such as a repository README. */
    date: partialDate({ holds: 'when it was published', key: 'date', example: 'date: "2019-05"' }).optional(),
    checked: checkedDay({ holds: "the day the claims were last read against the source's own text", example: 'checked: "2026-11-28"' }).optional(),
  },
  { holds: 'a source', example: sourceExample },
);

export type Source = z.infer<typeof sourceSchema>;

/** A list of sources whose ids are unique, so that a citation cannot be ambiguous. */
export const sourceListSchema = listOf(sourceSchema, {
  holds: 'every source the entry cites, each with id, title, publisher, url and (for dated pieces) date',
  example: () => sourceExample(),
}).superRefine((sources, ctx) => {
  const firstIndex = new Map<string, number>();
  sources.forEach((source, index) => {
    const first = firstIndex.get(source.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        input: source.id,
        message:
          `duplicate source id "${source.id}": sources[${first}] has it too, so a footnote [^${source.id}] would be ambiguous. ` +
          `Fix: give each source its own id (e.g. "${source.id}-${index + 1}") and cite each by its own id.`,
      });
      return;
    }
    firstIndex.set(source.id, index);
  });
});
