import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { isRight, type EvalCase } from '../eval/judge';
import { cliMessages as msg } from '../messages';
import type { CliIO } from './io';
import { topicOf } from './render';

const caseSchema = z.object({ q: z.string().min(1), expect: z.array(z.string().min(1)).min(1).nullable() });

export interface EvalReport {
  total: number;
  right: number;
  answerable: { total: number; right: number };
  unanswerable: { total: number; right: number };
  misses: Array<{ question: string; expected: string[] | null; got: string }>;
}

export function readCases(file: string): EvalCase[] {
  const text = readFileSync(file, 'utf8');
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new Error(msg.evalLineInvalid(file, i + 1, (error as Error).message));
    }
    const result = caseSchema.safeParse(parsed);
    if (!result.success) throw new Error(msg.evalLineInvalid(file, i + 1, result.error.issues[0]?.message ?? 'invalid'));
    cases.push(result.data);
  });
  return cases;
}

export function evaluate(engine: Engine, cases: readonly EvalCase[]): EvalReport {
  const report: EvalReport = { total: 0, right: 0, answerable: { total: 0, right: 0 }, unanswerable: { total: 0, right: 0 }, misses: [] };
  for (const { q, expect } of cases) {
    const answer = engine.ask(q, { top: 1 });
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

const pct = (right: number, total: number) => (total ? `${((100 * right) / total).toFixed(1)}% (${right}/${total})` : 'n/a (0 questions)');

export function runEval(file: string, min: number, loadEngine: () => Engine, io: CliIO): number {
  let cases: EvalCase[];
  try {
    cases = readCases(file);
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ? msg.evalFileUnreadable(file, (error as Error).message) : (error as Error).message;
    io.err(detail);
    return 1;
  }
  const report = evaluate(loadEngine(), cases);
  io.out(`Top-1 accuracy:     ${pct(report.answerable.right, report.answerable.total)}`);
  io.out(`No-answer accuracy: ${pct(report.unanswerable.right, report.unanswerable.total)}`);
  io.out(`Overall:            ${pct(report.right, report.total)}`);
  for (const miss of report.misses) {
    const wanted = miss.expected === null ? 'no answer' : `a quote of ${miss.expected.map((e) => JSON.stringify(e)).join(' or ')}`;
    io.out(`MISS ${JSON.stringify(miss.question)}: wanted ${wanted}; got ${miss.got}`);
  }
  const overall = report.total ? report.right / report.total : 0;
  if (overall < min) {
    io.err(`Overall accuracy ${(overall * 100).toFixed(1)}% is below --min ${(min * 100).toFixed(1)}%`);
    return 1;
  }
  return 0;
}
