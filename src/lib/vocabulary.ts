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

export type RoleArea = keyof typeof roleAreas;
export type LibraryKind = keyof typeof libraryKinds;
export type TrickCategory = keyof typeof trickCategories;

/** The keys of a label map as a non-empty tuple, the shape `z.enum` wants. */
export function keysOf<T extends Record<string, string>>(labels: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}
