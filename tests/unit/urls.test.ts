import { describe, expect, it } from 'vitest';
import { absoluteUrl, hrefBuilder, normaliseBase, paths } from '../../src/lib/urls.ts';

describe('paths', () => {
  it.each([
    [paths.home(), '/'],
    [paths.company('dropbox'), '/companies/dropbox/'],
    [paths.library('kubeflow-pipelines'), '/libraries/kubeflow-pipelines/'],
    [paths.trick('gc-freeze'), '/tricks/gc-freeze/'],
    [paths.collection('tricks'), '/tricks/'],
    [paths.compare(), '/compare/'],
    [paths.search(), '/search/'],
    [paths.search('gc freeze & fork'), '/search/?q=gc%20freeze%20%26%20fork'],
    [paths.asset('/favicon.svg'), '/favicon.svg'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each(['Django', 'a b', '../etc', '', 'x/y'])('refuses the id %j', (id) => {
    expect(() => paths.company(id)).toThrow(/Not a valid entry id/);
  });
});

describe('hrefBuilder', () => {
  it.each([
    ['/', '/companies/dropbox/'],
    ['', '/companies/dropbox/'],
    ['/kb', '/kb/companies/dropbox/'],
    ['/kb/', '/kb/companies/dropbox/'],
    ['kb/', '/kb/companies/dropbox/'],
  ])('with base %j', (base, expected) => {
    expect(hrefBuilder(base)(paths.company('dropbox'))).toBe(expected);
  });

  it('normalises bases without a trailing slash', () => {
    expect(normaliseBase('/docs///')).toBe('/docs');
  });

  it('makes absolute URLs under the site and base', () => {
    expect(absoluteUrl('https://example.org', '/kb/', paths.trick('gc-freeze'))).toBe('https://example.org/kb/tricks/gc-freeze/');
  });
});
