import { asAsked } from '../engine/restated';
import { knowledgeMessages as msg } from '../messages';
import type { Problem } from './problems';
import type { KnowledgeFile } from './schema';

/**
 * Questions a fact lists both under `questions` and under `does_not_answer` (as asked, restated.ts): it would
 * be answered as stored and ruled out at once, so the curator must choose. One problem per such phrasing, at it.
 */
export function listedTwice(shown: string, file: KnowledgeFile, lineAt: (path: ReadonlyArray<PropertyKey>) => number): Required<Problem>[] {
  return file.facts.flatMap((entry, index) => {
    const stored = new Set(entry.questions.map(asAsked));
    return (entry.does_not_answer ?? []).flatMap((phrasing, j) =>
      stored.has(asAsked(phrasing))
        ? [{ file: shown, line: lineAt(['facts', index, 'does_not_answer', j]), message: msg.refusedAndStored(`facts[${index}].does_not_answer[${j}]`, entry.id, phrasing) }]
        : [],
    );
  });
}
