import { describe, expect, it } from 'vitest';
import { claimReview, claimSentence, verdictRating } from '../../src/lib/claims.ts';
import { claimSchema } from '../../src/schemas/claim.ts';
import { claimVerdicts, keysOf } from '../../src/lib/vocabulary.ts';
import { claimIdOf } from '../../src/markdown/rehype-claim-footnotes.ts';

const source = { id: 'docs', title: 'Docs', publisher: 'Example', url: 'https://example.com/docs', checked: '2026-11-28' };
const valid = { claim: 'Python was born at Google', companies: ['google'], verdict: 'false', reviewed: '2026-11-28', sources: [source] };

const problems = (input: unknown) => {
  const result = claimSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the claim schema', () => {
  it('accepts a claim, and reads YAML booleans as the verdicts true and false', () => {
    expect(problems(valid)).toEqual([]);
    expect(claimSchema.parse({ ...valid, verdict: false }).verdict).toBe('false');
    expect(claimSchema.parse({ ...valid, verdict: true }).verdict).toBe('true');
  });

  it('names the closest verdict and the list for an unknown one', () => {
    expect(problems({ ...valid, verdict: 'partly true' })).toEqual([expect.stringMatching(/^verdict: unknown verdict "partly true"\. Did you mean "partly-true"\?.*src\/lib\/vocabulary\.ts/)]);
  });

  it('requires every source to say when it was checked', () => {
    const { checked: _, ...unchecked } = source;
    expect(problems({ ...valid, sources: [unchecked] })).toEqual([expect.stringMatching(/^sources\.0\.checked: is required on a claim's source: the day "docs" was read/)]);
  });

  it('requires at least one source and one company', () => {
    expect(problems({ ...valid, sources: [] })).toEqual([expect.stringMatching(/^sources: a claim needs at least one source/)]);
    expect(problems({ ...valid, companies: [] })).toEqual([expect.stringMatching(/^companies: name at least one company/)]);
  });

  it('takes earlier verdicts with the day each was replaced, as YAML writes dates, and names a bad one', () => {
    const parsed = claimSchema.parse({ ...valid, rerated: [{ verdict: false, until: new Date('2026-11-20') }, { verdict: 'unsupported', until: '2026-11-21' }] });
    expect(parsed.rerated?.map((r) => [r.verdict, r.until.toISOString().slice(0, 10)])).toEqual([
      ['false', '2026-11-20'],
      ['unsupported', '2026-11-21'],
    ]);
    expect(problems({ ...valid, rerated: [{ verdict: 'wrong', until: '2026-11-20' }] })).toEqual([expect.stringMatching(/^rerated\.0\.verdict: unknown verdict "wrong"\./)]);
    expect(problems({ ...valid, rerated: [{ verdict: 'false', until: 'last week' }] })).toEqual([expect.stringMatching(/^rerated\.0\.until: must be a date such as 2026-11-21/)]);
    expect(problems({ ...valid, rerated: { verdict: 'false', until: '2026-11-20' } })).toEqual([expect.stringMatching(/^rerated: must be a list/)]);
  });

  it('takes where the claim circulates as a description or as a source entry', () => {
    expect(problems({ ...valid, circulates: { description: 'Listicles about Python at big companies' } })).toEqual([]);
    expect(problems({ ...valid, circulates: { source } })).toEqual([]);
    expect(problems({ ...valid, circulates: 'a blog' })).toEqual([expect.stringMatching(/^circulates: must be a group with either `description`/)]);
  });
});

describe('ClaimReview JSON-LD', () => {
  const site = { name: 'Python at Scale', url: 'https://example.org/', claimUrl: 'https://example.org/claims/#google-python-born' };
  const claim = {
    id: 'google-python-born',
    claim: 'python was born at Google',
    verdict: 'false' as const,
    reviewed: '2026-11-28',
    companies: [{ name: 'Google / YouTube', url: 'https://example.org/companies/google/' }],
  };

  it('carries the properties schema.org and search engines expect, with the rating in range', () => {
    const review = claimReview(claim, site);
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: site.claimUrl,
      claimReviewed: 'Python was born at Google',
      datePublished: '2026-11-28',
      author: { '@type': 'Organization', name: 'Python at Scale' },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, name: 'False', alternateName: 'False' },
      itemReviewed: { '@type': 'Claim', about: [{ '@type': 'Organization', name: 'Google / YouTube' }] },
    });
  });

  it('names where the claim appeared when a source is given', () => {
    const review = claimReview({ ...claim, circulates: { source: { title: 'A listicle', publisher: 'Blog', url: 'https://blog.example/x', date: '2020' } } }, site);
    expect(review['itemReviewed']).toMatchObject({ appearance: { '@type': 'CreativeWork', url: 'https://blog.example/x', datePublished: '2020' } });
  });

  it('rates every verdict from 1 to 5, true highest and false lowest', () => {
    for (const verdict of keysOf(claimVerdicts)) {
      const { value, label } = verdictRating(verdict);
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(5);
      expect(label).toBe(claimVerdicts[verdict]);
    }
    expect(verdictRating('true').value).toBe(5);
    expect(verdictRating('false').value).toBe(1);
  });

  it('starts the claim as a sentence', () => {
    expect(claimSentence('the client is cross-platform')).toBe('The client is cross-platform');
  });
});

describe('claim footnote ids', () => {
  it('applies to files in a claims folder only', () => {
    expect(claimIdOf('/site/content/claims/google-python-born.mdx')).toBe('google-python-born');
    expect(claimIdOf('/site/content/companies/google.mdx')).toBeUndefined();
    expect(claimIdOf(undefined)).toBeUndefined();
  });
});
