import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../engine/engine';
import { DECISION_MODEL, type DecisionModel } from '../engine/decision';
import { ENGINE_DEFAULTS } from '../engine/config';
import { FEATURES } from '../engine/features';

const LEXICAL = FEATURES.indexOf('lexicalScore');
import { quotes, type EvalCase } from './judge';
import { loadKnowledgeOrThrow } from '../knowledge/load';
import { fitLogistic, type Row } from './logistic';

/**
 * Fits the answer decision (src/engine/decision-model.json) on TUNING data only: the tuning halves of
 * the question banks (two topics), never the frozen test halves. StackFAQ stays out of it so that it
 * measures ranking on data nothing was fitted to (adding it to the fit was tried: it did not help).
 */

const ROOT = path.resolve(__dirname, '..', '..');
export const TUNING_BANKS = [
  { knowledge: 'knowledge', bank: 'test/fixtures/eval/nrf-bank.tune.jsonl', weight: 1 },
  { knowledge: 'test/fixtures/topics/rosetta/knowledge', bank: 'test/fixtures/topics/rosetta/bank.tune.jsonl', weight: 1.5 },
];
/** Candidates per question the model learns from: the best answer and its nearest rivals. */
const PER_QUESTION = ENGINE_DEFAULTS.rerank.candidates;
/**
 * Precision the default operating point must reach on out-of-fold predictions of the tuning halves. Higher
 * targets were tried (0.95, 0.975): they declined the bundled knowledge's plainest questions (README, Quality).
 */
export const TARGET_PRECISION = 0.9;

interface Question {
  group: string;
  weight: number;
  rows: Row[];
}

export function readBank(file: string): Array<EvalCase & { style?: string }> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalCase & { style?: string });
}

/** The candidates the model re-orders (the best lexical ones), the engine's answer first. */
function questionRows(engine: Engine, q: string, isRightFact: (id: number) => boolean): Row[] {
  const judged = engine.judge(q);
  const answer = judged[0];
  if (!answer) return [];
  const rivals = judged
    .filter((j) => j !== answer)
    .sort((a, b) => b.features[LEXICAL]! - a.features[LEXICAL]!)
    .slice(0, PER_QUESTION - 1);
  return [answer, ...rivals].map((j) => ({ x: j.features, y: isRightFact(j.id) ? 1 : 0 }));
}

function bankQuestions(): Question[] {
  const out: Question[] = [];
  for (const { knowledge, bank, weight } of TUNING_BANKS) {
    const engine = createEngine(loadKnowledgeOrThrow(path.join(ROOT, knowledge)));
    for (const c of readBank(path.join(ROOT, bank))) {
      const rows = questionRows(engine, c.q, (id) => {
        const fact = engine.facts[id]!;
        return c.expect !== null && quotes(fact, c.expect);
      });
      out.push({ group: bank, weight, rows });
    }
  }
  return out;
}

/** The answer the engine would give (the best lexical candidate) per question: its probability and whether it is right. */
function topAnswers(questions: readonly Question[], model: DecisionModel) {
  return questions.map((q) => {
    const top = q.rows[0];
    return { p: top ? predict(model, top.x) : 0, lexical: top?.x[LEXICAL] ?? 0, y: top?.y ?? 0 };
  });
}

function predict(m: DecisionModel, x: readonly number[]): number {
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += m.weights[i]! * ((x[i]! - m.mean[i]!) / (m.scale[i] || 1));
  return 1 / (1 + Math.exp(-z));
}

/**
 * The operating point: the lowest probability threshold (in hundredths) that answers the most questions
 * right while the answers given (those past the lexical gate too) keep `target` precision.
 */
export function chooseThreshold(tops: ReadonlyArray<{ p: number; lexical: number; y: number }>, gate: number, target: number): number {
  let best = { threshold: 0.99, right: -1 };
  for (let cents = 30; cents < 99; cents++) {
    const t = cents / 100;
    const answered = tops.filter((a) => a.lexical >= gate && a.p >= t);
    const right = answered.filter((a) => a.y).length;
    if (answered.length > 0 && right / answered.length >= target && right > best.right) best = { threshold: t, right };
  }
  return best.threshold;
}

function fit(questions: readonly Question[]): DecisionModel {
  const rows = questions.flatMap((q) => q.rows.map((r) => ({ ...r, w: q.weight })));
  const fitted = fitLogistic(rows, { l2: 0.001, iterations: 2000, rate: 1, });
  return { features: [...FEATURES], ...fitted, threshold: DECISION_MODEL.threshold };
}

/** Fits the decision on the tuning halves; the threshold is chosen on out-of-fold probabilities. */
export function trainDecision(): { model: DecisionModel; questions: number; answered: number; right: number } {
  const questions = bankQuestions();
  // Out-of-fold probabilities choose the threshold, so it is not set on answers the model was fitted to.
  const folds = 5;
  const outOfFold: Array<{ p: number; lexical: number; y: number }> = [];
  for (let k = 0; k < folds; k++) {
    const model = fit(questions.filter((_, i) => i % folds !== k));
    outOfFold.push(...topAnswers(questions.filter((_, i) => i % folds === k), model));
  }
  const gate = ENGINE_DEFAULTS.lexicalGate;
  const threshold = chooseThreshold(outOfFold, gate, TARGET_PRECISION);
  const answered = outOfFold.filter((t) => t.lexical >= gate && t.p >= threshold);
  return { model: { ...fit(questions), threshold }, questions: questions.length, answered: answered.length, right: answered.filter((t) => t.y).length };
}

function main(): void {
  const { model, questions, answered, right } = trainDecision();
  writeFileSync(path.join(ROOT, 'src', 'engine', 'decision-model.json'), `${JSON.stringify(model, null, 1)}\n`);
  console.log(`questions: ${questions}; threshold ${model.threshold} (with lexical gate ${ENGINE_DEFAULTS.lexicalGate}) for ≥ ${TARGET_PRECISION} out-of-fold precision`);
  console.log(`out-of-fold on the banks' tuning halves: answered ${answered}, right ${right}`);
  FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(22)} ${model.weights[i]!.toFixed(3)}`));
}

if (require.main === module) main();
