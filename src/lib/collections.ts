/** The words readers see for each collection, written once. */
export const collections = {
  companies: { label: 'Company', plural: 'Companies', cardLabel: 'Company profile' },
  libraries: { label: 'Library', plural: 'Libraries', cardLabel: 'Library' },
  tricks: { label: 'Scale trick', plural: 'Scale tricks', cardLabel: 'Scale trick' },
  posts: { label: 'Article', plural: 'Articles', cardLabel: 'Article' },
  // Claims have no page of their own: each is an anchor on /claims/ and a block on its profiles or article.
  claims: { label: 'Claim', plural: 'Claims', cardLabel: 'Claim' },
} as const;

export type CollectionName = keyof typeof collections;

export const collectionNames = Object.keys(collections) as CollectionName[];

/** The collections whose entries are pages of their own (/<collection>/<id>/); a claim is an anchor. */
export type PageCollection = Exclude<CollectionName, 'claims'>;
export const pageCollections = collectionNames.filter((c): c is PageCollection => c !== 'claims');
