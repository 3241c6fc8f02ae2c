/** A content error fails the real build with a message that says what, where and how to fix. */
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/build';

describe('a company that references an unknown library and trick', () => {
  it('fails the build naming the file, the field, the bad id, the valid ids and the closest match', async () => {
    const { code, output } = await astroBuild({ content: 'tests/fixtures/bad-reference', outDir: '.cache/test-bad-reference-dist' });
    expect(code).not.toBe(0);
    expect(output).toContain('2 broken references in content:');
    expect(output).toContain('tests/fixtures/bad-reference/companies/acme.mdx');
    expect(output).toContain('libraries[0].library: unknown library "widgte". Did you mean "widget"? Valid ids: widget.');
    expect(output).toContain('scaleTricks[0].trick: unknown trick "cachign". Did you mean "caching"? Valid ids: caching.');
  });
});
