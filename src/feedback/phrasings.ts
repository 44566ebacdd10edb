import { asAsked } from '../engine/restated';
import type { FeedbackEntry } from './log';

/** A question people marked 👍 on an answer, not yet among that fact's stored questions. */
export interface ProposedPhrasing {
  factId: string;
  question: string;
  up: number;
  down: number;
}

/**
 * Learning from use: every 👍 records its question as a proposed phrasing of the fact it got. A
 * phrasing is proposed while its 👍 outnumber its 👎 and the fact does not already store it, "store"
 * meaning what the engine means by it (`asAsked`, engine/restated.ts): once stored, it is answered.
 */
export function proposedPhrasings(entries: readonly FeedbackEntry[], storedQuestions: (factId: string) => readonly string[] | undefined): ProposedPhrasing[] {
  const votes = new Map<string, ProposedPhrasing>();
  for (const e of entries) {
    if ((e.kind !== 'up' && e.kind !== 'down') || !e.factId || !e.question.trim()) continue;
    const id = `${e.factId}\0${asAsked(e.question)}`;
    const item = votes.get(id) ?? { factId: e.factId, question: e.question.trim(), up: 0, down: 0 };
    item[e.kind]++;
    votes.set(id, item);
  }
  return [...votes.values()]
    .filter((p) => {
      const stored = storedQuestions(p.factId);
      return p.up > p.down && stored !== undefined && !stored.some((q) => asAsked(q) === asAsked(p.question));
    })
    .sort((a, b) => b.up - a.up || a.factId.localeCompare(b.factId) || a.question.localeCompare(b.question));
}
