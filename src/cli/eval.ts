import path from 'node:path';
import { readCases } from '../eval/cases';
import { isRight, type EvalCase } from '../eval/judge';
import { cliMessages as msg } from '../messages';
import { outcome, type Outcome } from '../eval/metrics';
import { qualityLines, qualityReport } from './eval-report';
import type { CliIO } from './io';
import { cliAnswerer, type CliAnswerer } from './answerer';
import { topicOf, type CliEngine } from './render';

export interface EvalReport {
  total: number;
  right: number;
  answerable: { total: number; right: number };
  unanswerable: { total: number; right: number };
  misses: Array<{ question: string; expected: string[] | null; got: string }>;
  outcomes: Outcome[];
}

export async function evaluate(answerer: CliAnswerer, cases: readonly EvalCase[]): Promise<EvalReport> {
  const report: EvalReport = { total: 0, right: 0, answerable: { total: 0, right: 0 }, unanswerable: { total: 0, right: 0 }, misses: [], outcomes: [] };
  for (const { q, expect } of cases) {
    const answer = await answerer.answer(q, 1);
    report.outcomes.push(outcome(answer, expect, answerer.point.gate));
    const right = isRight(answer, expect);
    const bucket = expect === null ? report.unanswerable : report.answerable;
    report.total++;
    bucket.total++;
    if (right) {
      report.right++;
      bucket.right++;
      continue;
    }
    const top = answer.results[0];
    const got = !top ? 'no match at all' : answer.answered ? `answered with ${top.fact.id} (${top.score})` : `no answer; closest ${top.fact.id}: ${topicOf(top)} (${top.score})`;
    report.misses.push({ question: q, expected: expect, got });
  }
  return report;
}

const share = (right: number, total: number) => (total ? `${((100 * right) / total).toFixed(1)}% (${right}/${total})` : 'n/a (0 questions)');

export async function runEval(
  file: string,
  min: number,
  loadEngine: () => CliEngine,
  io: CliIO,
  { json = false, lexical = false }: { json?: boolean; lexical?: boolean } = {},
): Promise<number> {
  let read: ReturnType<typeof readCases>;
  try {
    read = readCases(path.resolve(io.cwd, file), file);
  } catch (error) {
    io.err(msg.evalFileUnreadable(file, (error as Error).message));
    return 1;
  }
  if (read.problems.length > 0) {
    for (const problem of read.problems) io.err(problem);
    return 1;
  }
  const cases = read.cases;
  const answerer = cliAnswerer(loadEngine(), lexical, io.err);
  const report = await evaluate(answerer, cases);
  const quality = qualityReport(report.outcomes, answerer.point);
  const overall = report.total ? report.right / report.total : 0;
  if (json) {
    io.out(JSON.stringify({ ...report, outcomes: undefined, ...quality }));
    return overall < min ? 1 : 0;
  }
  io.out(`Top-1 accuracy:     ${share(report.answerable.right, report.answerable.total)}`);
  io.out(`No-answer accuracy: ${share(report.unanswerable.right, report.unanswerable.total)}`);
  io.out(`Overall:            ${share(report.right, report.total)}`);
  for (const line of qualityLines(quality)) io.out(line);
  if (report.misses.length > 0) io.out('');
  for (const miss of report.misses) {
    const wanted = miss.expected === null ? 'no answer' : `a quote of ${miss.expected.map((e) => JSON.stringify(e)).join(' or ')}`;
    io.out(`MISS ${JSON.stringify(miss.question)}: wanted ${wanted}; got ${miss.got}`);
  }
  if (overall < min) {
    io.err(msg.belowMin(overall, min));
    return 1;
  }
  return 0;
}
