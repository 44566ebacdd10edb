import path from 'node:path';
import { verbatimProblems } from '../curation/verbatim-check';
import { loadKnowledge } from '../knowledge/load';
import { formatProblem } from '../knowledge/problems';
import { dueForReview, today } from '../knowledge/review';
import { cliMessages as msg, curationMessages as cur } from '../messages';
import type { CliIO } from './io';

export interface CheckOptions {
  /** Facts past their review date are errors, not warnings. */
  strict: boolean;
}

export function runCheck(dir: string, io: CliIO, options: CheckOptions = { strict: false }): number {
  const result = loadKnowledge(dir, io.cwd);
  const shown = path.relative(io.cwd, dir) || '.';
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    io.err(msg.checkFailed(result.problems.length, new Set(result.problems.map((p) => p.file)).size));
    return 1;
  }
  const { sources, facts, aliases, drafts = [] } = result.knowledge;
  const notVerbatim = verbatimProblems([...facts, ...drafts], io.cwd);
  if (notVerbatim.length > 0) {
    for (const problem of notVerbatim) io.err(formatProblem(problem));
    io.err(msg.checkFailed(notVerbatim.length, new Set(notVerbatim.map((p) => p.file)).size));
    return 1;
  }
  for (const d of drafts) io.out(formatProblem({ file: d.file, line: d.line, message: cur.draft(d.id) }));
  const due = dueForReview(facts, today());
  for (const { fact, reviewBy } of due) io.err(formatProblem({ file: fact.file, line: fact.line, message: cur.reviewDue(fact.id, reviewBy) }));
  const extras = cur.checkSummaryExtras(drafts.length, due.length);
  io.out(`${msg.checkOk(shown.startsWith('..') ? dir : shown, sources.length, facts.length, aliases.length)}${extras ? `, ${extras}` : ''}`);
  if (options.strict && due.length > 0) {
    io.err(cur.strictFailed(due.length));
    return 1;
  }
  return 0;
}
