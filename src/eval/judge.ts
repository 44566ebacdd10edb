import type { Answer } from '../engine/engine';
import { fold } from '../engine/analyse';
import { sourceLine } from '../knowledge/source-line';

/** A question of an eval set: `expect` lists phrases a right answer quotes; null means "must not answer". */
export interface EvalCase {
  q: string;
  expect: string[] | null;
}

const normalise = (text: string) => fold(text).replace(/["“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();

/**
 * Right when the bot declines a question it should decline, or when its top answer quotes one of the
 * expected phrases in the excerpt or the source line (case, quote style and spacing aside).
 */
export function isRight(answer: Answer, expect: EvalCase['expect']): boolean {
  if (expect === null) return !answer.answered;
  const top = answer.results[0];
  if (!answer.answered || !top) return false;
  const quoted = normalise(`${top.fact.text}\n${sourceLine(top.fact.source)}`);
  return expect.some((phrase) => quoted.includes(normalise(phrase)));
}
