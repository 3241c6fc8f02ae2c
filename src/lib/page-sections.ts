/**
 * The ids of the sections that entry pages render around an MDX body. The pages and layouts take
 * their ids from here, and the content check (src/node/content-check/) refuses a body heading whose
 * anchor would repeat one of them: two elements with id="timeline" make #timeline land on the
 * first, and the copy-link control of the second lies.
 */
import type { CollectionName as EntryKind } from './collections.ts';

export const sectionIds = {
  atAGlance: 'at-a-glance',
  librariesUsed: 'libraries-used',
  tricksUsed: 'tricks-used',
  figures: 'figures',
  movedAway: 'moved-away',
  timeline: 'timeline',
  sources: 'sources',
  related: 'related',
  usedBy: 'used-by',
  mentionedIn: 'mentioned-in',
  citeThisPage: 'cite-this-page',
} as const;

/** Ids every page has (the layout's landmarks, the header search, the footnotes' heading). */
const everyPage = ['main', 'copy-status', 'site-search', 'footnote-label', sectionIds.mentionedIn];

/** Generated section → the frontmatter field or page part it comes from, for error messages. */
export const sectionOrigin: Record<string, string> = {
  [sectionIds.atAGlance]: 'the "At a glance" summary built from the frontmatter',
  [sectionIds.librariesUsed]: 'the libraries table built from `libraries`',
  [sectionIds.tricksUsed]: 'the scale-tricks table built from `scaleTricks`',
  [sectionIds.figures]: 'the figures built from `figures`',
  [sectionIds.movedAway]: 'the table built from `movedAway`',
  [sectionIds.timeline]: 'the Timeline section built from `timeline`',
  [sectionIds.sources]: 'the Sources section built from `sources`',
  [sectionIds.related]: 'the "Related companies" list',
  [sectionIds.usedBy]: 'the "Used by" list built from the company profiles',
  [sectionIds.mentionedIn]: 'the "Mentioned in" list',
  [sectionIds.citeThisPage]: 'the "Cite or link this page" box',
  'footnote-label': 'the Citations heading of the footnotes',
};

/** The ids an entry page of each collection renders besides its body's headings. */
export const generatedIds: Record<EntryKind, readonly string[]> = {
  companies: [
    ...everyPage,
    sectionIds.atAGlance,
    sectionIds.librariesUsed,
    sectionIds.tricksUsed,
    sectionIds.figures,
    sectionIds.movedAway,
    sectionIds.timeline,
    sectionIds.sources,
    sectionIds.related,
    sectionIds.citeThisPage,
  ],
  libraries: [...everyPage, sectionIds.usedBy, sectionIds.sources],
  tricks: [...everyPage, sectionIds.usedBy, sectionIds.sources],
  posts: [...everyPage, sectionIds.sources],
  // A claim's body is rendered inside a profile or an article, with its footnote ids prefixed.
  claims: [],
};

/**
 * The old anchors that `anchorAliases` in an entry's frontmatter leads to one of the page's own
 * sections (a dropped source's row → `sources`, say); SectionHeading renders each as an empty target.
 * Aliases to body headings are placed by src/markdown/rehype-anchor-aliases.ts.
 */
export function aliasesFor(anchorAliases: Readonly<Record<string, string>> | undefined, target: string): string[] {
  return Object.entries(anchorAliases ?? {})
    .filter(([, to]) => to === target)
    .map(([alias]) => alias);
}
