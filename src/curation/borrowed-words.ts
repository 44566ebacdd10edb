import { tokenize } from '../engine/analyse';
import type { Fact } from '../knowledge/schema';

/** A word a new phrasing would teach its fact, and the other facts that already use it. */
export interface BorrowedWord {
  word: string;
  factIds: string[];
}

type Wording = Pick<Fact, 'id' | 'text' | 'questions' | 'tags'>;

const stemsOf = (text: string) => tokenize(text).filter((t) => !t.isStop).map((t) => t.stem);

/**
 * Finds the words of a proposed phrasing that its fact does not use yet but other facts do. A stored
 * phrasing lends its words to its fact, so a borrowed word lets questions about those other facts match
 * this one: the fourth curation of the bundled knowledge ("the late commander's son", "think") made
 * "Who was Ahmad Massoud's father?" match the wrong fact this way. Words no fact uses are not listed:
 * they only lead to this fact. The facts' words (text, stored questions, tags: what the engine indexes)
 * are read once, for all the proposals checked.
 */
export function borrowedWordsFinder(facts: readonly Wording[]): (question: string, factId: string) => BorrowedWord[] {
  const users = new Map<string, string[]>();
  for (const fact of facts) {
    for (const stem of new Set(stemsOf([fact.text, ...fact.questions, ...fact.tags].join(' ')))) {
      const ids = users.get(stem);
      if (ids) ids.push(fact.id);
      else users.set(stem, [fact.id]);
    }
  }
  return (question, factId) => {
    const borrowed: BorrowedWord[] = [];
    const seen = new Set<string>();
    for (const token of tokenize(question)) {
      if (token.isStop || seen.has(token.stem)) continue;
      seen.add(token.stem);
      const ids = users.get(token.stem) ?? [];
      if (ids.length > 0 && !ids.includes(factId)) borrowed.push({ word: token.lower, factIds: ids });
    }
    return borrowed;
  };
}
