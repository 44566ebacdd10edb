import { asAsked } from '../engine/restated';
import type { Fact } from '../knowledge/schema';

/** A stored question that more than one fact stores, and the facts, in file order. */
export interface SharedQuestion {
  question: string;
  facts: Fact[];
}

/**
 * Questions two or more facts store, "the same" as the engine means it (`asAsked`): a question asked so is
 * answered with its fact whatever the model says (engine/restated.ts), so when two facts store it, which one
 * answers turns on word matching's ranking, not on the curator. Each shared question once, first stored first.
 */
export function sharedQuestions(facts: readonly Fact[]): SharedQuestion[] {
  const byQuestion = new Map<string, SharedQuestion>();
  for (const fact of facts) {
    for (const question of fact.questions) {
      const key = asAsked(question);
      if (!key) continue;
      const entry = byQuestion.get(key) ?? { question, facts: [] };
      if (!entry.facts.includes(fact)) entry.facts.push(fact);
      byQuestion.set(key, entry);
    }
  }
  return [...byQuestion.values()].filter((entry) => entry.facts.length > 1);
}
