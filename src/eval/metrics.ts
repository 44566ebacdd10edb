import type { Answer } from '../engine/engine';
import { quotes, type EvalCase } from './judge';

/** One question of a bank, as the engine answered it. */
export interface Outcome {
  answerable: boolean;
  answered: boolean;
  /** The top result quotes an expected phrase (whether or not the engine chose to answer). */
  topRight: boolean;
  /** Confidence of the top result (the decision model's probability). */
  score: number;
  /** The top result passes the engine's lexical gate (so a high enough score answers), or it restates one of
   * the fact's stored questions, which answers without the gate (engine/restated.ts). */
  gated: boolean;
  /** Answered with a note to check it against the source (below the decision's sure point, decision.ts). */
  toCheck: boolean;
}

export function outcome(answer: Answer, expect: EvalCase['expect'], lexicalGate: number): Outcome {
  const top = answer.results[0];
  return {
    gated: !!top?.restated || (top?.relevance ?? 0) >= lexicalGate,
    answerable: expect !== null,
    answered: answer.answered,
    topRight: expect !== null && !!top && quotes(top.fact, expect),
    score: top?.score ?? 0,
    toCheck: !!answer.toCheck,
  };
}

export interface Summary {
  questions: number;
  answerable: number;
  /** Answerable questions answered with a right excerpt. */
  right: number;
  /** Answers given that are wrong: a wrong excerpt, or any answer to an out-of-scope question. */
  wrong: number;
  outOfScope: number;
  declinedOutOfScope: number;
  /** right / answers given. */
  precision: number;
  /** Answerable questions answered (right or wrong) / answerable. */
  coverage: number;
}

export function summarise(outcomes: readonly Outcome[], threshold?: number): Summary {
  const answered = (o: Outcome) => (threshold === undefined ? o.answered : o.gated && o.score >= threshold);
  let right = 0;
  let wrong = 0;
  let answerableAnswered = 0;
  let declinedOutOfScope = 0;
  for (const o of outcomes) {
    const a = answered(o);
    if (o.answerable && a) answerableAnswered++;
    if (a && o.topRight) right++;
    else if (a) wrong++;
    if (!o.answerable && !a) declinedOutOfScope++;
  }
  const answerable = outcomes.filter((o) => o.answerable).length;
  return {
    questions: outcomes.length,
    answerable,
    right,
    wrong,
    outOfScope: outcomes.length - answerable,
    declinedOutOfScope,
    precision: right + wrong > 0 ? right / (right + wrong) : 1,
    coverage: answerable > 0 ? answerableAnswered / answerable : 0,
  };
}

/** Precision and coverage at each threshold: what moving the operating point would buy or cost. */
export function precisionCoverage(outcomes: readonly Outcome[], thresholds: readonly number[]): Array<{ threshold: number } & Summary> {
  return thresholds.map((threshold) => ({ threshold, ...summarise(outcomes, threshold) }));
}

/** Reliability: in each score band, how often the top answer was right (a calibrated score matches its band). */
export function reliability(outcomes: readonly Outcome[], bands = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0001]) {
  return bands.slice(0, -1).map((lo, i) => {
    const hi = bands[i + 1]!;
    const inBand = outcomes.filter((o) => o.score >= lo && o.score < hi);
    const right = inBand.filter((o) => o.topRight).length;
    const meanScore = inBand.reduce((s, o) => s + o.score, 0) / (inBand.length || 1);
    return { band: `${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)}`, questions: inBand.length, meanScore, rightShare: inBand.length ? right / inBand.length : 0 };
  });
}

/** The answers given, split into those given as sure and those given with a note to check them: right and wrong in each. */
export function checkSplit(outcomes: readonly Outcome[]) {
  // A declined question is never to check, so it falls in the first group, where summarise counts no answer for it.
  const count = (flagged: boolean) => {
    const { right, wrong } = summarise(outcomes.filter((o) => o.toCheck === flagged));
    return { right, wrong };
  };
  return { sure: count(false), toCheck: count(true) };
}
