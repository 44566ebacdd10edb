import { loadKnowledge } from '../knowledge/load';
import { formatProblem } from '../knowledge/problems';
import { dueForReview, today } from '../knowledge/review';
import { factTopic } from '../knowledge/source-line';
import { curationMessages as cur } from '../messages';
import type { CliIO } from './io';

/** `brief review`: what is due for review, oldest first. Exit 0 either way: a to-do list, not a check. */
export function runReview(dir: string, io: CliIO): number {
  const result = loadKnowledge(dir, io.cwd);
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    return 1;
  }
  const due = dueForReview(result.knowledge.facts, today());
  if (due.length === 0) {
    io.out(cur.nothingDue());
    return 0;
  }
  io.out(cur.reviewHeader(due.length));
  for (const { fact, reviewBy } of due) io.out(cur.reviewItem(reviewBy, `${fact.file}:${fact.line}`, fact.id, factTopic(fact)));
  return 0;
}
