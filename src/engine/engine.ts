import type { Fact, KnowledgeBase } from '../knowledge/schema';
import { ENGINE_DEFAULTS, type EngineConfig } from './config';
import { DECISION_MODEL, answerProbability, checkFlag, probability, type DecisionModel } from './decision';
import { fold, tokenize, type Token } from './analyse';
import { factTypes } from './answer-type';
import { candidateFeatures, FEATURES, quotedSpeakers } from './features';
import { FuzzyVocabulary } from './fuzzy';
import { buildIndex, type BuiltIndex } from './index-builder';
import { FIELDS } from './fact-fields';
import { sharedLexicon, type Lexicon } from './lexicon';
import { planQuery, readPhrasing, readStoredQuestion, type QueryContext, type QueryPlan } from './query';
import { notAnsweredMatch, readNotAnswered, ruledOutLast, type NotAnswered } from './not-answered';
import { rank, type MatchReason } from './rank';
import { restatedFact, restatedFirst } from './restated';
import { definedSubject, definingFact, requestedSubject } from './overview';
import { requestedAcronym, spellingOutFact } from './acronym';
import { focusQuestion } from './focus';

export interface RankedFact {
  fact: Fact;
  /** Probability (0..1) that this fact answers the question, from the decision model. */
  score: number;
  /** 0..1: how closely the fact matches the question's words (√coverage × BM25 relative to the best). */
  relevance: number;
  matched: MatchReason[];
  /**
   * The question is one of this fact's stored questions, as asked (restated.ts), or asks for an overview of the
   * subject one of them defines (overview.ts): answered whatever the model's score.
   */
  restated?: true;
  /** The acronym whose expansion the question asks and this fact writes out (acronym.ts); it is `restated` too. */
  spelledOut?: string;
  /** The phrasing of the fact's `does_not_answer` the question restates, which ruled it out (not-answered.ts). */
  notAnswered?: string;
}

export interface Answer {
  question: string;
  /** True when the best fact is a confident answer; otherwise `results` are only the closest topics. */
  answered: boolean;
  /** Answered, but below the decision's sure point (decision.ts `checkFlag`): shown with a note to check the source. */
  toCheck?: true;
  results: RankedFact[];
}

export interface AskOptions {
  top?: number;
}

/** A candidate with its evidence and the decision model's probability (`judge`, for fitting the model). */
export interface Judged {
  id: number;
  /** Probability that the fact answers the question, after the vetoes (decision.ts): what decides and is shown. */
  probability: number;
  /** The model's own probability, before the vetoes: what orders the candidates. */
  modelProbability: number;
  features: number[];
  matched: MatchReason[];
  /**
   * The question is one of this fact's stored questions, as asked (restated.ts), or asks what one defines
   * (overview.ts), or what an acronym the fact spells out stands for (acronym.ts, and then `spelledOut`).
   */
  restated?: true;
  spelledOut?: string;
  /** Index in the fact's `does_not_answer` of the phrasing the question restates (not-answered.ts). */
  notAnswered?: number;
}

export interface Engine {
  ask(question: string, options?: AskOptions): Answer;
  /**
   * Reads the next `count` facts' stored questions (and the subjects they define) now, as `judge` reads a fact's
   * the first time it is a candidate, then looks up the knowledge's most frequent words in the lexicon, as a
   * question's words are looked up; the answers are the same either way. A bot does it in the background
   * after a start or a reload (knowledge/warm.ts): its first questions then meet facts and words already read,
   * and what they keep no longer lengthens the minor collections that land in them. Nothing is read beyond
   * `config.warm.maxFacts` facts. `count` counts facts and words alike; returns how many are left to read.
   */
  warm(count?: number): number;
  /**
   * The best `count` candidates with features and probability, in answer order (training, the semantic stage),
   * then, when word matching ranks it lower, the fact that stores the question (`restated`, restated.ts).
   */
  judge(question: string, count?: number): Judged[];
  /**
   * The answer `ask` gives, from candidates `judge` gave for the question (at least `top` of them): the
   * first `top` of `judge`'s order are `ask`'s, so a caller that needs both judges once.
   */
  answerFrom(question: string, judged: readonly Judged[], top: number): Answer;
  /** The question as matched: without sentences of chatter around it (focus.ts). */
  focus(question: string): string;
  readonly facts: readonly Fact[];
  readonly knowledge: Pick<KnowledgeBase, 'sources' | 'fingerprint'>;
}

