import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { apiBuilder, contentDate, type ApiInput } from '../../src/api/documents.ts';
import { apiJsonSchema, jsonResponse } from '../../src/api/response.ts';
import { apiCompanyListSchema, apiCompanySchema, apiLibraryListSchema, apiPaths, apiTrickListSchema, schemaNames, urlBuilder } from '../../src/api/schemas.ts';
import { libraryUsage, relatedCompanies, trickUsage } from '../../src/data/graph.ts';
import { companySchema } from '../../src/schemas/company.ts';
import { librarySchema } from '../../src/schemas/library.ts';
import { trickSchema } from '../../src/schemas/trick.ts';
import { claimSchema } from '../../src/schemas/claim.ts';

const source = (id: string) => ({ id, title: `About ${id}`, publisher: 'Example Engineering', url: `https://example.com/${id}` });

const company = (id: string, name: string, reviewed: string, libraries: string[], tricks: string[]) => ({
  id,
  data: companySchema.parse({
    name,
    summary: `${name} runs Python.`,
    ...(id === 'acme' ? { aliases: ['acme-corp'] } : {}),
    role: { summary: 'Python serves the web backend.', areas: ['web-backend'] },
    libraries: libraries.map((library) => ({ library, use: `${name} uses ${library}.`, source: `${id}-blog` })),
    scaleTricks: tricks.map((trick) => ({ trick, how: `${name} does ${trick}.`, source: `${id}-talk` })),
    sources: [source(`${id}-blog`), source(`${id}-talk`)],
    reviewed,
  }),
});

const companies = [
  company('acme', 'Acme', '2026-01-05', ['django', 'numpy'], ['gc-freeze']),
  company('globex', 'Globex', '2026-03-01', ['django'], ['gc-freeze']),
  company('initech', 'Initech', '2025-12-31', ['numpy'], []),
];
const libraries = [
  { id: 'django', data: librarySchema.parse({ name: 'Django', kind: 'web', language: 'Python', homepage: 'https://www.djangoproject.com/', summary: 'A web framework.', reviewed: '2026-11-21' }) },
  { id: 'numpy', data: librarySchema.parse({ name: 'NumPy', kind: 'data-science', language: 'Python and C', homepage: 'https://numpy.org/', summary: 'Arrays.', reviewed: '2026-11-21' }) },
  { id: 'unused', data: librarySchema.parse({ name: 'Unused', kind: 'web', language: 'Python', homepage: 'https://example.com/', summary: 'Nobody uses it.', reviewed: '2026-11-21' }) },
];
const tricks = [{ id: 'gc-freeze', data: trickSchema.parse({ name: 'Freezing the GC', summary: 'Keep the collector off shared pages.', category: 'memory', reviewed: '2026-11-21' }) }];

/** The same wiring as src/data/catalog.ts, without Astro's content layer. */
function input(): ApiInput {
  const nodes = companies.map((c) => ({ id: c.id, name: c.data.name, libraries: c.data.libraries, scaleTricks: c.data.scaleTricks }));
  const libraryUsers = libraryUsage(nodes);
  const trickUsers = trickUsage(nodes);
  const related = relatedCompanies(nodes, 4);
  const byId = <T extends { id: string }>(entries: readonly T[]) => (id: string) => entries.find((entry) => entry.id === id)!;
  return {
    companies,
    libraries,
    tricks,
    claims: [
      {
        id: 'acme-runs-on-cobol',
        data: claimSchema.parse({
          claim: 'Acme runs on COBOL',
          companies: ['acme'],
          verdict: false,
          reviewed: '2026-01-05',
          sources: [{ ...source('acme-blog'), checked: '2026-01-05' }],
        }),
        body: 'False: the blog says Python.[^acme-blog]\n',
      },
    ],
    company: byId(companies),
    library: byId(libraries),
    trick: byId(tricks),
    libraryUsers: (id) => libraryUsers.get(id) ?? [],
    trickUsers: (id) => trickUsers.get(id) ?? [],
    related: (id) => related.get(id) ?? [],
  };
}

const urlOf = urlBuilder('https://example.org', '/kb/');
const api = apiBuilder(input(), urlOf);

describe('apiPaths and urlBuilder', () => {
  it('put every document under /api/, absolute on the site and its base', () => {
    expect(urlOf(apiPaths.companies())).toBe('https://example.org/kb/api/companies.json');
    expect(urlOf(apiPaths.company('acme'))).toBe('https://example.org/kb/api/companies/acme.json');
    expect(urlOf(apiPaths.schema('tricks'))).toBe('https://example.org/kb/api/schema/tricks.json');
  });

  it('refuse an id that is not a slug', () => {
    expect(() => apiPaths.company('../etc')).toThrow(/Not a valid entry id/);
  });
});

describe('contentDate', () => {
  it('is the newest reviewed date in the content, as an ISO date', () => {
    expect(contentDate(input())).toBe('2026-03-01');
  });

  it('needs at least one company', () => {
    expect(() => contentDate({ companies: [] })).toThrow(/at least one company/);
  });
});

