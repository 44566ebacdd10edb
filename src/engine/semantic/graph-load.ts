/**
 * The sentence model's graph, its weights copied from the one buffer model-files.ts reads them into straight
 * into the WASM heap, and that buffer then let go. TensorFlow.js's own loading copied each weight out of the
 * buffer first (`io.decodeWeights` slices it), and the graph kept the buffer for as long as the process ran:
 * 28 MB copied once more than needed, and 28 MB held that nothing reads (docs/performance-log.md).
 */
import type { SentenceModel } from './graph-run';
import type { ModelFiles } from './model-files';

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

/** What is used of TensorFlow.js to make the weights' tensors. */
export interface MakesTensors {
  tensor(values: Float32Array | Int32Array, shape: number[], dtype: 'float32' | 'int32'): unknown;
  io: { decodeWeights(buffer: unknown, specs: unknown[]): Record<string, unknown> };
}

/** What is used of TensorFlow.js to load the graph. */
export interface LoadsGraphs extends MakesTensors {
  ready(): Promise<void>;
  io: MakesTensors['io'] & { getModelArtifactsForJSON(json: unknown, weights: () => Promise<[unknown[], ArrayBuffer]>): Promise<unknown> };
  loadGraphModel(handler: { load(): Promise<unknown> }, options: object, io: MakesTensors['io']): Promise<SentenceModel['model']>;
}

const plain = (spec: WeightSpec): spec is WeightSpec & { dtype: 'float32' | 'int32' } =>
  spec.quantization === undefined && (spec.dtype === 'float32' || spec.dtype === 'int32');

/**
 * A drop-in for `io.decodeWeights`: each plain float32 or int32 weight (4 bytes a value) is a view on the
 * buffer, which the WASM backend copies into its heap. Weights of any other kind (quantized, strings) are
 * left to TensorFlow.js, all of them, so that no tensor is made twice.
 */
export function weightsInPlace(tf: MakesTensors): (buffer: unknown, specs: unknown[]) => Record<string, unknown> {
  return (buffer, specs) => {
    const weights = specs as WeightSpec[];
    if (!(buffer instanceof ArrayBuffer) || !weights.every(plain)) return tf.io.decodeWeights(buffer, specs);
    const out: Record<string, unknown> = {};
    let offset = 0;
    for (const spec of weights) {
      const size = spec.shape.reduce((product, n) => product * n, 1);
      const values = spec.dtype === 'float32' ? new Float32Array(buffer, offset, size) : new Int32Array(buffer, offset, size);
      out[spec.name] = tf.tensor(values, spec.shape, spec.dtype);
      offset += size * 4;
    }
    return out;
  };
}

/**
 * The graph keeps the artifacts it was loaded from (for `save`, never called here) and its loader; the buffer
 * is taken out of the one, and the loaders are made by functions of their own, so that no closure shares a
 * scope that holds the buffer.
 */
export async function loadGraph(tf: LoadsGraphs, files: ModelFiles): Promise<SentenceModel['model']> {
  const artifacts = (await tf.io.getModelArtifactsForJSON(files.modelJson, weightsLoader(files.weightSpecs, files.weights))) as { weightData?: unknown };
  const graph = await tf.loadGraphModel(artifactsLoader(artifacts), {}, { ...tf.io, decodeWeights: weightsInPlace(tf) });
  delete artifacts.weightData;
  return graph;
}

const weightsLoader = (specs: unknown[], weights: ArrayBuffer) => async (): Promise<[unknown[], ArrayBuffer]> => [specs, weights];
const artifactsLoader = (artifacts: unknown) => ({ load: async () => artifacts });
