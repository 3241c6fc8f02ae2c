/** Which social images the site has, and the words on each: the site's card, then one per entry. */
import type { Catalog } from '../data/catalog.ts';
import { SITE_DESCRIPTION, SITE_TITLE } from '../lib/site-meta.ts';
import type { OgCard } from './store.ts';

export const SITE_CARD_TITLE = 'How large companies use Python at scale';

export function ogCards({ companies, libraries, tricks, posts }: Pick<Catalog, 'companies' | 'libraries' | 'tricks' | 'posts'>): OgCard[] {
  const site = SITE_TITLE;
  return [
    { key: 'site', input: { collection: 'site', title: SITE_CARD_TITLE, summary: SITE_DESCRIPTION, site } },
    ...companies.map((c) => ({ key: `companies/${c.id}`, input: { collection: 'companies' as const, title: c.data.name, summary: c.data.summary, site } })),
    ...libraries.map((l) => ({ key: `libraries/${l.id}`, input: { collection: 'libraries' as const, title: l.data.name, summary: l.data.summary, site } })),
    ...tricks.map((t) => ({ key: `tricks/${t.id}`, input: { collection: 'tricks' as const, title: t.data.name, summary: t.data.summary, site } })),
    ...posts.map((p) => ({ key: `posts/${p.id}`, input: { collection: 'posts' as const, title: p.data.title, summary: p.data.description, site } })),
  ];
}
