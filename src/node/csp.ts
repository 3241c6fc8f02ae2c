/**
 * Astro writes every hash of the build into every page's CSP <meta> (26 style hashes once each
 * page inlines its CSS): a page needs only the hashes of its own inline scripts and styles.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

/** Script types a browser runs, so CSP governs them; JSON-LD and other data blocks are neither run nor hashed. */
const runnable = new Set(['', 'module', 'text/javascript', 'application/javascript']);

export interface PageCsp {
  /** The <meta> tag as written, and where it sits in the page. */
  tag?: { start: number; end: number; content: string };
  /** 'sha256-…' sources of the page's inline scripts and styles. */
  hashes: Set<string>;
  scripts: Set<string>;
  styles: Set<string>;
}

export function readPageCsp(html: string): PageCsp {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  let tag: PageCsp['tag'];
  let inline: string[] | undefined;
  let into = scripts;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy') {
          tag = { start: parser.startIndex, end: parser.endIndex, content: attributes['content'] ?? '' };
        }
        const hashed = name === 'style' || (name === 'script' && attributes['src'] === undefined && runnable.has((attributes['type'] ?? '').toLowerCase()));
        inline = hashed ? [] : undefined;
        into = name === 'style' ? styles : scripts;
      },
      ontext(text) {
        inline?.push(text);
      },
      onclosetag() {
        if (inline) into.add(`sha256-${createHash('sha256').update(inline.join('')).digest('base64')}`);
        inline = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { ...(tag ? { tag } : {}), hashes: new Set([...scripts, ...styles]), scripts, styles };
}

/** The policy with only the hash sources in `keep`; every other source and directive as it was. */
export function keepHashes(policy: string, keep: ReadonlySet<string>): string {
  return policy.replace(/'(sha(?:256|384|512)-[^']+)'\s?/g, (source, hash: string) => (keep.has(hash) ? source : '')).replace(/\s+;/g, ';');
}

/** The policy for the whole site (`_headers`): its sources, with every page's script and style hashes. */
export function sitePolicy(policy: string, scripts: Iterable<string>, styles: Iterable<string>): string {
  const add = (hashes: Iterable<string>) => [...new Set(hashes)].sort().map((hash) => ` '${hash}'`).join('');
  return keepHashes(policy, new Set())
    .replace(/(script-src [^;]*)/, (d) => d.trimEnd() + add(scripts))
    .replace(/(style-src [^;]*)/, (d) => d.trimEnd() + add(styles));
}

/** The page with its CSP <meta> narrowed to its own hashes, or undefined when it has no such <meta>. */
export function narrowPageCsp(html: string, file: string, { tag, hashes }: PageCsp = readPageCsp(html)): string | undefined {
  if (!tag) return undefined;
  const written = html.slice(tag.start, tag.end + 1);
  if (!written.includes(tag.content)) {
    throw new Error(`${file}: its Content-Security-Policy <meta> is written with character references, so its hashes cannot be narrowed in place; expected the content attribute as plain text.`);
  }
  return html.slice(0, tag.start) + written.replace(tag.content, keepHashes(tag.content, hashes)) + html.slice(tag.end + 1);
}
