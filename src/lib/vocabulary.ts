/**
 * The closed lists that typed frontmatter chooses from, with the label a reader sees for each value.
 * Adding a value here is the whole change needed: schemas, pages and search read these lists.
 */

export const roleAreas = {
  'web-backend': 'Web backend',
  'data-pipelines': 'Data pipelines',
  'machine-learning': 'Machine learning',
  'data-science': 'Data science and analysis',
  'infrastructure-automation': 'Infrastructure automation',
  'desktop-client': 'Desktop client',
  'developer-tooling': 'Developer tooling',
  'security-tooling': 'Security tooling',
  'media-processing': 'Media processing',
} as const;

export const libraryKinds = {
  web: 'Web frameworks and servers',
  concurrency: 'Concurrency and jobs',
  runtime: 'Runtimes and compilers',
  'native-code': 'Native code and bindings',
  'code-quality': 'Code quality and typing',
  'data-science': 'Data science and notebooks',
  'machine-learning': 'Machine learning',
  workflow: 'Workflow orchestration',
  infrastructure: 'Infrastructure and services',
} as const;

export const trickCategories = {
  performance: 'Performance',
  memory: 'Memory',
  concurrency: 'Concurrency',
  architecture: 'Architecture',
  'codebase-health': 'Codebase health',
  'data-and-ml': 'Data and machine learning',
  delivery: 'Delivery and operations',
} as const;

/**
 * A checked claim's verdict, in the order /claims/ lists them. "Unsupported" means no source was found
 * either way; "false" means a source contradicts the claim; "outdated" was true once and no longer is.
 */
export const claimVerdicts = {
  true: 'True',
  'partly-true': 'Partly true',
  outdated: 'Outdated',
  unsupported: 'Unsupported',
  false: 'False',
} as const;

/**
 * Each verdict on schema.org's 1 (false) to 5 (true) rating scale, for ClaimReview. Unsupported and
 * outdated sit below the middle: neither can be relied on as stated today.
 */
export const claimVerdictRatings = {
  true: 5,
  'partly-true': 3,
  outdated: 2,
  unsupported: 2,
  false: 1,
} as const satisfies Record<keyof typeof claimVerdicts, number>;

export type RoleArea = keyof typeof roleAreas;
export type LibraryKind = keyof typeof libraryKinds;
export type TrickCategory = keyof typeof trickCategories;
export type ClaimVerdict = keyof typeof claimVerdicts;

/** The keys of a label map as a non-empty tuple, the shape `z.enum` wants. */
export function keysOf<T extends Record<string, string>>(labels: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}
