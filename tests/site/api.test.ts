/**
 * Checks the JSON API in dist/api/: every document validates against the JSON Schema published next
 * to it (with Ajv, draft 2020-12), every entry in content/ has its place in it, the ids and URLs are
 * the content's, and each schema really rejects a broken document.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { contentEntries, dist, htmlPages, readPage } from '../helpers/dist.ts';

interface CompanyData {
  name: string;
  aliases?: string[];
  libraries?: { library: string; use: string; source: string }[];
  scaleTricks?: { trick: string; how: string; source: string }[];
  sources: { id: string; url: string }[];
  reviewed: Date | string;
}

interface Ref {
  id: string;
  name: string;
  url: string;
  api: string;
}
interface Usage extends Ref {
  use?: string;
  how?: string;
  source: { id: string; url: string };
}
interface Entry {
  id: string;
  name: string;
  url: string;
  usedBy: Usage[];
}
interface CompanyDoc extends Ref {
  reviewed: string;
  aliases: string[];
  libraries: { library: string; name: string; url: string; use: string; source: string }[];
  scaleTricks: { trick: string; name: string; url: string; how: string; source: string }[];
  related: (Ref & { sharedLibraries: string[]; sharedTricks: string[] })[];
  sources: { id: string }[];
}
interface List<T> {
  generated: string;
  count: number;
  items: T[];
}

const schemaNames = ['companies', 'company', 'libraries', 'tricks', 'claims'] as const;
type SchemaName = (typeof schemaNames)[number];

const companies = contentEntries('companies').map((e) => ({ id: e.id, ...(e.data as unknown as CompanyData) }));
const libraries = contentEntries('libraries').map((e) => ({ id: e.id, name: e.data['name'] as string }));
const tricks = contentEntries('tricks').map((e) => ({ id: e.id, name: e.data['name'] as string }));

/** js-yaml reads an unquoted 2026-11-21 as a Date; the API serves it as "2026-11-21". */
const isoDate = (value: Date | string) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

function readJson<T = unknown>(sitePath: string): T {
  return JSON.parse(readFileSync(path.join(dist, sitePath), 'utf8')) as T;
}

