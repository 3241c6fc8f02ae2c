/**
 * Splits an MDX file into its YAML frontmatter and its body, and reads the YAML with the `yaml`
 * package's YAML 1.2 core schema: unlike js-yaml (which Astro uses), it has no timestamp type, so
 * `reviewed: 2026-02-30` stays the text "2026-02-30" for the schema to refuse instead of becoming
 * 2 March. The parsed document keeps node ranges, so every problem can name its line.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';

export interface SplitFile {
  /** The YAML between the `---` lines, or undefined when the file has no frontmatter block. */
  yaml?: string;
  /** The file line (from 1) of the YAML's first line. */
  yamlLine: number;
  /** The body after the frontmatter. */
  body: string;
  /** The file line (from 1) of the body's first line. */
  bodyLine: number;
}

const block = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

export function splitFile(text: string): SplitFile {
  const match = text.startsWith('---') ? block.exec(text) : null;
  if (!match || match.index !== 0) return { yamlLine: 1, body: text, bodyLine: 1 };
  const body = text.slice(match[0].length);
  return { yaml: match[1] ?? '', yamlLine: 2, body, bodyLine: 1 + (match[0].match(/\n/g)?.length ?? 0) };
}

export interface ParsedFrontmatter {
  data: unknown;
  /** YAML syntax errors, each with its file line. */
  errors: { line: number; message: string }[];
  /** The file line of the node a zod issue path points at (or of its nearest parent that exists). */
  lineOf: (path: readonly PropertyKey[], unknownKey?: string) => number;
}

export function parseFrontmatter(yaml: string, firstLine: number): ParsedFrontmatter {
  const counter = new LineCounter();
  const doc: Document = parseDocument(yaml, { schema: 'core', lineCounter: counter, prettyErrors: false });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: `the frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
  }));
  const data = errors.length > 0 ? undefined : doc.toJS();

  const lineOf = (path: readonly PropertyKey[], unknownKey?: string): number => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let line = node?.range ? lineAt(node.range[0]) : firstLine;
    const steps = unknownKey === undefined ? path : [...path, unknownKey];
    for (const step of steps) {
      let pair: Pair | undefined;
      if (isMap(node)) pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (pair) {
        const keyNode = pair.key as Node;
        if (keyNode.range) line = lineAt(keyNode.range[0]);
        node = pair.value as Node | null;
        continue;
      }
      if (isSeq(node) && typeof step === 'number') {
        node = node.items[step] as Node | undefined;
        if (node?.range) line = lineAt(node.range[0]);
        continue;
      }
      break;
    }
    return line;
  };
  return { data, errors, lineOf };
}
