/**
 * "Verbatim" as a curator means it: the same words in the same order. Only whitespace, quote and
 * dash styles and letter case may differ, so a fact can be wrapped over lines in YAML and typed
 * with straight quotes.
 */
export function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[‐‑‒–—―−]/g, '-');
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const normalise = (text: string): string => words(text).map(normaliseWord).join(' ');

/** A source's text, prepared once for checking many facts against it. */
export interface StoredText {
  normalised: string;
  words: string[];
}

export function prepareText(text: string): StoredText {
  return { normalised: normalise(text), words: words(text) };
}

/** Not bound to word edges: an excerpt may start inside quotation marks or stop before a full stop. */
export function isVerbatim(fact: string, source: StoredText): boolean {
  return source.normalised.includes(normalise(fact));
}

/** The run of source words, as long as the fact, sharing the most words with it (a sliding multiset count). */
export function closestPassage(fact: string, source: StoredText): string {
  const wanted = new Map<string, number>();
  const factWords = words(fact).map(normaliseWord);
  for (const w of factWords) wanted.set(w, (wanted.get(w) ?? 0) + 1);
  const n = Math.min(factWords.length, source.words.length);
  const have = new Map<string, number>();
  let shared = 0;
  let best = { shared: -1, start: 0 };
  const norm = source.words.map(normaliseWord);
  norm.forEach((w, i) => {
    const count = (have.get(w) ?? 0) + 1;
    have.set(w, count);
    if (count <= (wanted.get(w) ?? 0)) shared++;
    if (i >= n) {
      const out = norm[i - n]!;
      const left = have.get(out)! - 1;
      have.set(out, left);
      if (left < (wanted.get(out) ?? 0)) shared--;
    }
    if (i >= n - 1 && shared > best.shared) best = { shared, start: i - n + 1 };
  });
  return source.words.slice(best.start, best.start + n).join(' ');
}

/** Word diff of the fact against the passage: `[-fact only-]` and `{+passage only+}`, from a longest common subsequence. */
export function wordDiff(fact: string, passage: string): string {
  const a = words(fact);
  const b = words(passage);
  const same = (i: number, j: number) => normaliseWord(a[i]!) === normaliseWord(b[j]!);
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = same(i, j) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(i, j)) {
      out.push(a[i++]!);
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(`[-${a[i++]!}-]`);
    else out.push(`{+${b[j++]!}+}`);
  }
  return out.join(' ');
}
