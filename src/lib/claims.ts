/**
 * Checked claims as machines read them: schema.org ClaimReview JSON-LD and CSV rows. Pure functions
 * of the claim's data, so that they are unit-tested without the content layer.
 */
import { claimVerdictRatings, claimVerdicts, type ClaimVerdict } from './vocabulary.ts';

export interface ClaimLike {
  id: string;
  claim: string;
  verdict: ClaimVerdict;
  /** YYYY-MM-DD. */
  reviewed: string;
  companies: readonly { name: string; url: string }[];
  circulates?: { description: string } | { source: { title: string; publisher: string; url: string; date?: string | undefined } } | undefined;
}

/** "python was born at Google" → "Python was born at Google": a claim as a sentence starts. */
export function claimSentence(claim: string): string {
  return claim.charAt(0).toUpperCase() + claim.slice(1);
}

/** The verdict's label and its place on schema.org's 1 (false) to 5 (true) scale. */
export function verdictRating(verdict: ClaimVerdict): { label: string; value: number } {
  return { label: claimVerdicts[verdict], value: claimVerdictRatings[verdict] };
}

/**
 * A ClaimReview (https://schema.org/ClaimReview) for one claim: what was claimed, about whom, where it
 * circulates when known, the verdict as a Rating with its name, who reviewed it and when.
 */
export function claimReview(claim: ClaimLike, site: { name: string; url: string; claimUrl: string }): Record<string, unknown> {
  const rating = verdictRating(claim.verdict);
  const appearance =
    claim.circulates && 'source' in claim.circulates
      ? {
          appearance: {
            '@type': 'CreativeWork',
            name: claim.circulates.source.title,
            url: claim.circulates.source.url,
            publisher: { '@type': 'Organization', name: claim.circulates.source.publisher },
            ...(claim.circulates.source.date ? { datePublished: claim.circulates.source.date } : {}),
          },
        }
      : {};
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: site.claimUrl,
    claimReviewed: claimSentence(claim.claim),
    datePublished: claim.reviewed,
    author: { '@type': 'Organization', name: site.name, url: site.url },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      name: rating.label,
      alternateName: rating.label,
    },
    itemReviewed: {
      '@type': 'Claim',
      about: claim.companies.map((c) => ({ '@type': 'Organization', name: c.name, url: c.url })),
      ...(claim.circulates && 'description' in claim.circulates ? { description: claim.circulates.description } : {}),
      ...appearance,
    },
  };
}
