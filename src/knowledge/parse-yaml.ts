import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { knowledgeMessages as msg } from '../messages';
import { lineOf, lineOfKey } from './locate';
import { fieldName, issueMessage, type Problem } from './problems';
import { factSchema, knowledgeFileSchema, sourceSchema } from './schema';
import { syntaxProblems } from './yaml-errors';
import type { FactId, Parsed, WholeFileMessages } from './parse-file';

const factKeys = Object.keys(factSchema.shape);
const allowedKeysFor = (path: ReadonlyArray<PropertyKey>): readonly string[] => {
  if (path.length === 0) return Object.keys(knowledgeFileSchema.shape);
  if (path[0] === 'source') return Object.keys(sourceSchema.shape);
  return factKeys;
};

/** Parses YAML text and validates it against `schema`, reporting every problem with its line (loaded through parse-file.ts). */
export function parseYaml<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  allowedKeys: (path: ReadonlyArray<PropertyKey>) => readonly string[] = allowedKeysFor,
  wholeFile: WholeFileMessages = msg,
): Parsed<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { ok: false, problems: syntaxProblems(file, text, doc.errors, lines), readableIds: readableIds(doc, lines) };
  }
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) return { ok: false, problems: [{ file, line: 1, message: wholeFile.emptyFile() }], readableIds: [] };

  const result = schema.safeParse(root);
  const lineAt = (path: ReadonlyArray<PropertyKey>) => lineOf(doc, lines, path);
  if (result.success) return { ok: true, value: result.data, lineAt };

  const problems: Required<Problem>[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length === 0 ? 'the file' : fieldName(issue.path);
      for (const key of issue.keys) {
        problems.push({
          file,
          line: lineOfKey(doc, lines, issue.path, key),
          message: msg.unknownField(where, key, allowedKeys(issue.path)),
        });
      }
    } else if (issue.code === 'invalid_type' && issue.path.length === 0) {
      problems.push({ file, line: lineAt([]), message: wholeFile.notAMapping(Array.isArray(root) ? 'a list' : 'a single value') });
    } else {
      problems.push({ file, line: lineAt(issue.path), message: issueMessage(issue, root, allowedKeys) });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: false, problems, readableIds: readableIds(doc, lines) };
}

/** Ids of `facts:` entries that are valid ids, read from the syntax tree (which survives syntax errors). */
function readableIds(doc: Document, lines: LineCounter): FactId[] {
  const facts = doc.get('facts', true);
  if (!isSeq(facts)) return [];
  return facts.items.flatMap((item, index) => {
    const id = isMap(item) ? item.get('id', true) : undefined;
    if (!isScalar(id) || !factSchema.shape.id.safeParse(id.value).success || !id.range) return [];
    return [{ id: String(id.value), index, line: lines.linePos(id.range[0]).line }];
  });
}
