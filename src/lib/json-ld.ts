/**
 * JSON-LD for a page, serialised so it is safe inside a <script type="application/ld+json"> element:
 * "<" is escaped, so no string in the data can close the element early.
 */
export function jsonLdScript(data: Record<string, unknown>): string {
  return JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c');
}
