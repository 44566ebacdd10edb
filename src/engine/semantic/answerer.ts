import { performance } from 'node:perf_hooks';
import { answerProbability, checkFlag, probability, type DecisionModel } from '../decision';
import { rankedFact, type Answer, type AskOptions, type Engine } from '../engine';
import { ruledOutLast } from '../not-answered';
import { restatedFirst } from '../restated';
import { ENGINE_DEFAULTS } from '../config';
import type { Embedder } from './embedder';
import { ModelBusy } from './model-queue';
import { computeFactVectors, textCount, type FactVectors } from './fact-vectors';
import { SEMANTIC_FEATURES, semanticFeatures } from './features';
import { SEMANTIC_MODEL_FEATURES, semanticModel } from './model';

/** Where computed fact vectors are kept between runs (the per-user cache), keyed by the knowledge's fingerprint. */
export interface VectorStore {
  read(fingerprint: string, embedder: string): FactVectors | undefined;
  write(fingerprint: string, vectors: FactVectors): void;
}

/** What happened to an engine's fact vectors, for logs: ready (with how long they took) or failed. */
export type VectorEvent = { ready: true; facts: number; ms: number; cached: boolean } | { ready: false; error: string; tooMany?: number };

/** Not computed on demand: more texts than `computeLimit` and none stored. */
class TooManyTexts extends Error {
  constructor(readonly texts: number) {
    super(`${texts} texts to embed`);
  }
}

export interface SemanticAnswer extends Answer {
  /**
   * Which stage decided: `sure` when word matching alone was sure enough (ENGINE_DEFAULTS.lexicalSure) and the
   * model was not asked; `lexical` when the model could not be asked: its fact vectors not ready yet (or
   * failed), the model too busy or failing on this question, or no fact sharing a word with the question.
   */
  stage: 'semantic' | 'sure' | 'lexical';
}

export interface SemanticAskOptions extends AskOptions {
  /** Wait for the fact vectors instead of answering lexically meanwhile (the CLI waits; the bot does not). */
  wait?: boolean;
}

const LEXICAL = SEMANTIC_MODEL_FEATURES.indexOf('lexicalScore');
const COSINE = SEMANTIC_MODEL_FEATURES.indexOf('cosine');

/** How the semantic stage orders candidates (the answer is the first), from its features: see ENGINE_DEFAULTS.semanticRerank. */
export function semanticOrder(features: readonly number[], probability: number): number {
  const { cosine, probability: weight } = ENGINE_DEFAULTS.semanticRerank;
  return features[LEXICAL]! + cosine * features[COSINE]! + weight * probability;
}

const COSINE_OF_SEMANTIC = SEMANTIC_FEATURES.indexOf('cosine');

/**
 * Beside the best lexical candidates (`rerank.candidates`, first in `judged`), the semantic stage judges the
 * `similar` others of the first `candidates` closest to the question in meaning (ties: lower id), for a right
 * fact that shares few words with the question. `semantic` gives a fact's semantic features for the question.
 */
export function closestInMeaning<T extends { id: number }>(judged: readonly T[], semantic: (id: number) => number[]): T[] {
  const { rerank, candidates, semanticRerank } = ENGINE_DEFAULTS;
  return judged
    .slice(rerank.candidates, candidates)
    .map((candidate) => ({ candidate, cosine: semantic(candidate.id)[COSINE_OF_SEMANTIC]! }))
    .sort((a, b) => b.cosine - a.cosine || a.candidate.id - b.candidate.id)
    .slice(0, semanticRerank.similar)
    .map((c) => c.candidate);
}


/**
 * The semantic stage: the lexical engine finds and describes the candidates; sentence similarity between
 * the question and each fact (its text and stored questions) adds four features; a second decision model,
 * fitted like the first on the tuning halves only, re-orders the candidates and decides. Similarity alone
 * does not tell "answers it" from "is about the same thing" (docs/quality-log.md): it is evidence, not a verdict.
 */
export class SemanticAnswerer {
  private readonly vectors = new WeakMap<Engine, Promise<FactVectors>>();
  private readonly ready = new WeakMap<Engine, FactVectors>();
  /** The embedder, once loaded (fact vectors are ready only after it is). */
  private model: Embedder | undefined;

  constructor(
    private readonly embedder: () => Promise<Embedder>,
    private readonly options: {
      store?: VectorStore;
      onVectors?: (event: VectorEvent) => void;
      decision?: DecisionModel;
      /** Most texts to embed when the store has no vectors for the knowledge (the CLI must not wait half an hour). */
      computeLimit?: number;
      /** A question answered by word matching because the model was backed up (ModelBusy), for logs. */
      onBusy?: () => void;
      /** Least lexical probability answered without the model (default ENGINE_DEFAULTS.lexicalSure; Infinity: always ask it). */
      sure?: number;
    } = {},
  ) {}

