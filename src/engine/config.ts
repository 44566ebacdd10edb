/** Tuning of the lexical stage of the answer engine, in one place (the answer decision is decision-model.json). */
export const ENGINE_DEFAULTS = Object.freeze({
  /** BM25 field boosts: a curator's stored questions say most about what a fact answers. */
  fieldBoosts: Object.freeze({ questions: 3, text: 1, tags: 1.5, source: 0.5, cues: 0.3 }),
  bm25: Object.freeze({ k: 1.8, b: 0.9 }),
  /** A word English relates to the question's word (WordNet) counts this much towards coverage (the word itself counts 1)... */
  synonymCredit: 0.6,
  /** ...and is boosted this much in BM25: related words bridge paraphrases but are noisy in long texts. */
  synonymBoost: 0.15,
  /** Weight of a spelling correction, times its similarity. */
  fuzzyWeight: 0.9,
  fuzzy: Object.freeze({ threshold: 0.34, minLength: 4, maxLengthDifference: 2, maxCorrections: 2 }),
  /** Least lexical score (√coverage × relative BM25) of an answer; the decision model must agree too. */
  lexicalGate: 0.65,
  /** How many BM25 candidates the decision model judges. */
  candidates: 30,
  /**
   * The best `candidates` by lexical score are re-ordered by lexical score + `blend` × probability. Chosen
   * on the tuning halves with StackFAQ as a floor check: a larger blend (0.2–1) helped the banks' ranking
   * a little more but took StackFAQ answer-only below its floor.
   */
  rerank: Object.freeze({ candidates: 3, blend: 0.1 }),
  /**
   * The semantic stage orders the same candidates by lexical score + `cosine` × the best sentence cosine +
   * `probability` × its probability. Chosen on the tuning halves and on half of StackFAQ's threads (odd
   * ids), the other half kept as the held-out check (README, Quality → StackFAQ): cosine 2 and probability 0.5 lifted
   * StackFAQ title + answer from 0.790 to 0.809 on the chosen half and from 0.775 to 0.805 on the held-out
   * half, with the banks' answers unchanged. Deeper heads (5, 10) were no better on the held-out half, and
   * the model was fitted on the best three. `similar` more candidates join those three: the lexical
   * candidates (of `candidates`) closest to the question in meaning, for a right fact that shares few
   * words with the question. 0–3 were measured (docs/quality-log.md); with the model refitted on them, 2 lifted
   * StackFAQ on both halves (title + answer 0.814 → 0.824 chosen, 0.805 → 0.808 held out) and the
   * writer-held-out banks (276 → 282 right at 0.70, still 34 wrong); there 1 gave 279 and 35, within noise.
   */
  semanticRerank: Object.freeze({ cosine: 2, probability: 0.5, similar: 2 }),
  /**
   * A lexical answer at least this probable (or a stored question asked as stored) is given by the semantic
   * stage without asking the sentence model, and `brief ask` then never loads it. On the tuning banks, from 0.8
   * up every such answer was the semantic stage's own (none changed); 0.9 (113 of their 494 questions) keeps
   * clear of a role swap word matching rated 0.81 then (0.79 now: "Does the Taliban get foreign support?", which
   * the model declines). Lower, answers changed: at 0.7 five more right, at 0.65 four more wrong (docs/quality-log.md).
   */
  lexicalSure: 0.9,
  /**
   * Evidence that a fact is not the answer however much else it shares with the question: it holds nothing
   * of the kind asked (no date for "when", no unit for "how long"), it lacks a name the question gives
   * ("What does Iran think of the NRF?"), or it has the name only inside a compound ("anti-Taliban"). A
   * linear model cannot let one feature outvote the rest, so these scale the probability down. Chosen out
   * of fold on the tuning questions (docs/quality-log.md); "off topic" and "someone else quoted" were tried too.
   */
  vetoes: Object.freeze({ features: Object.freeze(['typeMismatch', 'entityMissing', 'entityInCompoundOnly'] as const), factor: 0.25 }),
  /**
   * A fact's `does_not_answer` phrasings (a curator's near-misses, or questions people marked 👎) rule it out
   * for a question that restates one of them at least `least` closely (not-answered.ts), as the vetoes do.
   */
  notAnswered: Object.freeze({ least: 0.5 }),
  /**
   * The score of a question asked exactly as a fact's stored question (restated.ts), or asking for an overview of
   * the subject one defines (overview.ts), or the model's when higher: the curator declared the answer. Asked verbatim, the bundled knowledge's 211 stored questions were all
   * answered with their own fact this way, 205 by the model alone (6 declined, none answered wrongly).
   */
  restated: Object.freeze({ probability: 0.99 }),
  /** Longest question considered, in words: the rest of a pasted essay adds nothing but time. */
  maxQueryTokens: 64,
  /**
   * `Engine.warm` reads every fact's stored questions ahead of use only while the knowledge (of one book) has
   * at most `maxFacts` facts: ~300 bytes a fact kept, so ~6 MB at 20,000; at 100,000 the 30 MB would break
   * the RSS goal (README, Performance), and those facts are read the first time each is a candidate. Then it
   * looks up in English and WordNet the knowledge's `words` most frequent words (by how many facts use them):
   * 5,000 took ~100 ms at 10k facts and brought the first questions' p99 under 1 ms in 10 of 10 alternating
   * bench runs (2,000: ~60 ms; all 25,000: ~340 ms, no better; docs/performance-log.md).
   */
  warm: Object.freeze({ maxFacts: 20_000 as number, words: 5_000 as number }),
  defaultTop: 3,
});

export type EngineConfig = typeof ENGINE_DEFAULTS;
