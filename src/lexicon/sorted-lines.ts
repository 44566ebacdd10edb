/**
 * Text read where it lies, a code unit at a time: bytes of a latin1 file (WordNet's index files) or a
 * string's code units (the SUBTLEX list). Positions are the source's own.
 */
export interface LineSource {
  readonly size: number;
  /** The code unit at `at` (0 <= at < size). */
  codeAt(at: number): number;
  /** Where the line holding `at` ends: the position of its newline, or `size`. */
  lineEnd(at: number): number;
  /** The text of [from, to): only a line found is made a string. */
  text(from: number, to: number): string;
}

const NEWLINE = 10;
const SPACE = 32;

/**
 * How the first field (the text before the first space) of the line starting at `start` sorts against
 * `key`, in code-unit order: negative before, 0 equal, positive after. Compared in place: a string per
 * step of the search was a seventh of what a question allocated.
 */
function compareField(source: LineSource, start: number, key: string): number {
  for (let i = 0; i < key.length; i++) {
    const at = start + i;
    const c = at < source.size ? source.codeAt(at) : NEWLINE;
    // The field ends first: a proper prefix of the key sorts before it, whatever the key's next character.
    if (c === SPACE || c === NEWLINE) return -1;
    if (c !== key.charCodeAt(i)) return c - key.charCodeAt(i);
  }
  const after = start + key.length < source.size ? source.codeAt(start + key.length) : NEWLINE;
  return after === SPACE || after === NEWLINE ? 0 : 1;
}

/**
 * The line whose first field is `key`, in lines sorted by that field in code-unit order,
 * binary-searched as look(1) does, so neither a file on disk nor a string in memory is split into
 * lines first (splitting WordNet's index files and the SUBTLEX list cost ~130 ms on the first question).
 */
export function findLine(source: LineSource, key: string): string | undefined {
  if (!key) return undefined; // the key of a line starting with a space (WordNet's licence); no word is empty
  // Candidates are the lines that start in [lo, hi); lo is always a line start.
  let lo = 0;
  let hi = source.size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    // The first line starting at or after mid.
    const start = mid === 0 ? 0 : source.lineEnd(mid - 1) + 1;
    if (start >= hi) {
      hi = mid;
      continue;
    }
    const order = compareField(source, start, key);
    if (order === 0) return source.text(start, source.lineEnd(start));
    if (order < 0) lo = source.lineEnd(start) + 1;
    else hi = start;
  }
  return undefined;
}

/** A string of lines as a LineSource. */
export function stringLines(lines: string): LineSource {
  return {
    size: lines.length,
    codeAt: (at) => lines.charCodeAt(at),
    lineEnd: (at) => {
      const nl = lines.indexOf('\n', at);
      return nl < 0 ? lines.length : nl;
    },
    text: (from, to) => lines.slice(from, to),
  };
}
