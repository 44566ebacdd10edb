/**
 * The line whose first field (the text before its first space) is `key`, in lines sorted by that
 * field in code-unit order, binary-searched as look(1) does: `lineAt(at)` reads from position `at`
 * to the end of its line, so neither a file on disk nor a string in memory is split into lines first
 * (splitting WordNet's index files and the SUBTLEX list cost ~130 ms on the first question).
 * Positions are `lineAt`'s own: bytes of a latin1 file, or a string's indexes.
 */
export function findLine(size: number, lineAt: (at: number) => string, key: string): string | undefined {
  if (!key) return undefined; // the key of a line starting with a space (WordNet's licence); no word is empty
  // Candidates are the lines that start in [lo, hi); lo is always a line start.
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    // The first line starting at or after mid.
    const start = mid === 0 ? 0 : mid + lineAt(mid - 1).length;
    if (start >= hi) {
      hi = mid;
      continue;
    }
    const line = lineAt(start);
    const space = line.indexOf(' ');
    const at = space < 0 ? line : line.slice(0, space);
    if (at === key) return line;
    if (at < key) lo = start + line.length + 1;
    else hi = start;
  }
  return undefined;
}
