/** Tuning of the answer engine, in one place. Measured on the dev questions and StackFAQ (see README). */
export const ENGINE_DEFAULTS = Object.freeze({
  /** BM25 field boosts: a curator's stored questions say most about what a fact answers. */
  fieldBoosts: Object.freeze({ questions: 3, text: 1, tags: 1.5, source: 0.5, cues: 0.3 }),
  bm25: Object.freeze({ k: 1.8, b: 0.9, d: 0 }),
  /** A general-English synonym counts this much towards coverage (the word itself counts 1)... */
  synonymCredit: 0.6,
  /** ...and is boosted this much in BM25: synonyms bridge paraphrases but are noisy in long texts. */
  synonymBoost: 0.15,
  /** Weight of a spelling correction, times its similarity. */
  fuzzyWeight: 0.9,
  fuzzy: Object.freeze({ threshold: 0.34, minLength: 4, maxLengthDifference: 2, maxCorrections: 2 }),
  /** Query terms are boosted by IDF^idfPower on top of BM25's own IDF: rare words decide. */
  idfPower: 1,
  /** Reward for matching more query terms: BM25 × (terms matched)^coordination; 0 = plain BM25. */
  coordination: 0,
  /** How many BM25 candidates are re-ranked. */
  candidates: 30,
  /**
   * Final score = coverage^coverageExponent × (1 - bm25Share + bm25Share × BM25 relative to the best
   * candidate). The best answer's score is its coverage^coverageExponent.
   */
  bm25Share: 1,
  coverageExponent: 0.5,
  /** Minimum confidence of the best answer for `answered`. */
  answerThreshold: 0.72,
  /** Longest question considered, in words: the rest of a pasted essay adds nothing but time. */
  maxQueryTokens: 64,
  defaultTop: 3,
});

export type EngineConfig = typeof ENGINE_DEFAULTS;