/** The site's origin and base as the build wrote them, from the home page's canonical link. */
const siteRoot = readPage('/').querySelector('link[rel="canonical"]')!.getAttribute('href')!;
const absolute = (sitePath: string) => new URL(sitePath.replace(/^\//, ''), siteRoot).toString();
const pages = new Set(htmlPages().map(absolute));

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');

let validators: Record<SchemaName, ValidateFunction>;
const schemas = Object.fromEntries(schemaNames.map((name) => [name, readJson<Record<string, unknown>>(`/api/schema/${name}.json`)])) as Record<
  SchemaName,
  Record<string, unknown>
>;

beforeAll(() => {
  // Strict mode: an unknown keyword or format in a generated schema is an error, not a silent pass.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s) });
  ajv.addFormat('date', {
    type: 'string',
    validate: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  });
  validators = Object.fromEntries(schemaNames.map((name) => [name, ajv.compile(schemas[name])])) as Record<SchemaName, ValidateFunction>;
});

/** Validates and returns Ajv's errors as readable lines, [] when the document is valid. */
function errorsOf(name: SchemaName, document: unknown): string[] {
  const validate = validators[name];
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

const companyList = readJson<List<Ref & { reviewed: string }>>('/api/companies.json');
const libraryList = readJson<List<Entry>>('/api/libraries.json');
const trickList = readJson<List<Entry>>('/api/tricks.json');
const companyDoc = (id: string) => readJson<CompanyDoc>(`/api/companies/${id}.json`);

describe('the API JSON Schemas', () => {
  it.each(schemaNames)('/api/schema/%s.json is draft 2020-12 with its own absolute URL as $id', (name) => {
    expect(schemas[name]['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schemas[name]['$id']).toBe(absolute(`/api/schema/${name}.json`));
    expect(schemas[name]['title']).toEqual(expect.any(String));
  });

  it('are pretty-printed files, as are the documents', () => {
    const files = ['/api/companies.json', '/api/libraries.json', '/api/tricks.json', ...schemaNames.map((n) => `/api/schema/${n}.json`)];
    for (const file of files) {
      const text = readFileSync(path.join(dist, file), 'utf8');
      expect(text, file).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it.each(schemaNames)('/api/schema/%s.json describes every field, from the help the content schema writes once', (name) => {
    const undescribed: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as { properties?: Record<string, { description?: string; $ref?: string }>; items?: unknown; anyOf?: unknown[] };
      for (const [key, field] of Object.entries(schema.properties ?? {})) {
        if (!field.description && !field.$ref) undescribed.push(`${at}.${key}`);
        walk(field, `${at}.${key}`);
      }
      walk(schema.items, `${at}[]`);
      schema.anyOf?.forEach((option) => walk(option, at));
    };
    walk(schemas[name], '');
    expect(undescribed).toEqual([]);
  });

  it("carries the content schema's own words for a field (written once, in src/schemas/)", () => {
    const properties = (schemas['company'] as { properties: Record<string, { description?: string }> }).properties;
    expect(properties['name']!.description).toBe("The company's name as readers know it.");
    expect(properties['summary']!.description).toBe('One sentence used in cards, the meta description and search excerpts.');
  });
});

describe('/api/companies.json', () => {
  it('validates against its schema', () => {
    expect(errorsOf('companies', companyList)).toEqual([]);
  });

  it('lists every company, by name, with its page and its own document', () => {
    expect(companyList.count).toBe(companies.length);
    expect(companyList.items.map((c) => c.id)).toEqual([...companies].sort(byName).map((c) => c.id));
    for (const item of companyList.items) {
      const company = companies.find((c) => c.id === item.id)!;
      expect(item.name).toBe(company.name);
      expect(item.reviewed).toBe(isoDate(company.reviewed));
      expect(item.url).toBe(absolute(`/companies/${item.id}/`));
      expect(pages, item.url).toContain(item.url);
      expect(item.api).toBe(absolute(`/api/companies/${item.id}.json`));
    }
  });

  it('is dated by the content, the newest reviewed date, never by the build', () => {
    const newest = companies.map((c) => isoDate(c.reviewed)).sort().at(-1);
    for (const list of [companyList, libraryList, trickList]) expect(list.generated).toBe(newest);
  });
});

describe('/api/companies/<id>.json', () => {
  it('exists for every company and for nothing else (aliases are in the document, not files)', () => {
    const files = readdirSync(path.join(dist, 'api', 'companies')).sort();
    expect(files.filter((file) => file.endsWith('.json'))).toEqual(companies.map((c) => `${c.id}.json`).sort());
    // Beside each document, a folder with the profile's figures as CSV, and nothing else.
    expect(files.filter((file) => !file.endsWith('.json'))).toEqual(companies.map((c) => c.id).sort());
    for (const { id } of companies) expect(readdirSync(path.join(dist, 'api', 'companies', id))).toEqual(['figures.csv']);
  });

  describe.each(companies)('$id', (company) => {
    const doc = companyDoc(company.id);

    it('validates against the company schema', () => {
      expect(errorsOf('company', doc)).toEqual([]);
    });

    it('carries the content’s id, name, aliases, review date and URLs', () => {
      expect(doc.id).toBe(company.id);
      expect(doc.name).toBe(company.name);
      expect(doc.aliases).toEqual(company.aliases ?? []);
      expect(doc.reviewed).toBe(isoDate(company.reviewed));
      expect(doc.url).toBe(absolute(`/companies/${company.id}/`));
      expect(doc.api).toBe(absolute(`/api/companies/${company.id}.json`));
    });

    it('lists its libraries and tricks as the frontmatter does, named and linked', () => {
      expect(doc.libraries.map(({ library, use, source }) => ({ library, use, source }))).toEqual(company.libraries ?? []);
      expect(doc.scaleTricks.map(({ trick, how, source }) => ({ trick, how, source }))).toEqual(company.scaleTricks ?? []);
      for (const use of doc.libraries) {
        expect(use.name).toBe(libraries.find((l) => l.id === use.library)!.name);
        expect(use.url).toBe(absolute(`/libraries/${use.library}/`));
        expect(pages, use.url).toContain(use.url);
      }
      for (const use of doc.scaleTricks) {
        expect(use.name).toBe(tricks.find((t) => t.id === use.trick)!.name);
        expect(use.url).toBe(absolute(`/tricks/${use.trick}/`));
        expect(pages, use.url).toContain(use.url);
      }
      const sourceIds = doc.sources.map((s) => s.id);
      for (const use of [...doc.libraries, ...doc.scaleTricks]) expect(sourceIds).toContain(use.source);
    });

    it('relates it to companies that really share what it says they share', () => {
      const own = { libraries: (company.libraries ?? []).map((u) => u.library), tricks: (company.scaleTricks ?? []).map((u) => u.trick) };
      for (const related of doc.related) {
        const other = companies.find((c) => c.id === related.id)!;
        expect(related.id).not.toBe(company.id);
        expect(related.name).toBe(other.name);
        expect(related.api).toBe(absolute(`/api/companies/${related.id}.json`));
        expect(related.sharedLibraries.length + related.sharedTricks.length).toBeGreaterThan(0);
        for (const id of related.sharedLibraries) {
          expect(own.libraries).toContain(id);
          expect((other.libraries ?? []).map((u) => u.library)).toContain(id);
        }
        for (const id of related.sharedTricks) {
          expect(own.tricks).toContain(id);
          expect((other.scaleTricks ?? []).map((u) => u.trick)).toContain(id);
        }
      }
    });
  });
});

describe.each([
  { file: '/api/libraries.json', schema: 'libraries' as const, list: libraryList, entries: libraries, kind: 'libraries', field: 'library' as const },
  { file: '/api/tricks.json', schema: 'tricks' as const, list: trickList, entries: tricks, kind: 'tricks', field: 'trick' as const },
])('$file', ({ schema, list, entries, kind, field }) => {
  it('validates against its schema', () => {
    expect(errorsOf(schema, list)).toEqual([]);
  });

  it('lists every entry once, by name, with its id, name and page', () => {
    expect(list.count).toBe(entries.length);
    expect(list.items.map((item) => item.id)).toEqual([...entries].sort(byName).map((e) => e.id));
    for (const item of list.items) {
      expect(item.name).toBe(entries.find((e) => e.id === item.id)!.name);
      expect(item.url).toBe(absolute(`/${kind}/${item.id}/`));
      expect(pages, item.url).toContain(item.url);
    }
  });

  it('names exactly the companies whose frontmatter uses each entry, in their words and with their source', () => {
    for (const item of list.items) {
      const expected = [...companies]
        .sort(byName)
        .flatMap((company) => {
          const uses = field === 'library' ? company.libraries ?? [] : company.scaleTricks ?? [];
          return uses
            .filter((use) => (use as Record<string, string>)[field] === item.id)
            .map((use) => ({
              id: company.id,
              words: 'use' in use ? use.use : use.how,
              source: company.sources.find((s) => s.id === use.source)!.url,
            }));
        });
      const actual = item.usedBy.map((u) => ({ id: u.id, words: u.use ?? u.how, source: u.source.url }));
      expect(actual, item.id).toEqual(expected);
      for (const user of item.usedBy) {
        expect(user.url).toBe(absolute(`/companies/${user.id}/`));
        expect(existsSync(path.join(dist, 'api', 'companies', `${user.id}.json`)), user.id).toBe(true);
      }
    }
  });
});

describe('each schema rejects a broken document', () => {
  const clone = <T>(value: T): T => structuredClone(value);
  const someCompany = () => clone(companyDoc(companies[0]!.id)) as unknown as Record<string, unknown>;

  it('a company without a name, with a made-up field, or with a Date-style review date', () => {
    const withoutName = someCompany();
    delete withoutName['name'];
    expect(errorsOf('company', withoutName)).toContain("/ must have required property 'name'");

    const extra = { ...someCompany(), ranking: 1 };
    expect(errorsOf('company', extra)).toContain('/ must NOT have additional properties');

    const badDate = { ...someCompany(), reviewed: 'Sat Nov 21 2026' };
    expect(errorsOf('company', badDate).some((e) => e.startsWith('/reviewed '))).toBe(true);

    const badArea = someCompany();
    (badArea['role'] as { areas: string[] }).areas = ['astrology'];
    expect(errorsOf('company', badArea).some((e) => e.startsWith('/role/areas/0 '))).toBe(true);

    const relativeUrl = { ...someCompany(), url: '/companies/x/' };
    expect(errorsOf('company', relativeUrl).some((e) => e.startsWith('/url '))).toBe(true);
  });

  it('a companies list whose item has no id, or without its date', () => {
    const noId = clone(companyList) as unknown as { items: Record<string, unknown>[] };
    delete noId.items[0]!['id'];
    expect(errorsOf('companies', noId)).toContain("/items/0 must have required property 'id'");

    const undated = clone(companyList) as unknown as Record<string, unknown>;
    delete undated['generated'];
    expect(errorsOf('companies', undated)).toContain("/ must have required property 'generated'");

    // The full profile is not a list item: the list schema must not accept one in its place.
    const fullItem = clone(companyList) as unknown as { items: unknown[] };
    fullItem.items[0] = companyDoc(companies[0]!.id);
    expect(errorsOf('companies', fullItem)).not.toEqual([]);
  });

  it('a library of an unknown kind, or a use without its source', () => {
    const badKind = clone(libraryList) as unknown as { items: Record<string, unknown>[] };
    badKind.items[0]!['kind'] = 'magic';
    expect(errorsOf('libraries', badKind).some((e) => e.startsWith('/items/0/kind '))).toBe(true);

    const used = libraryList.items.findIndex((l) => l.usedBy.length > 0);
    const noSource = clone(libraryList) as unknown as { items: { usedBy: Record<string, unknown>[] }[] };
    delete noSource.items[used]!.usedBy[0]!['source'];
    expect(errorsOf('libraries', noSource)).toContain(`/items/${used}/usedBy/0 must have required property 'source'`);
  });

  it('a trick without a category, or with a bad id', () => {
    const noCategory = clone(trickList) as unknown as { items: Record<string, unknown>[] };
    delete noCategory.items[0]!['category'];
    expect(errorsOf('tricks', noCategory)).toContain("/items/0 must have required property 'category'");

    const badId = clone(trickList) as unknown as { items: Record<string, unknown>[] };
    badId.items[0]!['id'] = 'Not A Slug';
    expect(errorsOf('tricks', badId).some((e) => e.startsWith('/items/0/id '))).toBe(true);
  });
});
