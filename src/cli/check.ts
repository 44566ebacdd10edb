import { existsSync } from 'node:fs';
import path from 'node:path';
import { sharedQuestions, sharedSubjects, type SharedQuestion } from '../curation/shared-questions';
import { verbatimProblems } from '../curation/verbatim-check';
import { bookFolders } from '../knowledge/book-folders';
import { readChannels } from '../knowledge/channels';
import { CHANNELS_FILE, loadKnowledge } from '../knowledge/load';
import { formatProblem, type Problem } from '../knowledge/problems';
import { dueForReview, today } from '../knowledge/review';
import type { KnowledgeBase } from '../knowledge/schema';
import { bookMessages, cliMessages as msg, curationMessages as cur } from '../messages';
import type { CliIO } from './io';

/** Another fact that stores the question, or defines the subject: its id, where it stands, and its own wording. */
type SharedElsewhere = { id: string; at: string; question: string };

export interface CheckOptions {
  /** Facts past their review date, and questions more than one fact stores or subjects more than one defines, are errors, not warnings. */
  strict: boolean;
}

function failed(problems: readonly Problem[], io: CliIO): number {
  for (const problem of problems) io.err(formatProblem(problem));
  io.err(msg.checkFailed(problems.length, new Set(problems.map((p) => p.file)).size));
  return 1;
}

/** One warning per fact of each group, naming the others where they stand. */
function warnShared(groups: readonly SharedQuestion[], message: (id: string, question: string, others: SharedElsewhere[]) => string, io: CliIO): void {
  for (const { stored } of groups) {
    for (const { fact, question } of stored) {
      const others = stored.filter((s) => s.fact !== fact).map((s) => ({ id: s.fact.id, at: `${s.fact.file}:${s.fact.line}`, question: s.question }));
      io.err(formatProblem({ file: fact.file, line: fact.line, message: message(fact.id, question, others) }));
    }
  }
}

/** Every book of the folder (one, without sub-folders) and channels.yml; all problems at once. */
export function runCheck(dir: string, io: CliIO, options: CheckOptions = { strict: false }): number {
  const shownOf = (folder: string) => {
    const shown = path.relative(io.cwd, folder) || '.';
    return shown.startsWith('..') ? folder : shown;
  };
  const found = bookFolders(dir, io.cwd);
  const channels = readChannels(dir, io.cwd, found.folders.map((f) => f.name));
  const problems = [...found.problems];
  const books: Array<{ dir: string; knowledge: KnowledgeBase }> = [];
  for (const folder of found.folders) {
    const result = loadKnowledge(folder.dir, io.cwd);
    if (result.ok) books.push({ dir: folder.dir, knowledge: result.knowledge });
    else problems.push(...result.problems);
  }
  if (!channels.ok) problems.push(...channels.problems);
  if (problems.length > 0) return failed(problems, io);
  const notVerbatim = books.flatMap(({ knowledge: { facts, drafts = [] } }) => verbatimProblems([...facts, ...drafts], io.cwd));
  if (notVerbatim.length > 0) return failed(notVerbatim, io);
  let due = 0;
  let shared = 0;
  let subjects = 0;
  for (const { dir: bookDir, knowledge } of books) {
    const { sources, facts, aliases, drafts = [] } = knowledge;
    for (const d of drafts) io.out(formatProblem({ file: d.file, line: d.line, message: cur.draft(d.id) }));
    const dueHere = dueForReview(facts, today());
    for (const { fact, reviewBy } of dueHere) io.err(formatProblem({ file: fact.file, line: fact.line, message: cur.reviewDue(fact.id, reviewBy) }));
    due += dueHere.length;
    const sharedHere = sharedQuestions(facts);
    warnShared(sharedHere, cur.questionShared, io);
    const subjectsHere = sharedSubjects(facts, aliases);
    warnShared(subjectsHere, cur.subjectShared, io);
    shared += sharedHere.length;
    subjects += subjectsHere.length;
    const extras = cur.checkSummaryExtras(drafts.length, dueHere.length, sharedHere.length, subjectsHere.length);
    io.out(`${msg.checkOk(shownOf(bookDir), sources.length, facts.length, aliases.length)}${extras ? `, ${extras}` : ''}`);
  }
  const channelsFile = path.join(dir, CHANNELS_FILE);
  if (channels.ok && existsSync(channelsFile)) io.out(bookMessages.channelsOk(shownOf(channelsFile), Object.keys(channels.map.channels).length, channels.map.default));
  if (options.strict && due + shared + subjects > 0) {
    io.err(cur.strictFailed(due, shared, subjects));
    return 1;
  }
  return 0;
}
