import Fuse from 'fuse.js';
import { editDistance } from './edit-distance';
import { memo } from '../memo';

export interface Correction {
  /** The known word the query word was taken for, as written in the knowledge. */
  word: string;
  /** Index term it stands for (a stem or an alias term). */
  term: string;
  /** 0..1, 1 = identical. */
  similarity: number;
}

export interface FuzzyOptions {
  /** fuse.js threshold a word further than one slip must pass: 0 = exact only, 1 = anything. */
  threshold: number;
  minLength: number;
  maxLengthDifference: number;
  maxCorrections: number;
}

/** The word with one letter removed, every way. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const MAX_CANDIDATES = 64;

const firstLetterChanged = (typed: string, word: string) => (typed[0] === word[0] ? 0 : 1);

/**
 * Spelling and transliteration correction of query words against the words of the knowledge
 * ("talibn" -> "taliban", "Panjsher" -> "Panjshir"). Candidates come from a deletion index
 * (SymSpell-style: a word and a query word within about two edits share a one-deletion variant),
 * so a lookup touches a few dozen words whatever the vocabulary size. Of that short list, words one
 * slip away are taken, and further ones when fuse.js's score passes the threshold; the closest win
 * (`correct`), several only when equally close.
 */
export class FuzzyVocabulary {
  private readonly termOf = new Map<string, string>();
  /** A word, or a word with one letter deleted -> the words it comes from. */
  private readonly variants = new Map<string, string | string[]>();
  /**
   * Words not yet in the deletion index. It is built at the first correction, not up front: at 100k
   * facts it costs ~0.2–0.6 s, which a warm `brief ask` and a reload's main-thread swap need not pay
   * when no word is misspelt.
   */
  private pending: Array<[word: string, term: string]> | undefined;

  /**
   * Insertion order of each word: among equally close words, the earlier one wins (the everyday
   * vocabulary lists common words first; the knowledge's words come in the order they first appear).
   */
  private readonly order = new Map<string, number>();
  private readonly corrections = new Map<string, readonly Correction[]>();

  constructor(
    words: Iterable<[word: string, term: string]>,
    private readonly options: FuzzyOptions,
  ) {
    this.pending = [...words];
  }

  private built(): this {
    for (const [word, term] of this.pending ?? []) {
      if (word.length < this.options.minLength || this.termOf.has(word) || !/^\p{L}+$/u.test(word)) continue;
      this.termOf.set(word, term);
      this.order.set(word, this.order.size);
      this.addVariant(word, word);
      for (const variant of deletions(word)) this.addVariant(variant, word);
    }
    this.pending = undefined;
    return this;
  }

  private addVariant(variant: string, word: string): void {
    const existing = this.variants.get(variant);
    if (existing === undefined) this.variants.set(variant, word);
    else if (typeof existing === 'string') {
      if (existing !== word) this.variants.set(variant, [existing, word]);
    } else if (!existing.includes(word)) existing.push(word);
  }

  get size(): number {
    return this.built().termOf.size;
  }

  private candidates(word: string): string[] {
    const found = new Set<string>();
    const collect = (key: string) => {
      const hit = this.variants.get(key);
      if (hit === undefined) return;
      if (typeof hit === 'string') found.add(hit);
      else for (const w of hit) found.add(w);
    };
    collect(word);
    const once = deletions(word);
    for (const d of once) collect(d);
    if (word.length > this.options.minLength) for (const d of once) for (const dd of deletions(d)) if (found.size < MAX_CANDIDATES) collect(dd);
    return [...found].filter((w) => Math.abs(w.length - word.length) <= this.options.maxLengthDifference).slice(0, MAX_CANDIDATES);
  }

  /**
   * The corrections of `word`, remembered: a question reads each unknown word twice (is it a typo of an
   * everyday word or of a name?), and a bot is asked the same words again.
   */
  correct(word: string): readonly Correction[] {
    return memo(this.corrections, word, () => this.compute(word));
  }

  private compute(word: string): Correction[] {
    const { minLength, threshold, maxCorrections } = this.options;
    if (word.length < minLength || !/^\p{L}+$/u.test(word)) return [];
    const candidates = this.built().candidates(word);
    if (candidates.length === 0) return [];
    const distances = candidates.map((w) => editDistance(word, w));
    const nearest = Math.min(...distances);
    // A word one slip away is admitted whatever fuse.js says, and then only the nearest are kept: fuse.js need
    // only score those (its score of a word does not depend on the others; scoring all of them was a tenth
    // of the first asking of a question with an unknown word).
    const scoredByFuse = nearest <= 1 ? candidates.filter((_, i) => distances[i] === nearest) : candidates;
    const fuse = new Map(new Fuse(scoredByFuse, { includeScore: true, threshold: 1, isCaseSensitive: true }).search(word).map(({ item, score = 1 }) => [item, 1 - score]));
    // Ranked as a typist errs: fewest slips first (edit-distance.ts), then a kept first letter (typos seldom
    // touch it), then the caller's order. Fuse's score alone took "waht" for "want" and "thier" for
    // "there" (docs/quality-log.md measures the gain); it still admits words more than a slip away.
    const scored = candidates
      .map((w, i) => ({ word: w, distance: distances[i]!, fuse: fuse.get(w) ?? 0 }))
      .filter((c) => c.fuse > 1 - threshold || c.distance <= 1)
      .sort((a, b) => a.distance - b.distance || firstLetterChanged(word, a.word) - firstLetterChanged(word, b.word) || this.order.get(a.word)! - this.order.get(b.word)!);
    const best = scored[0]?.distance;
    const distinct = new Map<string, Correction>();
    for (const c of scored) {
      if (c.distance !== best || distinct.size >= maxCorrections) break;
      const term = this.termOf.get(c.word)!;
      const similarity = Math.max(c.fuse, 1 - c.distance / Math.max(word.length, c.word.length));
      if (!distinct.has(term)) distinct.set(term, { word: c.word, term, similarity });
    }
    return [...distinct.values()];
  }
}
