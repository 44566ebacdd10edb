import type { Outcome } from './metrics';
import { chooseThreshold, type Question } from './train';

/** A stage's answer to one question: its probability, its lexical match (for the gate), and whether it is right. */
export type Prediction = { p: number; lexical: number; y: number };

/** One stage's training recipe: how it fits, how it answers, where its line is drawn. */
export interface Stage<M> {
  fit(questions: readonly Question[]): M;
  answers(questions: readonly Question[], model: M): Prediction[];
  gate: number;
  target: number;
}

/**
 * The held-out writer's questions, answered by a model fitted only on the others, at a threshold chosen
 * (out of fold, 5 folds as in train.ts) only on the others too.
 */
export function holdOut<M>(questions: readonly Question[], writers: readonly string[], held: string, stage: Stage<M>): { threshold: number; outcomes: Outcome[] } {
  const training = questions.filter((_, i) => writers[i] !== held);
  const tested = questions.filter((_, i) => writers[i] === held);
  const outOfFold: Prediction[] = [];
  for (let k = 0; k < 5; k++) outOfFold.push(...stage.answers(training.filter((_, i) => i % 5 === k), stage.fit(training.filter((_, i) => i % 5 !== k))));
  const threshold = chooseThreshold(outOfFold, stage.gate, stage.target);
  const outcomes = stage.answers(tested, stage.fit(training)).map((a, i) => {
    const gated = a.lexical >= stage.gate;
    return { answerable: !tested[i]!.outOfScope, answered: gated && a.p >= threshold, topRight: a.y === 1, score: a.p, gated };
  });
  return { threshold, outcomes };
}
