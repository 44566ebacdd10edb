import { asAsked } from '../engine/restated';
import type { FeedbackEntry } from './log';

/** A question people rated on an answer: with more 👍, a new phrasing of its fact; with more 👎, one it does not answer. */
export interface ProposedPhrasing {
  factId: string;
  question: string;
  up: number;
  down: number;
}

/** The fact's phrasings as the proposals compare them: its stored questions and its `does_not_answer`. */
export type FactPhrasings = (factId: string) => { questions: readonly string[]; does_not_answer?: readonly string[] } | undefined;

function tally(entries: readonly FeedbackEntry[]): ProposedPhrasing[] {
  const votes = new Map<string, ProposedPhrasing>();
  for (const e of entries) {
    if ((e.kind !== 'up' && e.kind !== 'down') || !e.factId || !e.question.trim()) continue;
    const id = `${e.factId}\0${asAsked(e.question)}`;
    const item = votes.get(id) ?? { factId: e.factId, question: e.question.trim(), up: 0, down: 0 };
    item[e.kind]++;
    votes.set(id, item);
  }
  return [...votes.values()];
}

const lists = (phrasings: readonly string[] | undefined, question: string) => (phrasings ?? []).some((q) => asAsked(q) === asAsked(question));

/**
 * Learning from use: every 👍 records its question as a proposed phrasing of the fact it got. A
 * phrasing is proposed while its 👍 outnumber its 👎 and the fact does not already store it, "store"
 * meaning what the engine means by it (`asAsked`, engine/restated.ts): once stored, it is answered.
 * Nor when the fact lists it under `does_not_answer`: a curator ruled that out, and a question under both
 * lists is an error (`brief check`).
 */
export const proposedPhrasings = (entries: readonly FeedbackEntry[], factOf: FactPhrasings): ProposedPhrasing[] => outvoted(entries, factOf, 'up');

/**
 * And every 👎 records its question as one the fact does not answer, proposed for its `does_not_answer` while
 * the 👎 outnumber the 👍, so a wrong answer marked once is not given again to that question or its close
 * restatements (engine/not-answered.ts). Not a question the fact stores: that 👎 is about the fact itself,
 * which `brief gaps` lists among the facts with most 👎 for a curator to read.
 */
export const refusedPhrasings = (entries: readonly FeedbackEntry[], factOf: FactPhrasings): ProposedPhrasing[] => outvoted(entries, factOf, 'down');

/** Questions whose `kind` of vote outnumbers the other, on a fact that lists them in neither list, most votes first. */
function outvoted(entries: readonly FeedbackEntry[], factOf: FactPhrasings, kind: 'up' | 'down'): ProposedPhrasing[] {
  const other = kind === 'up' ? 'down' : 'up';
  return tally(entries)
    .filter((p) => {
      const fact = factOf(p.factId);
      return p[kind] > p[other] && fact !== undefined && !lists(fact.questions, p.question) && !lists(fact.does_not_answer, p.question);
    })
    .sort((a, b) => b[kind] - a[kind] || a.factId.localeCompare(b.factId) || a.question.localeCompare(b.question));
}
