/** Which social images the site has, and the words on each: the site's card, then one per entry. */
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site-meta.ts';
import type { OgCard } from './store.ts';

export const SITE_CARD_TITLE = 'How large companies use Python at scale';

const carded = ['companies', 'libraries', 'tricks', 'posts'] as const;

/** An entry as the content check and the catalog both hold it: its collection, id and frontmatter. */
export interface CardEntry {
  collection: string;
  id: string;
  data: { name?: unknown; title?: unknown; summary?: unknown; description?: unknown };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Cards in a stable order: the site's, then companies, libraries, tricks and articles by id. */
export function ogCards(entries: readonly CardEntry[]): OgCard[] {
  const site = SITE_TITLE;
  const cards: OgCard[] = [{ key: 'site', input: { collection: 'site', title: SITE_CARD_TITLE, summary: SITE_DESCRIPTION, site } }];
  for (const collection of carded) {
    const ofCollection = entries.filter((entry) => entry.collection === collection).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { id, data } of ofCollection) {
      // An article has a headline and a description where the other entries have a name and a summary.
      const [title, summary] = collection === 'posts' ? [data.title, data.description] : [data.name, data.summary];
      cards.push({ key: `${collection}/${id}`, input: { collection, title: text(title), summary: text(summary), site } });
    }
  }
  return cards;
}
