import { describe, expect, it } from 'vitest';
import {
  describeSearch,
  filterInputId,
  isEmptySearch,
  pagefindFilters,
  parseSearchState,
  resultSummary,
  sameSearch,
  searchPageTitle,
  searchStateToQuery,
  toggleFilter,
} from '../../src/lib/search-state.ts';
import { companyFacets, libraryFacets, postFacets, trickFacets } from '../../src/lib/search-facets.ts';
import { alphabeticalIndex } from '../../src/lib/alphabetical.ts';
import { SITE_TITLE } from '../../src/lib/site-meta.ts';

describe('search state in the URL', () => {
  it.each([
    ['', { query: '', filters: {} }],
    ['?q=asyncio', { query: 'asyncio', filters: {} }],
    ['?q=%20gc%20%20freeze%20', { query: 'gc freeze', filters: {} }],
    ['?library=Django&library=asyncio&kind=Company', { query: '', filters: { library: ['asyncio', 'Django'], kind: ['Company'] } }],
    ['?q=x&library=Django&library=Django', { query: 'x', filters: { library: ['Django'] } }],
    ['?q=x&colour=red&library=', { query: 'x', filters: {} }],
  ])('parses %j', (search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
  });

  it.each([
    '?q=asyncio',
    '?q=gc+freeze&kind=Scale+trick',
    '?kind=Company&library=asyncio&library=Django',
    '?q=%3Cimg+src%3Dx%3E&company=Google+%2F+YouTube',
  ])('round-trips %s exactly', (search) => {
    expect(searchStateToQuery(parseSearchState(search))).toBe(search);
  });

  it('writes filters in a stable order, whatever order they were ticked in', () => {
    const a = toggleFilter(toggleFilter({ query: '', filters: {} }, 'library', 'Django'), 'kind', 'Company');
    const b = toggleFilter(toggleFilter({ query: '', filters: {} }, 'kind', 'Company'), 'library', 'Django');
    expect(searchStateToQuery(a)).toBe('?kind=Company&library=Django');
    expect(sameSearch(a, b)).toBe(true);
  });

  it('unticks a value and drops an emptied filter', () => {
    const state = toggleFilter({ query: 'x', filters: { library: ['Django'] } }, 'library', 'Django');
    expect(state).toEqual({ query: 'x', filters: {} });
    expect(isEmptySearch({ query: '', filters: {} })).toBe(true);
    expect(isEmptySearch({ query: '', filters: { kind: ['Company'] } })).toBe(false);
  });

  it('gives Pagefind any-of within a filter and all filters together', () => {
    expect(pagefindFilters({ query: '', filters: { library: ['asyncio', 'Django'], kind: ['Company'] } })).toEqual({
      kind: { any: ['Company'] },
      library: { any: ['asyncio', 'Django'] },
    });
  });
});

describe('what the search page says about a state', () => {
  it.each([
    [{ query: 'django', filters: {} }, 3, '3 results for “django”.'],
    [{ query: 'django', filters: {} }, 1, '1 result for “django”.'],
    [{ query: 'rust', filters: {} }, 0, 'No results for “rust”.'],
    [{ query: '', filters: { library: ['asyncio'] } }, 2, '2 results filtered by Library: asyncio.'],
    [
      { query: 'memory', filters: { kind: ['Company', 'Scale trick'], area: ['Web backend'] } },
      4,
      '4 results for “memory”, filtered by Kind: Company or Scale trick; Role area: Web backend.',
    ],
  ] as const)('%j with %i results', (state, count, expected) => {
    const copy = { query: state.query, filters: Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, [...v]])) };
    expect(resultSummary(count, copy)).toBe(expected);
  });

  it('describes an empty search as nothing', () => {
    expect(describeSearch({ query: '', filters: {} })).toBe('');
  });

  it('titles the page with the query and the site name from one constant', () => {
    expect(searchPageTitle('gc freeze')).toBe(`gc freeze · Search · ${SITE_TITLE}`);
    expect(searchPageTitle('')).toBe(`Search · ${SITE_TITLE}`);
  });

  it('gives each filter value a checkbox id made of plain characters', () => {
    expect(filterInputId('library', 'Django')).toBe('filter-library-django');
    expect(filterInputId('company', 'Google / YouTube')).toBe('filter-company-google-youtube');
    expect(filterInputId('trick', 'Pre-fork workers')).toBe('filter-trick-pre-fork-workers');
  });
});

describe('search facets from typed data', () => {
  const instagram = { name: 'Instagram', areas: ['Web backend'] };
  const spotify = { name: 'Spotify', areas: ['Data pipelines', 'Web backend'] };

  it('gives a company its own name, its libraries, tricks and areas', () => {
    expect(companyFacets(instagram, [{ name: 'Django' }], [{ name: 'Pre-fork' }])).toEqual({
      kind: ['Company'],
      company: ['Instagram'],
      library: ['Django'],
      trick: ['Pre-fork'],
      area: ['Web backend'],
    });
  });

  it('gives a library or trick its own name and the companies that use it', () => {
    expect(libraryFacets({ name: 'Cython' }, [instagram, spotify])).toEqual({
      kind: ['Library'],
      library: ['Cython'],
      company: ['Instagram', 'Spotify'],
      area: ['Data pipelines', 'Web backend'],
    });
    expect(trickFacets({ name: 'Pre-fork' }, [])).toEqual({ kind: ['Scale trick'], trick: ['Pre-fork'], company: [], area: [] });
    expect(postFacets([spotify])).toEqual({ kind: ['Article'], company: ['Spotify'], area: ['Data pipelines', 'Web backend'] });
  });
});

describe('alphabeticalIndex', () => {
  it('groups by first letter, case-insensitively, with other characters under #', () => {
    const groups = alphabeticalIndex([{ name: 'mypy' }, { name: 'Django' }, { name: 'asyncio' }, { name: 'Annoy' }, { name: '3to2' }, { name: 'Éclair' }]);
    expect(groups.map((g) => [g.letter, g.entries.map((e) => e.name)])).toEqual([
      ['A', ['Annoy', 'asyncio']],
      ['D', ['Django']],
      ['E', ['Éclair']],
      ['M', ['mypy']],
      ['#', ['3to2']],
    ]);
    expect(groups.map((g) => g.anchor)).toEqual(['letter-A', 'letter-D', 'letter-E', 'letter-M', 'letter-other']);
  });
});
