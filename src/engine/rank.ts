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
}

/** The alternative of most weight (the first of them) by which `terms` hold the concept, if any. */
export function bestAlternative(concept: Concept, terms: ReadonlySet<string>): Concept['alternatives'][number] | undefined {
  let best: Concept['alternatives'][number] | undefined;
  for (const alt of concept.alternatives) if (terms.has(alt.term) && (!best || alt.weight > best.weight)) best = alt;
  return best;
}

/** Whether `terms` hold the concept by any of its alternatives. */
export function holds(concept: Concept, terms: ReadonlySet<string>): boolean {
  for (const alt of concept.alternatives) if (terms.has(alt.term)) return true;
  return false;
}

function holdsAny(concepts: readonly Concept[], terms: ReadonlySet<string>): boolean {
  for (const concept of concepts) if (holds(concept, terms)) return true;
  return false;
}

/**
 * Share of the question's weight (IDF of each concept) that a fact covers, crediting each concept by
 * its best matching alternative: 1 for the word or an alias, less for a synonym or a correction.
 * `reasons`, when given, receives why each concept matched.
 */
export function coverageValue(concepts: readonly Concept[], terms: ReadonlySet<string>, reasons?: MatchReason[]): number {
  let total = 0;
  let credited = 0;
  for (const concept of concepts) {
    total += concept.weight;
    const best = bestAlternative(concept, terms);
    if (!best) continue;
    credited += concept.weight * best.weight;
    reasons?.push({ query: concept.query, matched: best.shown, via: best.via });
  }
  return total > 0 ? credited / total : 0;
}

/** `coverageValue` with why each concept matched, for the candidates judged and explained. */
export function coverage(concepts: readonly Concept[], terms: ReadonlySet<string>): { value: number; matched: MatchReason[] } {
  const matched: MatchReason[] = [];
  return { value: coverageValue(concepts, terms, matched), matched };
}

/**
 * Candidates by lexical score: √coverage × BM25 relative to the best candidate (the best answer scores √coverage).
 * A fact that holds none of the question's concepts is left out. No reasons are kept: they are worked out again
 * for the few candidates judged (features.ts), and keeping them for all of BM25's finds was a tenth of what a
 * question allocated.
 */
export function rank(plan: QueryPlan, candidates: readonly Candidate[]): Scored[] {
  const topBm25 = candidates.reduce((max, c) => Math.max(max, c.bm25), 0);
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    if (!holdsAny(plan.concepts, candidate.terms)) continue;
    const relative = topBm25 > 0 ? candidate.bm25 / topBm25 : 0;
    scored.push({ id: candidate.id, score: Math.sqrt(coverageValue(plan.concepts, candidate.terms)) * relative });
  }
  return scored.sort((a, b) => b.score - a.score || a.id - b.id);
}
