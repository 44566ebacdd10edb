import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { knowledgeMessages as msg } from '../messages';
import { lineOf, lineOfKey } from './locate';
import { fieldName, issueMessage, type Problem } from './problems';
import { factSchema, knowledgeFileSchema, sourceSchema } from './schema';

export type Parsed<T> =
  | { ok: true; value: T; lineAt: (path: ReadonlyArray<PropertyKey>) => number }
  | { ok: false; problems: Problem[] };

const factKeys = Object.keys(factSchema.shape);
const allowedKeysFor = (path: ReadonlyArray<PropertyKey>): readonly string[] => {
  if (path.length === 0) return Object.keys(knowledgeFileSchema.shape);
  if (path[0] === 'source') return Object.keys(sourceSchema.shape);
  return factKeys;
};

/** Parses YAML text and validates it against `schema`, reporting every problem with its line. */
export function parseYaml<S extends z.ZodType>(file: string, text: string, schema: S): Parsed<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        line: error.code === 'MISSING_CHAR' ? openingQuoteLine(text, error.pos[0]) ?? lines.linePos(error.pos[0]).line : lines.linePos(error.pos[0]).line,
        message:
          error.code === 'MISSING_CHAR' && /quote/.test(error.message)
            ? msg.unclosedQuote()
            : msg.yamlSyntax(error.message.split('\n')[0] ?? error.message),
      })),
    };
  }
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) return { ok: false, problems: [{ file, line: 1, message: msg.emptyFile() }] };

  const result = schema.safeParse(root);
  const lineAt = (path: ReadonlyArray<PropertyKey>) => lineOf(doc, lines, path);
  if (result.success) return { ok: true, value: result.data, lineAt };

  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length === 0 ? 'the file' : fieldName(issue.path);
      for (const key of issue.keys) {
        problems.push({
          file,
          line: lineOfKey(doc, lines, issue.path, key),
          message: msg.unknownField(where, key, allowedKeysFor(issue.path)),
        });
      }
    } else if (issue.code === 'invalid_type' && issue.path.length === 0) {
      problems.push({ file, line: lineAt([]), message: msg.notAMapping(Array.isArray(root) ? 'a list' : 'a single value') });
    } else {
      problems.push({ file, line: lineAt(issue.path), message: issueMessage(issue, root, allowedKeysFor) });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { ok: false, problems };
}

/**
 * yaml notices an unclosed quote only where the file ends; the curator needs the line where the
 * quote was opened: the last line before `pos` with an odd number of that quote character.
 */
function openingQuoteLine(text: string, pos: number): number | undefined {
  const before = text.slice(0, pos).split('\n');
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i]!;
    for (const quote of ['"', "'"]) {
      const count = line.split(quote).length - 1 - (line.split(`\\${quote}`).length - 1);
      if (count % 2 === 1) return i + 1;
    }
  }
  return undefined;
}
