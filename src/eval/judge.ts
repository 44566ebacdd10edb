import type { Answer } from '../engine/engine';
import type { Fact } from '../knowledge/schema';
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
  return answer.answered && !!top && quotes(top.fact, expect);
}

/** Does the fact (its excerpt or source line) quote one of the expected phrases? */
export function quotes(fact: Pick<Fact, 'text' | 'source'>, expect: readonly string[]): boolean {
  const quoted = normalise(`${fact.text}\n${sourceLine(fact.source)}`);
  return expect.some((phrase) => quoted.includes(normalise(phrase)));
}
