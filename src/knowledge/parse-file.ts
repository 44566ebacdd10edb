import type { z } from 'zod';
import type { Problem } from './problems';

/** A fact id and where it is written. */
export interface FactId {
  id: string;
  index: number;
  line: number;
}

export type Parsed<T> =
  | { ok: true; value: T; lineAt: (path: ReadonlyArray<PropertyKey>) => number }
  | {
      ok: false;
      problems: Required<Problem>[];
      /** Valid ids of the facts that could be read, so a broken file does not hide a duplicate id elsewhere. */
      readableIds: FactId[];
    };

/** What a file is told as a whole, when it is empty or not the shape its kind needs; knowledge files' words by default. */
export interface WholeFileMessages {
  emptyFile: () => string;
  notAMapping: (found: 'a list' | 'a single value') => string;
}

/**
 * Parses YAML text and validates it against `schema`, reporting every problem with its line (parse-yaml.ts).
 * The parser is loaded on the first call, not with this module: the `yaml` package takes 30–50 ms to
 * load, and a warm start, whose knowledge comes validated from the cache, parses no YAML at all.
 */
export function parseYaml<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  allowedKeys?: (path: ReadonlyArray<PropertyKey>) => readonly string[],
  wholeFile?: WholeFileMessages,
): Parsed<z.infer<S>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const { parseYaml: parse } = require('./parse-yaml') as typeof import('./parse-yaml');
  return parse(file, text, schema, allowedKeys, wholeFile);
}