export interface EngineOptions {
  config?: EngineConfig;
  lexicon?: Lexicon;
  model?: DecisionModel;
  /** The index of exactly these facts and aliases, from the cache or the reload worker. */
  prebuilt?: BuiltIndex;
}

const LEXICAL = FEATURES.indexOf('lexicalScore');

const QUESTION_FIELDS = [FIELDS.indexOf('questions'), FIELDS.indexOf('tags')];
const TEXT_FIELD = FIELDS.indexOf('text');

/** The `count` words most facts use, as the knowledge writes them (one form a stem), most used first. */
function mostFrequentWords(index: BuiltIndex, count: number): string[] {
  return [...index.displayWord]
    .map(([term, word]) => ({ word, facts: index.documentFrequency(term) }))
    .sort((a, b) => b.facts - a.facts)
    .slice(0, count)
    .map((w) => w.word);
}

export function createEngine(knowledge: KnowledgeBase, options: EngineOptions = {}): Engine {
  const { config = ENGINE_DEFAULTS, lexicon = sharedLexicon(), model = DECISION_MODEL, prebuilt } = options;
  const facts = knowledge.facts;
  const index = prebuilt ?? buildIndex(facts, knowledge.aliases);
  const boosts = FIELDS.map((f) => config.fieldBoosts[f]);
  const fuzzy = new FuzzyVocabulary(index.words, config.fuzzy);
  const n = facts.length;
  const idf = (term: string) => {
    const df = index.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const ctx: QueryContext = { index, fuzzy, lexicon, config, idf, maxIdf: Math.log(1 + (n + 0.5) / 0.5) };

  // Stored questions read literally, on demand for the few candidates of a question.
  const storedQuestionsOf = perFact((id) => facts[id]!.questions.map((q) => readStoredQuestion(q, ctx)));
  const definedOf = perFact((id) => facts[id]!.questions.map((q) => definedSubject(q, index.aliases)));
  // Read in full (names, what the fact lacks) the first time the fact is a candidate. Most facts have none, and
  // are not kept: one cache entry per candidate fact would be megabytes at 100k facts.
  const readNotAnsweredOf = perFact((id) =>
    facts[id]!.does_not_answer!.map((q) => readNotAnswered(q, readPhrasing(q, ctx), (stem) => index.search.contains(id, stem))),
  );
  const notAnsweredOf = (id: number): readonly NotAnswered[] => (facts[id]!.does_not_answer?.length ? readNotAnsweredOf(id) : []);
  // The kinds of answer each fact holds: the same for every question, and their patterns cost more than
  // the rest of a candidate's features (profiled under `npm run load`).
  const typesOf = perFact((id) => factTypes(facts[id]!.text, lexicon, facts[id]!.source.date !== undefined));
  // Likewise who each fact quotes (features.ts), which costs more still.
  const speakersOf = perFact((id) => quotedSpeakers(fold(facts[id]!.text).toLowerCase()));

  /** The terms a fact holds (in `fields`, else in any field), of those given. */
  function termsOf(id: number, terms: readonly string[], fields?: readonly number[]): Set<string> {
    const held = new Set<string>();
    for (const term of terms) if (index.search.contains(id, term, fields)) held.add(term);
    return held;
  }

  /**
   * The best `judged` candidates, in answer order. BM25 finds `config.candidates`; the lexical score orders
   * them; only those that can be shown are judged by the decision model (its features cost more than BM25).
   */
  function judgePlan(question: string, plan: QueryPlan, judged: number): Judged[] {
    const weights = new Map<string, number>();
    for (const concept of plan.concepts) {
      for (const alt of concept.alternatives) weights.set(alt.term, Math.max(weights.get(alt.term) ?? 0, alt.boost));
    }
    if (weights.size === 0) return [];
    for (const cue of plan.cues) if (!weights.has(cue)) weights.set(cue, 1);
    // Rare words decide: each term is boosted by its IDF on top of BM25's own.
    const boosted = new Map([...weights].map(([term, w]) => [term, w * idf(term)]));
    const hits = index.search.search(boosted, boosts, config.bm25, Math.max(config.candidates, judged));
    const queryTerms = [...weights.keys()];
    const candidates = new Map(hits.map((hit) => [hit.id, { id: hit.id, bm25: hit.score, terms: termsOf(hit.id, queryTerms) }]));
    const ranked = rank(plan, [...candidates.values()]);
    const lexical = ranked.slice(0, Math.max(judged, config.rerank.candidates));
    // A fact that stores the question is judged even when word matching ranks it too low to be shown.
    const asStored = restatedFact(question, candidates.keys(), (id) => facts[id]!.questions);
    const subject = asStored === undefined ? requestedSubject(question, index.aliases) : undefined;
    const defining = subject && definingFact(subject, candidates.keys(), definedOf);
    const acronym = asStored === undefined && defining === undefined ? requestedAcronym(question) : undefined;
    const spelling = acronym === undefined ? undefined : spellingOutFact(acronym, candidates.keys(), (id) => facts[id]!.text);
    const restated = asStored ?? defining ?? spelling;
    const late = restated === undefined || lexical.some((r) => r.id === restated) ? undefined : ranked.find((r) => r.id === restated);
    if (late) lexical.push(late);
    const topBm25 = hits[0]?.score ?? 0;
    let askedTerms: Set<string> | undefined;
    const asked = () => (askedTerms ??= new Set([...tokenize(question).map((t) => t.stem), ...plan.concepts.flatMap((c) => c.alternatives.map((a) => a.term))]));
    const results = lexical.map((r, i): Judged => {
      const fact = facts[r.id]!;
      const candidate = candidates.get(r.id)!;
      const bestOther = lexical.find((_, j) => j !== i)?.score ?? 0;
      const topicTerms = termsOf(r.id, queryTerms, QUESTION_FIELDS);
      const featured = candidateFeatures(
        plan,
        { terms: candidate.terms, topicTerms, hasTopic: fact.questions.length + fact.tags.length > 0, text: fact.text, speakers: () => speakersOf(r.id), types: () => typesOf(r.id), relativeBm25: topBm25 > 0 ? candidate.bm25 / topBm25 : 0, storedQuestions: storedQuestionsOf(r.id) },
        bestOther,
        lexicon,
      );
      const p = probability(featured.values, model);
      const ruledOut = notAnsweredMatch({ text: question, plan, asked }, { notAnswered: notAnsweredOf(r.id), stored: storedQuestionsOf(r.id), terms: candidate.terms });
      const judgedFact: Judged = { id: r.id, probability: answerProbability(featured.values, model, p, ruledOut !== undefined), modelProbability: p, features: featured.values, matched: featured.matched };
      if (ruledOut !== undefined) judgedFact.notAnswered = ruledOut;
      // A stored question is the curator's word whatever else the fact records; an overview request is not.
      const lifted = r.id === asStored || (r.id === restated && ruledOut === undefined);
      if (!lifted) return judgedFact;
      const spelledOut = r.id === spelling ? acronym : undefined;
      return Object.assign(judgedFact, { restated: true as const }, spelledOut !== undefined && { spelledOut });
    });
    // The best few lexical candidates are re-ordered by lexical score plus a share of the model's probability
    // (the model was fitted on them); the rest keep their lexical order. Ordering the rest by probability was
    // tried: it cost StackFAQ hit@5 2–7 points.
    const blend = (j: Judged) => j.features[LEXICAL]! + config.rerank.blend * j.modelProbability;
    const head = results.slice(0, config.rerank.candidates).sort((a, b) => blend(b) - blend(a) || a.id - b.id);
    const shownOnes = [...head, ...results.slice(config.rerank.candidates)].slice(0, judged);
    // The restated fact, when word matching ranks it below the `judged` asked for (or the head's order pushes it
    // out of them), comes last: `judge`'s callers (training) see the same candidates in the same order as without it.
    const flagged = results.find((r) => r.restated);
    return flagged && !shownOnes.includes(flagged) ? [...shownOnes, flagged] : shownOnes;
  }

  /**
   * A sentence of chatter: every word a stop word or an English word no fact's text uses, none written as a
   * name. Stored questions do not count: they are written in the words people ask with ("preparing", "asking").
   * "I'm asking about Hamas." is not chatter: a name the knowledge lacks must still rule its facts out.
   */
  const isChatter = (sentence: string) => {
    const tokens = tokenize(sentence);
    if (index.aliases.match(tokens).length > 0) return false;
    const everyday = (t: Token, i: number) => /^\p{L}+$/u.test(t.lower) && !(i > 0 && /^\p{Lu}/u.test(t.surface)) && lexicon.isEnglish(t.lower);
    return tokens.every((t, i) => t.isStop || (everyday(t, i) && index.search.fieldFrequency(t.stem, TEXT_FIELD) === 0));
  };
  const focus = (question: string) => focusQuestion(question, isChatter);

  function judge(question: string, count: number): Judged[] {
    const focused = focus(question);
    return judgePlan(focused, planQuery(focused, ctx), Math.max(1, count));
  }

  const readsAhead = facts.length <= config.warm.maxFacts;
  let warmed = readsAhead ? 0 : facts.length;
  const wordCount = readsAhead ? Math.min(config.warm.words, index.displayWord.size) : 0;
  let words: string[] | undefined;
  let wordsWarmed = 0;
  function warm(count = Number.POSITIVE_INFINITY): number {
    let budget = Math.max(0, count);
    for (; warmed < facts.length && budget > 0; warmed++, budget--) {
      storedQuestionsOf(warmed);
      definedOf(warmed);
    }
    if (budget > 0 && wordsWarmed < wordCount) words ??= mostFrequentWords(index, wordCount);
    for (; words && wordsWarmed < words.length && budget > 0; wordsWarmed++, budget--) {
      // What planQuery asks of a word the knowledge has: its relatives, and whether it is English (a name if not).
      lexicon.related(words[wordsWarmed]!);
      lexicon.isEnglish(words[wordsWarmed]!);
    }
    return facts.length - warmed + wordCount - wordsWarmed;
  }

  function ask(question: string, options: AskOptions = {}): Answer {
    const top = Math.max(1, options.top ?? config.defaultTop);
    // At least the re-ordered head, which a ruled-out fact leaves for a runner-up that may answer (not-answered.ts).
    return answerFrom(question, judge(question, Math.max(top, config.rerank.candidates)), top);
  }

  function answerFrom(question: string, judged: readonly Judged[], top: number): Answer {
    const ranked = restatedFirst(ruledOutLast(judged, config.rerank.candidates), config.restated.probability);
    const results = ranked.slice(0, top).map((r) => rankedFact(facts, r));
    // Two conditions, both chosen on the tuning halves: enough of the question found in the fact (lexical),
    // and the decision model not seeing the signs of a near miss (missing subject, wrong kind of answer, …);
    // or the question is one the fact stores.
    const best = ranked[0];
    const answered = !!best && (!!best.restated || (best.features[LEXICAL]! >= config.lexicalGate && best.probability >= model.threshold));
    return { question, answered, ...checkFlag(answered, best, model), results };
  }

  return {
    ask,
    warm,
    answerFrom,
    judge: (question, count = config.rerank.candidates) => judge(question, count),
    focus,
    facts,
    knowledge: { sources: knowledge.sources, fingerprint: knowledge.fingerprint },
  };
}

/**
 * `compute` for a fact, computed on its first use and kept: one entry per fact at most, so the cache is bounded
 * by the knowledge itself (memo.ts's cap would start evicting at 100k facts).
 */
function perFact<T>(compute: (id: number) => T): (id: number) => T {
  const kept = new Map<number, T>();
  return (id) => {
    let value = kept.get(id);
    if (value === undefined) kept.set(id, (value = compute(id)));
    return value;
  };
}

/**
 * A score as answers show it: cut to 3 decimals, not rounded. Thresholds and the gate have at most 3
 * decimals, so a shown score reaches them exactly when the unrounded one does: a shown 0.690 is always
 * answered at 0.69, and `brief eval`'s table, built from shown scores, agrees with the decisions.
 */
export const shown = (x: number) => Math.floor(x * 1000) / 1000;

/** A judged candidate as an answer shows it: the fact, its probability and its lexical relevance, each `shown`. */
export const rankedFact = (facts: readonly Fact[], judged: Judged): RankedFact => ({
  fact: facts[judged.id]!,
  score: shown(judged.probability),
  relevance: shown(judged.features[LEXICAL]!),
  matched: judged.matched,
  ...(judged.restated && { restated: true as const }),
  ...(judged.spelledOut !== undefined && { spelledOut: judged.spelledOut }),
  ...(judged.notAnswered !== undefined && { notAnswered: facts[judged.id]!.does_not_answer![judged.notAnswered]! }),
});
