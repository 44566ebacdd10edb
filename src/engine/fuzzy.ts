import Fuse from 'fuse.js';

export interface Correction {
  /** The known word the query word was taken for, as written in the knowledge. */
  word: string;
  /** Index term it stands for (a stem or an alias term). */
  term: string;
  /** 0..1, 1 = identical. */
  similarity: number;
}

export interface FuzzyOptions {
  /** fuse.js threshold: 0 = exact only, 1 = anything. */
  threshold: number;
  minLength: number;
  maxLengthDifference: number;
  maxCorrections: number;
}

/**
 * Spelling and transliteration correction of query words against the words of the knowledge
 * ("Masood" -> "Massoud", "Panjsher" -> "Panjshir"). fuse.js scores the candidates; the words are
 * bucketed by first letter and length so that each lookup scans a few hundred words at most,
 * never the whole vocabulary.
 */
export class FuzzyVocabulary {
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly termOf = new Map<string, string>();

  constructor(
    words: Iterable<[word: string, term: string]>,
    private readonly options: FuzzyOptions,
  ) {
    for (const [word, term] of words) {
      if (word.length < options.minLength || this.termOf.has(word) || !/^\p{L}+$/u.test(word)) continue;
      this.termOf.set(word, term);
      const key = bucketKey(word[0]!, word.length);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(word);
      else this.buckets.set(key, [word]);
    }
  }

  get size(): number {
    return this.termOf.size;
  }

  correct(word: string): Correction[] {
    const { minLength, maxLengthDifference, threshold, maxCorrections } = this.options;
    if (word.length < minLength || !/^\p{L}+$/u.test(word)) return [];
    const found: Correction[] = [];
    for (let delta = -maxLengthDifference; delta <= maxLengthDifference; delta++) {
      const fuse = this.fuseFor(bucketKey(word[0]!, word.length + delta));
      if (!fuse) continue;
      for (const { item, score = 1 } of fuse.search(word, { limit: maxCorrections })) {
        found.push({ word: item, term: this.termOf.get(item)!, similarity: 1 - score });
      }
    }
    found.sort((a, b) => b.similarity - a.similarity || a.word.localeCompare(b.word));
    const best = found[0]?.similarity ?? 0;
    const distinct = new Map<string, Correction>();
    for (const c of found) {
      if (best - c.similarity > 0.1 || distinct.size >= maxCorrections) break;
      if (!distinct.has(c.term) && c.similarity > 1 - threshold) distinct.set(c.term, c);
    }
    return [...distinct.values()];
  }

  private fuseFor(key: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(key);
    if (!fuse) {
      const bucket = this.buckets.get(key);
      if (!bucket) return undefined;
      fuse = new Fuse(bucket, { includeScore: true, threshold: this.options.threshold, isCaseSensitive: true });
      this.fuses.set(key, fuse);
    }
    return fuse;
  }
}

const bucketKey = (first: string, length: number) => `${first}${length}`;
