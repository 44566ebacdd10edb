import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BorrowedWord } from '../curation/borrowed-words';
import { claimPhrasings } from '../curation/shared-questions';
import type { ProposedPhrasing } from '../feedback/phrasings';
import { withQuestion, writeAtomically, type QuestionList } from '../knowledge/add-question';
import { listedTwice } from '../knowledge/listed-twice';
import { parseYaml } from '../knowledge/parse-file';
import { formatProblem } from '../knowledge/problems';
import { knowledgeFileSchema, type Fact } from '../knowledge/schema';
import { cliMessages as msg } from '../messages';
import type { CliIO } from './io';

/**
 * `brief gaps --apply` / `--refuse`: writes each proposed phrasing into its fact's `questions`, and each
 * refused one into its `does_not_answer`, one line inserted per phrasing (comments and layout kept). A file
 * is written only if it still validates afterwards, no question under both lists of a fact. A phrasing
 * that lends its fact words of other facts is written too (the curator chose it) but cautioned about. A
 * phrasing a fact already stores, or that an earlier proposal of the same run gives a fact, is skipped
 * (claimPhrasings): a question stored by two facts is answered with whichever ranks first.
 */
export function applyPhrasings(
  proposals: readonly ProposedPhrasing[],
  facts: ReadonlyMap<string, Fact>,
  io: CliIO,
  borrowed: (question: string, factId: string) => BorrowedWord[],
  refusals: readonly ProposedPhrasing[] = [],
): number {
  const { kept, held } = claimPhrasings(proposals, facts.values());
  for (const { proposal, holder, stored } of held) io.out(msg.phrasingHeld(proposal.question, proposal.factId, holder, stored));
  const byFile = new Map<string, Array<ProposedPhrasing & { list: QuestionList }>>();
  const writes = [...kept.map((p) => ({ ...p, list: 'questions' as const })), ...refusals.map((p) => ({ ...p, list: 'does_not_answer' as const }))];
  for (const p of writes) {
    const file = facts.get(p.factId)!.file;
    byFile.set(file, [...(byFile.get(file) ?? []), p]);
  }
  let failed = 0;
  for (const [shown, list] of byFile) {
    const file = path.resolve(io.cwd, shown);
    let text: string | undefined = readFileSync(file, 'utf8');
    for (const p of list) text = text === undefined ? undefined : withQuestion(text, p.factId, p.question, p.list);
    const parsed = text === undefined ? undefined : parseYaml(shown, text, knowledgeFileSchema);
    const problems = parsed === undefined ? [] : parsed.ok ? listedTwice(shown, parsed.value, parsed.lineAt) : parsed.problems;
    if (text === undefined || problems.length > 0) {
      failed++;
      io.err(msg.applyFailed(shown, problems.length > 0 ? problems.map(formatProblem).join('; ') : 'its facts could not be found'));
      continue;
    }
    writeAtomically(file, text);
    for (const p of list) {
      if (p.list === 'does_not_answer') {
        io.out(msg.refusalAdded(shown, p.factId, p.question));
        continue;
      }
      io.out(msg.phrasingAdded(shown, p.factId, p.question));
      const words = borrowed(p.question, p.factId);
      if (words.length > 0) io.out(`  ${msg.borrowedWords(p.factId, words)}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