describe('the company document', () => {
  const acme = api.company('acme');

  it('keeps the frontmatter, dates as ISO strings, and adds the id and URLs', () => {
    expect(acme.id).toBe('acme');
    expect(acme.name).toBe('Acme');
    expect(acme.aliases).toEqual(['acme-corp']);
    expect(acme.reviewed).toBe('2026-01-05');
    expect(acme.url).toBe('https://example.org/kb/companies/acme/');
    expect(acme.api).toBe('https://example.org/kb/api/companies/acme.json');
    expect(acme.sources.map((s) => s.id)).toEqual(['acme-blog', 'acme-talk']);
  });

  it('names and links each library and trick it uses', () => {
    expect(acme.libraries).toEqual([
      { library: 'django', use: 'Acme uses django.', source: 'acme-blog', name: 'Django', url: 'https://example.org/kb/libraries/django/' },
      { library: 'numpy', use: 'Acme uses numpy.', source: 'acme-blog', name: 'NumPy', url: 'https://example.org/kb/libraries/numpy/' },
    ]);
    expect(acme.scaleTricks[0]).toMatchObject({ trick: 'gc-freeze', name: 'Freezing the GC', url: 'https://example.org/kb/tricks/gc-freeze/' });
  });

  it('lists related companies, most shared first, with what they share', () => {
    expect(acme.related).toEqual([
      {
        id: 'globex',
        name: 'Globex',
        url: 'https://example.org/kb/companies/globex/',
        api: 'https://example.org/kb/api/companies/globex.json',
        sharedLibraries: ['django'],
        sharedTricks: ['gc-freeze'],
      },
      expect.objectContaining({ id: 'initech', sharedLibraries: ['numpy'], sharedTricks: [] }),
    ]);
  });

  it('matches its zod schema', () => {
    expect(apiCompanySchema.safeParse(acme).success).toBe(true);
  });
});

describe('the lists', () => {
  it('date, count and order their items, and parse as their schemas', () => {
    const lists = [
      [api.companies(), apiCompanyListSchema],
      [api.libraries(), apiLibraryListSchema],
      [api.tricks(), apiTrickListSchema],
    ] as const;
    for (const [list, schema] of lists) {
      expect(list.generated).toBe('2026-03-01');
      expect(list.count).toBe(list.items.length);
      expect(schema.safeParse(list).success).toBe(true);
    }
    expect(api.companies().items.map((c) => c.id)).toEqual(['acme', 'globex', 'initech']);
  });

  it('give each library its users, in their own words, with the source resolved from their profile', () => {
    const django = api.libraries().items.find((l) => l.id === 'django')!;
    expect(django.url).toBe('https://example.org/kb/libraries/django/');
    expect(django.usedBy).toEqual([
      {
        id: 'acme',
        name: 'Acme',
        url: 'https://example.org/kb/companies/acme/',
        api: 'https://example.org/kb/api/companies/acme.json',
        use: 'Acme uses django.',
        source: source('acme-blog'),
      },
      expect.objectContaining({ id: 'globex', use: 'Globex uses django.', source: source('globex-blog') }),
    ]);
    expect(api.libraries().items.find((l) => l.id === 'unused')!.usedBy).toEqual([]);
    expect(api.tricks().items[0]!.usedBy.map((u) => [u.id, u.how])).toEqual([
      ['acme', 'Acme does gc-freeze.'],
      ['globex', 'Globex does gc-freeze.'],
    ]);
  });

  it('reject a count that does not match the items', () => {
    expect(apiTrickListSchema.safeParse({ ...api.tricks(), count: 7 }).success).toBe(false);
  });

  it('come out the same every time: nothing depends on the clock', () => {
    const again = apiBuilder(input(), urlOf);
    expect(JSON.stringify(again.libraries())).toBe(JSON.stringify(api.libraries()));
    expect(JSON.stringify(again.company('globex'))).toBe(JSON.stringify(api.company('globex')));
  });
});

describe('the JSON Schemas', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);

  it.each(schemaNames)('%s has its own URL as $id and compiles under strict Ajv', (name) => {
    const schema = apiJsonSchema(name, urlOf);
    expect(schema['$id']).toBe(`https://example.org/kb/api/schema/${name}.json`);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('accept what the builder makes, and what zod accepts (no Date anywhere)', () => {
    const documents = { companies: api.companies(), company: api.company('acme'), libraries: api.libraries(), tricks: api.tricks(), claims: api.claims() };
    for (const name of schemaNames) {
      const validate = ajv.compile(apiJsonSchema(name, urlBuilder('https://example.net', '/')));
      expect(validate(JSON.parse(JSON.stringify(documents[name]))), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('reject a company without a name', () => {
    const validate = ajv.compile(apiJsonSchema('company', urlBuilder('https://example.com', '/')));
    const { name: _name, ...nameless } = api.company('acme');
    expect(validate(nameless)).toBe(false);
    expect(validate.errors?.[0]?.params).toEqual({ missingProperty: 'name' });
  });
});

describe('the claims document', () => {
  it('resolves the companies, names the verdict, rates it and keeps the explanation as Markdown', () => {
    const list = api.claims();
    expect(list.count).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: 'acme-runs-on-cobol',
      url: 'https://example.org/kb/claims/#acme-runs-on-cobol',
      verdict: 'false',
      verdictLabel: 'False',
      rating: 1,
      reviewed: '2026-01-05',
      companies: [{ id: 'acme', name: 'Acme', url: 'https://example.org/kb/companies/acme/' }],
      explanation: 'False: the blog says Python.[^acme-blog]',
    });
  });
});

describe('jsonResponse', () => {
  it('serves pretty-printed JSON, ending in a newline, as application/json', async () => {
    const response = jsonResponse(apiTrickListSchema, api.tricks());
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json\b/);
    const text = await response.text();
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(api.tricks());
  });

  it('refuses to serve a document its schema rejects', () => {
    const { name: _name, ...nameless } = api.company('acme');
    expect(() => jsonResponse(apiCompanySchema, nameless)).toThrow(/does not match its schema[\s\S]*name/);
  });
});
