import type { Outcome } from './metrics';
import { outOfFold } from './folds';
import { lines, type Prediction, type Question } from './train';

/** One stage's training recipe: how it fits, how it answers, where its line is drawn. */
export interface Stage<M> {
  fit(questions: readonly Question[]): M;
  /** With `ruledOut`, a candidate restating one of its fact's `does_not_answer` phrasings is vetoed, as the engine does. */
  answers(questions: readonly Question[], model: M, ruledOut?: boolean): Prediction[];
  gate: number;
  target: number;
}

/**
 * The held-out writer's questions, answered by a model fitted only on the others, at a threshold chosen
 * (out of fold over several splits, as in train.ts) only on the others too. They are answered as the engine answers, with the
 * knowledge's recorded near-misses ruled out; the threshold and sure point are chosen without them, as `npm run train` does.
 */
export function holdOut<M>(questions: readonly Question[], writers: readonly string[], held: string, stage: Stage<M>): { threshold: number; sure: number; outcomes: Outcome[] } {
  const training = questions.filter((_, i) => writers[i] !== held);
  const tested = questions.filter((_, i) => writers[i] === held);
  const { threshold, sure } = lines(outOfFold(training, stage.fit, stage.answers), stage.gate, stage.target);
  const outcomes = stage.answers(tested, stage.fit(training), true).map((a, i) => {
    const gated = a.lexical >= stage.gate;
    const answered = gated && a.p >= threshold;
    return { answerable: !tested[i]!.outOfScope, answered, topRight: a.y === 1, score: a.p, gated, toCheck: answered && a.p < sure };
  });
  return { threshold, sure, outcomes };
}
