/**
 * How far a typed word is from a word meant, counted as a typist errs: a letter left out, one too many,
 * or two neighbours swapped ("waht") is one slip; so is a letter replaced by a key next to it ("mamy")
 * or a vowel by another vowel ("seperate"), and so is a letter no key types replaced by any ("ı" for
 * "i"). Any other replaced letter counts one and a half, so "wher" is closer to "where" (a letter left
 * out) than to "when" (r and n are far apart). This is the optimal
 * string alignment distance with those substitution costs; words here are short, so the full table
 * costs nothing worth saving.
 */
export function editDistance(typed: string, word: string): number {
  let beforeLast: number[] = [];
  let last = Array.from({ length: word.length + 1 }, (_, j) => j);
  for (let i = 1; i <= typed.length; i++) {
    const row = [i];
    for (let j = 1; j <= word.length; j++) {
      const a = typed[i - 1]!;
      const b = word[j - 1]!;
      let d = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + (a === b ? 0 : substitution(a, b)));
      if (i > 1 && j > 1 && a === word[j - 2] && typed[i - 2] === b) d = Math.min(d, beforeLast[j - 2]! + 1);
      row.push(d);
    }
    beforeLast = last;
    last = row;
  }
  return last[word.length]!;
}

const FAR = 1.5;
const VOWEL = /^[aeiou]$/;
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Each letter's place on a QWERTY keyboard: row, and column with the rows' half-key stagger. */
const KEYS = new Map(ROWS.flatMap((row, r) => [...row].map((c, k) => [c, { row: r, column: k + r / 2 }] as const)));

function substitution(a: string, b: string): number {
  if (VOWEL.test(a) && VOWEL.test(b)) return 1;
  const x = KEYS.get(a);
  const y = KEYS.get(b);
  if (!x || !y) return 1;
  return Math.abs(x.row - y.row) <= 1 && Math.abs(x.column - y.column) <= 1 ? 1 : FAR;
}
