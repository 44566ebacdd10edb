import { Document, isMap, isNode, isPair, isScalar, LineCounter } from 'yaml';

type Path = ReadonlyArray<PropertyKey>;

/** 1-based line of the deepest node that exists along `path` (the offending node, or its parent when missing). */
export function lineOf(doc: Document, lines: LineCounter, path: Path): number {
  let line = startLine(doc.contents, lines) ?? 1;
  for (let depth = 1; depth <= path.length; depth++) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    const found = startLine(node, lines);
    if (found === undefined) break;
    line = found;
  }
  return line;
}

/** Line of a key inside the mapping at `path` (for unknown fields, the key itself is the culprit). */
export function lineOfKey(doc: Document, lines: LineCounter, path: Path, key: string): number {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
    const line = pair && startLine(pair.key, lines);
    if (line !== undefined) return line;
  }
  return lineOf(doc, lines, path);
}

function startLine(node: unknown, lines: LineCounter): number | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return lines.linePos(node.range[0]).line;
}
