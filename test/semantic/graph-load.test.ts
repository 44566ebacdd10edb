import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readModelFiles, type ModelFiles } from '../../src/engine/semantic/model-files';
import { loadGraph, weightsInPlace, type LoadsGraphs } from '../../src/engine/semantic/graph-load';

interface Tensor {
  shape: number[];
  dtype: string;
  dataSync(): ArrayLike<number>;
  dispose(): void;
}
type Tf = LoadsGraphs & { ready(): Promise<void>; memory(): { numTensors: number } };

describe('the sentence model’s weights read in place (graph-load.ts)', () => {
  let tf: Tf;
  const files = readModelFiles();

  beforeAll(async () => {
    tf = (await import('@energetic-ai/core')) as unknown as Tf;
    await tf.ready();
  }, 60_000);

  const disposeAll = (map: Record<string, unknown>) => Object.values(map).forEach((t) => (t as Tensor).dispose());

  it('makes the tensors TensorFlow.js’s own decoding makes: same names, shapes, kinds and values', () => {
    const ours = weightsInPlace(tf)(files.weights, files.weightSpecs) as Record<string, Tensor>;
    const theirs = tf.io.decodeWeights(files.weights, files.weightSpecs) as Record<string, Tensor>;
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    for (const [name, tensor] of Object.entries(theirs)) {
      const mine = ours[name]!;
      expect([mine.shape, mine.dtype]).toEqual([tensor.shape, tensor.dtype]);
      expect(mine.dataSync()).toEqual(tensor.dataSync());
    }
    disposeAll(ours);
    disposeAll(theirs);
  });

  it('leaves weights of another kind (here quantized) to TensorFlow.js, all of them, making no tensor twice', () => {
    const values = new Float32Array([1.5, -2, 3.25, 4]);
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const buffer = new Uint8Array([...new Uint8Array(values.buffer), ...bytes]).buffer;
    const specs = [
      { name: 'plain', shape: [2, 2], dtype: 'float32' },
      { name: 'quantized', shape: [4], dtype: 'float32', quantization: { dtype: 'uint8', min: -1, scale: 0.5 } },
    ];
    const before = tf.memory().numTensors;
    const out = weightsInPlace(tf)(buffer, specs) as Record<string, Tensor>;
    expect(tf.memory().numTensors - before).toBe(2);
    expect(Array.from(out.plain!.dataSync())).toEqual([1.5, -2, 3.25, 4]);
    expect(Array.from(out.quantized!.dataSync())).toEqual([-1, -0.5, 0, 126.5]);
    disposeAll(out);
  });

  it('the buffer can be changed afterwards: the tensors hold copies', () => {
    const buffer = new Float32Array([1, 2, 3]).buffer;
    const out = weightsInPlace(tf)(buffer, [{ name: 'w', shape: [3], dtype: 'float32' }]) as Record<string, Tensor>;
    new Float32Array(buffer).fill(0);
    expect(Array.from(out.w!.dataSync())).toEqual([1, 2, 3]);
    disposeAll(out);
  });

  it('lets the weights’ buffer go once the graph is loaded (the graph keeps what it was loaded from)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let files: ModelFiles | undefined = readModelFiles();
    const buffer = new WeakRef(files.weights);
    const graph = (await loadGraph(tf, files)) as unknown as { dispose(): void };
    files = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    expect(buffer.deref()).toBeUndefined();
    graph.dispose();
  });
});
