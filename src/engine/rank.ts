import type { Concept, QueryPlan, Via } from './query';

/** Why a fact matched: the question's word, what it matched in the fact, and how. */
export interface MatchReason {
  query: string;
  matched: string;
  via: Via;
}

export interface Candidate {
  id: number;
  /** BM25 score from the index. */
  bm25: number;
  /** Terms of the fact that matched the query. */
  terms: ReadonlySet<string>;
}

export interface Scored {
  id: number;
  /** 0..1: how much of the question the fact covers, tempered by its BM25 rank among the candidates. */
  score: number;
  coverage: number;
  matched: MatchReason[];
}

/**
 * Share of the question's weight (IDF of each concept) that a fact covers, crediting each concept by
 * its best matching alternative: 1 for the word or an alias, less for a synonym or a correction.
 */
export function coverage(concepts: readonly Concept[], terms: ReadonlySet<string>): { value: number; matched: MatchReason[] } {
  let total = 0;
  let credited = 0;
  const matched: MatchReason[] = [];
  for (const concept of concepts) {
    total += concept.weight;
    let best: Concept['alternatives'][number] | undefined;
    for (const alt of concept.alternatives) if (terms.has(alt.term) && (!best || alt.weight > best.weight)) best = alt;
    if (!best) continue;
    credited += concept.weight * best.weight;
    matched.push({ query: concept.query, matched: best.shown, via: best.via });
  }
  return { value: total > 0 ? credited / total : 0, matched };
}

/** Candidates by lexical score: √coverage × BM25 relative to the best candidate (the best answer scores √coverage). */
export function rank(plan: QueryPlan, candidates: readonly Candidate[]): Scored[] {
  const topBm25 = candidates.reduce((max, c) => Math.max(max, c.bm25), 0);
  return candidates
    .map((candidate) => {
      const { value, matched } = coverage(plan.concepts, candidate.terms);
      const relative = topBm25 > 0 ? candidate.bm25 / topBm25 : 0;
      return { id: candidate.id, score: Math.sqrt(value) * relative, coverage: value, matched };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id);
}
