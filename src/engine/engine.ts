import type { Fact, KnowledgeBase } from '../knowledge/schema';
import { tokenize } from './analyse';
import { ENGINE_DEFAULTS, type EngineConfig } from './config';
import { FuzzyVocabulary } from './fuzzy';
import { buildIndex, FIELDS, type BuiltIndex } from './index-builder';
import { planQuery, type QueryContext, type QueryPlan } from './query';
import { rank, type MatchReason, type Scored } from './rank';
import { GENERAL_SYNONYMS } from './synonyms';

export interface RankedFact {
  fact: Fact;
  /** Confidence 0..1. */
  score: number;
  matched: MatchReason[];
}

export interface Answer {
  question: string;
  /** True when the best fact is a confident answer; otherwise `results` are only the closest topics. */
  answered: boolean;
  results: RankedFact[];
}

export interface AskOptions {
  top?: number;
}

export interface Engine {
  ask(question: string, options?: AskOptions): Answer;
  readonly facts: readonly Fact[];
  readonly knowledge: Pick<KnowledgeBase, 'sources' | 'fingerprint'>;
}

function synonymTable(): Map<string, string[]> {
  const table = new Map<string, Set<string>>();
  for (const group of GENERAL_SYNONYMS) {
    const stems = [...new Set(group.flatMap((word) => tokenize(word).map((t) => t.stem)))];
    for (const stem of stems) {
      const mates = table.get(stem) ?? new Set<string>();
      for (const other of stems) if (other !== stem) mates.add(other);
      table.set(stem, mates);
    }
  }
  return new Map([...table].map(([stem, mates]) => [stem, [...mates]]));
}

/** `prebuilt`: the index of exactly these facts and aliases, from the cache or the reload worker. */
export function createEngine(knowledge: KnowledgeBase, config: EngineConfig = ENGINE_DEFAULTS, prebuilt?: BuiltIndex): Engine {
  const facts = knowledge.facts;
  const index = prebuilt ?? buildIndex(facts, knowledge.aliases);
  const boosts = FIELDS.map((f) => config.fieldBoosts[f]);
  const fuzzy = new FuzzyVocabulary(index.words, config.fuzzy);
  const synonyms = synonymTable();
  const n = facts.length;
  const ctx: QueryContext = {
    index,
    fuzzy,
    config,
    synonymsOf: (stem) => synonyms.get(stem) ?? [],
    idf: (term) => {
      const df = index.documentFrequency(term);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    },
  };

  function searchAndRank(plan: QueryPlan, weights: ReadonlyMap<string, number>, limit: number): Scored[] {
    // Rare words decide: each term is boosted by its IDF^idfPower on top of BM25's own IDF.
    const boosted = new Map([...weights].map(([term, w]) => [term, w * Math.pow(ctx.idf(term), config.idfPower)]));
    const hits = index.search.search(boosted, boosts, config.bm25, limit);
    const queryTerms = [...weights.keys()];
    const candidates = hits.map((hit) => {
      const terms = new Set(queryTerms.filter((t) => index.search.contains(hit.id, t)));
      // Optionally reward matching more query terms, as MiniSearch does (score × terms matched).
      return { id: hit.id, bm25: hit.score * Math.pow(Math.max(1, terms.size), config.coordination), terms };
    });
    return rank(plan, candidates, config).filter((r) => r.score > 0);
  }

  function ask(question: string, options: AskOptions = {}): Answer {
    const top = Math.max(1, options.top ?? config.defaultTop);
    const plan = planQuery(question, ctx);
    const weights = new Map<string, number>();
    for (const concept of plan.concepts) {
      for (const alt of concept.alternatives) weights.set(alt.term, Math.max(weights.get(alt.term) ?? 0, alt.boost));
    }
    if (weights.size === 0) return { question, answered: false, results: [] };
    for (const cue of plan.cues) if (!weights.has(cue)) weights.set(cue, 1);

    const ranked = searchAndRank(plan, weights, Math.max(config.candidates, top));
    const results = ranked.slice(0, top).map((r) => ({ fact: facts[r.id]!, score: round(r.score), matched: r.matched }));
    const answered = (ranked[0]?.score ?? 0) >= config.answerThreshold;
    return { question, answered, results };
  }

  return { ask, facts, knowledge: { sources: knowledge.sources, fingerprint: knowledge.fingerprint } };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
