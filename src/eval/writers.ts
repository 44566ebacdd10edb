import { ENGINE_DEFAULTS } from '../engine/config';
import { SEMANTIC_MODEL_FEATURES } from '../engine/semantic/answerer';
import { loadEmbedder } from '../engine/semantic/embedder';
import { qualityLines, qualityReport } from '../cli/eval-report';
import type { Outcome } from './metrics';
import {
  SEMANTIC_TARGET_PRECISION,
  TARGET_PRECISION,
  TUNING_BANKS,
  bankQuestions,
  bestAnswers,
  chooseThreshold,
  fit,
  semanticQuestions,
  topAnswers,
  type Question,
  type TuningBank,
} from './train';

/**
 * `npm run eval:writers`: how far a score can be trusted on questions from someone whose phrasings the
 * model never saw. The banks were written by three writers (BANK.md); each in turn is held out, the
 * decision is fitted on the other two exactly as `npm run train` fits it (threshold chosen out of fold
 * on them), and the held-out writer's questions are answered. A measurement only: the shipped models
 * stay fitted on the tuning banks, never on the fresh sets (those enter here only to fit the models
 * that measure the other two writers). Random folds over one writer's questions are kinder than this,
 * since a writer phrases one fact several times alike.
 */

export interface WriterBank extends TuningBank {
  writer: string;
}

const writerOf = (bank: string) => (bank.includes('.tune-extra.') ? 'extra' : 'halves');
export const WRITER_BANKS: readonly WriterBank[] = [
  ...TUNING_BANKS.map((b) => ({ ...b, writer: writerOf(b.bank) })),
  // Weighted like the extra questions: one writer each, aiming at hard styles (train.ts).
  { knowledge: 'knowledge', bank: 'test/fixtures/eval/nrf-bank.fresh.jsonl', weight: 0.5, writer: 'fresh' },
  { knowledge: 'test/fixtures/topics/rosetta/knowledge', bank: 'test/fixtures/topics/rosetta/bank.fresh.jsonl', weight: 0.75, writer: 'fresh' },
];

type Prediction = { p: number; lexical: number; y: number };

/** One stage's training recipe: how it fits, how it answers, where its line is drawn. */
export interface Stage<M> {
  fit(questions: readonly Question[]): M;
  answers(questions: readonly Question[], model: M): Prediction[];
  gate: number;
  target: number;
}

/**
 * The held-out writer's questions, answered by a model fitted only on the others, with the threshold
 * chosen (out of fold, 5 folds as in train.ts) only on the others too.
 */
export function holdOut<M>(questions: readonly Question[], writers: readonly string[], held: string, stage: Stage<M>): Outcome[] {
  const training = questions.filter((_, i) => writers[i] !== held);
  const tested = questions.filter((_, i) => writers[i] === held);
  const outOfFold: Prediction[] = [];
  for (let k = 0; k < 5; k++) outOfFold.push(...stage.answers(training.filter((_, i) => i % 5 === k), stage.fit(training.filter((_, i) => i % 5 !== k))));
  const threshold = chooseThreshold(outOfFold, stage.gate, stage.target);
  return stage.answers(tested, stage.fit(training)).map((a, i) => {
    const gated = a.lexical >= stage.gate;
    return { answerable: !tested[i]!.outOfScope, answered: gated && a.p >= threshold, topRight: a.y === 1, score: a.p, gated };
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function report<M>(name: string, questions: readonly Question[], stage: Stage<M>, thresholdShipped: number): void {
  const writers = questions.map((q) => WRITER_BANKS.find((b) => b.bank === q.group)!.writer);
  const pooled: Outcome[] = [];
  console.log(`\n${name}: each writer held out in turn`);
  for (const held of [...new Set(writers)]) {
    const outcomes = holdOut(questions, writers, held, stage);
    pooled.push(...outcomes);
    const s = qualityReport(outcomes, { threshold: thresholdShipped, gate: stage.gate }).summary;
    console.log(`  ${held.padEnd(7)} right ${s.right}/${s.answerable}, wrong ${s.wrong}, out-of-scope declined ${s.declinedOutOfScope}/${s.outOfScope}, precision ${pct(s.precision)}, coverage ${pct(s.coverage)}`);
  }
  console.log(`  All three, pooled (each writer answered by a model that never saw it):`);
  for (const line of qualityLines(qualityReport(pooled, { threshold: thresholdShipped, gate: stage.gate }))) console.log(`  ${line}`);
}

async function main(): Promise<void> {
  const { DECISION_MODEL } = await import('../engine/decision');
  const { SEMANTIC_MODEL } = await import('../engine/semantic/answerer');
  report('Lexical stage', bankQuestions(WRITER_BANKS), { fit: (q) => fit(q), answers: topAnswers, gate: ENGINE_DEFAULTS.lexicalGate, target: TARGET_PRECISION }, DECISION_MODEL.threshold);
  const questions = await semanticQuestions(WRITER_BANKS, await loadEmbedder());
  report('Semantic stage', questions, { fit: (q) => fit(q, SEMANTIC_MODEL_FEATURES), answers: bestAnswers, gate: 0, target: SEMANTIC_TARGET_PRECISION }, SEMANTIC_MODEL.threshold);
}

if (require.main === module) void main();
