import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { ZodMiniType } from 'zod/mini';
import type { Diagnostics, Point } from './diagnostics.js';

/**
 * Parses YAML and validates it against a schema, reporting each problem at the position of the
 * offending node. `offset` shifts positions when the YAML is embedded (front matter).
 */
export function readYaml<T>(
  text: string,
  schema: ZodMiniType<T>,
  file: string,
  diagnostics: Diagnostics,
  offset: Point = { line: 1, column: 1 },
): T | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (pos: number): Point => {
    const p = lineCounter.linePos(pos);
    return { line: p.line + offset.line - 1, column: p.line === 1 ? p.col + offset.column - 1 : p.col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      diagnostics.add(
        file,
        at(error.pos[0]),
        'yaml-syntax',
        `YAML: ${error.message.split('\n')[0]}`,
        'Fix the YAML syntax (indentation, quoting a value that contains ": " or "#").',
      );
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyNode = findKey(doc, path, key);
        diagnostics.add(
          file,
          at(keyNode ?? 0),
          'unknown-field',
          `Unknown field \`${[...path, key].join('.')}\``,
          'Remove it or fix its spelling; content/README.md lists the fields.',
        );
      }
      continue;
    }
    const exact = path.length > 0 ? doc.getIn(path, true) : doc.contents;
    const node = isNode(exact) ? exact : nearestNode(doc, path);
    const key = path.length > 0 ? path.join('.') : '(document)';
    const missing = issue.code === 'invalid_type' && !isNode(exact);
    diagnostics.add(
      file,
      at(node?.range?.[0] ?? 0),
      missing ? 'required-field' : 'invalid-field',
      missing ? `Missing required field \`${key}\`` : `Invalid \`${key}\`: ${issue.message}`,
      hintFor(key, missing),
    );
  }
  return undefined;
}

/** Offset of a mapping's key, for pointing at a field that should not be there. */
function findKey(doc: Document, path: (string | number)[], key: string): number | undefined {
  const map = path.length > 0 ? doc.getIn(path, true) : doc.contents;
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

function nearestNode(doc: Document, path: (string | number)[]): { range?: [number, number, number] | null } | undefined {
  for (let i = path.length - 1; i > 0; i--) {
    const node = doc.getIn(path.slice(0, i), true);
    if (isNode(node)) return node;
  }
  return isNode(doc.contents) ? doc.contents : undefined;
}

function hintFor(key: string, missing: boolean): string {
  return missing
    ? `Add \`${key.split('.').at(-1)}:\` with a value; see content/README.md for the fields.`
    : 'Give the value the type and form that content/README.md describes.';
}