  /** The engine's fact vectors: from the store, or computed once (≈10 ms a text) and stored. */
  prepare(engine: Engine): Promise<FactVectors> {
    let pending = this.vectors.get(engine);
    if (!pending) {
      const started = performance.now();
      pending = this.load(engine).then(({ vectors, cached }) => {
        this.ready.set(engine, vectors);
        this.options.onVectors?.({ ready: true, facts: engine.facts.length, ms: Math.round(performance.now() - started), cached });
        return vectors;
      });
      // A failure is not kept: the next question tries again (and is answered lexically meanwhile).
      pending.catch((error: unknown) => {
        this.vectors.delete(engine);
        this.options.onVectors?.({ ready: false, error: (error as Error).message, ...(error instanceof TooManyTexts && { tooMany: error.texts }) });
      });
      this.vectors.set(engine, pending);
    }
    return pending;
  }

  /** For /healthz: whether questions to this engine get the semantic stage yet. */
  state(engine: Engine): 'ready' | 'preparing' | 'not-ready' {
    return this.ready.has(engine) ? 'ready' : this.vectors.has(engine) ? 'preparing' : 'not-ready';
  }

  async ask(engine: Engine, question: string, options: SemanticAskOptions = {}): Promise<SemanticAnswer> {
    const top = Math.max(1, options.top ?? ENGINE_DEFAULTS.defaultTop);
    // Word matching answers from its re-ordered head (as engine.ask does): the same answer as from all the
    // candidates, and a sure answer then never reads the others' stored questions and phrasings, which in a
    // new process (`brief ask`) cost ~30 ms on the bundled knowledge.
    const plain = engine.answerFrom(question, engine.judge(question, Math.max(top, ENGINE_DEFAULTS.rerank.candidates)), top);
    let vectors = this.ready.get(engine);
    // The bot does not wait: a new engine's vectors (at start, after a reload) are prepared for later questions.
    if (!vectors && !options.wait) void this.prepare(engine);
    // Where word matching is this sure, the model has not changed an answer on the tuning banks (config.ts):
    // skipping it saves its ~15 ms and, in `brief ask`, the ~0.5 s of loading it. A stored question asked as
    // stored is sure too (restated.ts lifts it to 0.99). Judging first costs the rest the time of word
    // matching (~0.5 ms on the bundled knowledge) before the model starts, where the bot's model, in a thread
    // of its own, used to work meanwhile; a sure answer spares that thread a whole call.
    const best = plain.results[0];
    if (plain.answered && best && best.score >= (this.options.sure ?? ENGINE_DEFAULTS.lexicalSure)) return { ...plain, stage: 'sure' };
    const lexical = (): SemanticAnswer => ({ ...plain, stage: 'lexical' });
    const candidates = engine.judge(question, Math.max(top, ENGINE_DEFAULTS.candidates));
    // Nothing shares a word with the question: no candidate for the model to re-order, so it is not loaded.
    if (candidates.length === 0) return lexical();
    if (!vectors) {
      if (!options.wait) return lexical();
      vectors = await this.prepare(engine).catch(() => undefined);
      if (!vectors) return lexical();
    }
    let asked: Float32Array | undefined;
    try {
      [asked] = await this.model!.embedQuestions([engine.focus(question)]); // loaded before any fact vectors were ready (load)
    } catch (error) {
      // The model failing on one question, or too busy for it (ModelBusy), must not cost the answer: the
      // lexical engine still gives one.
      if (error instanceof ModelBusy) this.options.onBusy?.();
      return lexical();
    }
    const semantic = semanticFeatures(vectors, asked!);
    const decision = this.options.decision ?? semanticModel();
    const judged = candidates.map((c) => {
      const features = [...c.features, ...semantic(c.id)];
      const p = probability(features, decision);
      // Object.assign, not a spread then more fields: V8 would give each a hidden class of its own (read-files.ts).
      return Object.assign({}, c, { probability: answerProbability(features, decision, p, c.notAnswered !== undefined), modelProbability: p, order: semanticOrder(features, p) });
    });
    // The model was fitted on these candidates (train.ts): it re-orders them; the rest keep their lexical order.
    const similar = closestInMeaning(judged, semantic);
    const head = [...judged.slice(0, ENGINE_DEFAULTS.rerank.candidates), ...similar].sort((a, b) => b.order - a.order || a.id - b.id);
    const ordered = [...head, ...judged.slice(ENGINE_DEFAULTS.rerank.candidates).filter((j) => !similar.includes(j))];
    const ranked = restatedFirst(ruledOutLast(ordered, head.length), ENGINE_DEFAULTS.restated.probability).slice(0, top);
    const answered = !!ranked[0]!.restated || ranked[0]!.probability >= decision.threshold;
    return {
      question,
      answered,
      ...checkFlag(answered, ranked[0], decision),
      results: ranked.map((r) => rankedFact(engine.facts, r)),
      stage: 'semantic',
    };
  }

  private async load(engine: Engine): Promise<{ vectors: FactVectors; cached: boolean }> {
    const embedder = await this.embedder();
    this.model = embedder;
    const { fingerprint } = engine.knowledge;
    const stored = this.options.store?.read(fingerprint, embedder.id);
    if (stored && stored.start.length === engine.facts.length + 1) return { vectors: stored, cached: true };
    const texts = textCount(engine.facts);
    if (texts > (this.options.computeLimit ?? Infinity)) throw new TooManyTexts(texts);
    const computed = await computeFactVectors(engine.facts, embedder);
    this.options.store?.write(fingerprint, computed);
    return { vectors: computed, cached: false };
  }
}
