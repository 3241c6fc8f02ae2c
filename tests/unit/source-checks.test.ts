import { describe, expect, it } from 'vitest';
import { checkSources, citedInBody, laterThan, listingPage, uncheckedSources, undatedSources, type SourcedEntry } from '../../src/data/source-checks.ts';

const entry = (overrides: Partial<SourcedEntry> = {}): SourcedEntry => ({
  file: 'content/companies/acme.mdx',
  sources: [
    { id: 'post', url: 'https://eng.example.com/2019/05/python-at-acme', date: '2019-05' },
    { id: 'readme', url: 'https://github.com/acme/tool' },
  ],
  cited: new Set(['post', 'readme']),
  figures: [{ asOf: '2019-05', source: 'post' }],
  ...overrides,
});

describe('checkSources', () => {
  it('passes an entry whose sources are cited documents and whose figures are dated by them', () => {
    expect(checkSources([entry()])).toEqual([]);
  });

  it('names a source that no claim cites, with the fix', () => {
    const [problem, ...rest] = checkSources([entry({ cited: new Set(['post']) })]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/companies/acme.mdx', field: 'sources[1].id', value: 'readme' });
    expect(problem!.message).toContain('cited by no claim: no footnote [^readme]');
    expect(problem!.message).toContain('Fix: cite it');
  });

  it('refuses category, tag and listing pages as sources', () => {
    for (const url of [
      'https://dropbox.tech/category/application',
      'https://engineering.example.com/tag/python/',
      'https://medium.com/netflix-techblog/tagged/python',
      'https://blog.example.com/topics/infrastructure',
      'https://blog.example.com/archive/2019/',
      'https://blog.example.com/author/jane/',
      'https://blog.example.com/page/3/',
      'https://www.example.com/blog/?cat=12',
    ]) {
      const problems = checkSources([entry({ sources: [{ id: 'post', url, date: '2019' }], cited: new Set(['post']), figures: [] })]);
      expect(problems.map((p) => p.field), url).toEqual(['sources[0].url']);
      expect(problems[0]!.message).toContain('not a document. Fix: cite the article');
    }
  });

  it('fails a figure dated after its source appeared', () => {
    const problems = checkSources([entry({ figures: [{ asOf: '2021-03', source: 'post' }] })]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'figures[0].asOf', value: '2021-03' });
    expect(problems[0]!.message).toContain('later than its source "post", published "2019-05"');
  });
});

describe('the helpers', () => {
  it('compares partial dates at the coarser precision', () => {
    expect(laterThan('2019-09', '2019')).toBe(false);
    expect(laterThan('2020', '2019-12-31')).toBe(true);
    expect(laterThan('2019-06', '2019-05-31')).toBe(true);
    expect(laterThan('2019-05-01', '2019-05')).toBe(false);
  });

  it('leaves articles, repositories and READMEs alone', () => {
    for (const url of [
      'https://dropbox.tech/infrastructure/open-sourcing-our-go-libraries',
      'https://github.com/facebookincubator/cinder',
      'https://peps.python.org/pep-0484/',
      'https://blog.dropbox.com/topics/company/thank-you--guido',
      'https://github.com/facebook/pyrefly/releases/tag/1.0.0',
    ]) {
      expect(listingPage(url), url).toBeUndefined();
    }
  });

  it('reads footnote labels from a body, and names undated sources', () => {
    expect(citedInBody('It grew.[^post] Then[^readme], again.[^post]')).toEqual(['post', 'readme', 'post']);
    expect(undatedSources([entry()])).toEqual(['readme (content/companies/acme.mdx)']);
    expect(uncheckedSources([entry({ sources: [{ id: 'post', url: 'https://x.example/a', checked: '2026-11-28' }, { id: 'talk', url: 'https://x.example/b' }] })])).toEqual(['talk (content/companies/acme.mdx)']);
  });
});
