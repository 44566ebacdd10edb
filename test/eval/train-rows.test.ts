import path from 'node:path';
import { answerProbability, probability } from '../../src/engine/decision';
import { createEngine, shown } from '../../src/engine/engine';
import { SemanticAnswerer, semanticOrder } from '../../src/engine/semantic/answerer';
import { semanticModel } from '../../src/engine/semantic/model';
import { loadEmbedder } from '../../src/engine/semantic/embedder';
import { TUNING_BANKS, readBank, semanticQuestions } from '../../src/eval/train';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the rows `npm run train` fits the semantic model on', () => {
  // The second topic's tuning half: some of its right facts are found only among the candidates closest in
  // meaning, so rows built from fewer or other candidates than the semantic stage judges score differently.
  const bank = TUNING_BANKS.find((b) => b.bank.includes('rosetta') && b.writer === 'halves')!;

  it('are the candidates the semantic stage re-orders, in its order, with its scores', async () => {
    const embedder = await loadEmbedder();
    const fromRows = (await semanticQuestions([bank], embedder)).map((question) =>
      question.rows
        .map((r) => {
          const p = probability(r.x, semanticModel());
          return { score: shown(answerProbability(r.x, semanticModel(), p, r.ruledOut)), order: semanticOrder(r.x, p), ruledOut: r.ruledOut === true };
        })
        // A candidate the knowledge rules out (does_not_answer) comes after the others (not-answered.ts).
        .sort((a, b) => Number(a.ruledOut) - Number(b.ruledOut) || b.order - a.order)
        .map((r) => r.score),
    );
    const engine = createEngine(loadKnowledgeOrThrow(path.join(ROOT, bank.knowledge)));
    const semantic = new SemanticAnswerer(async () => embedder, { sure: Infinity });
    const answered: number[][] = [];
    for (const [i, { q }] of readBank(path.join(ROOT, bank.bank)).entries()) {
      const { results } = await semantic.ask(engine, q, { wait: true, top: 10 });
      answered.push(results.slice(0, fromRows[i]!.length).map((r) => r.score));
    }
    expect(answered).toEqual(fromRows);
  }, 60_000);
});
