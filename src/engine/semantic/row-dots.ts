import { DIMENSIONS } from './embedder';
import { ROW_DOTS_WASM } from './row-dots-wasm';

/**
 * Every fact row's dot product with a question, in WebAssembly SIMD (row-dots.wat, which says why it sums as
 * the JavaScript loop it replaced did, to the bit). Every question reads every row: at 10,000 facts that loop
 * was ~6.8 ms of a question's ~17 ms; this takes ~1.75 ms (docs/performance-log.md). The kernel reads rows of
 * 512 floats (DIMENSIONS) in its own memory, so rows are made there (`wasmRows`), not copied per call.
 */

const ROW_BYTES = DIMENSIONS * 4;
const QUESTION_BYTES = DIMENSIONS * 8;
const PAGE_BYTES = 65_536;

type Scan = (question: Float32Array) => Float32Array;

/** What is used of Node's WebAssembly global (TypeScript types it only in its DOM library, not loaded here). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
};

let compiled: object | undefined;
/** Each row array made by `wasmRows` (or copied there), and its scan. */
const scans = new WeakMap<Float32Array, Scan>();

/**
 * Room for `count` rows of DIMENSIONS floats (zeros) in a WebAssembly memory of their own, with space after
 * them for a question and one result a row. The memory never grows, so the array stays valid.
 */
export function wasmRows(count: number): Float32Array {
  const questionAt = count * ROW_BYTES;
  const outAt = questionAt + QUESTION_BYTES;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((outAt + count * 4) / PAGE_BYTES) });
  compiled ??= new WebAssembly.Module(Buffer.from(ROW_DOTS_WASM, 'base64'));
  const kernel = new WebAssembly.Instance(compiled, { env: { memory } }).exports.rowDots as (
    rows: number,
    count: number,
    question: number,
    out: number,
  ) => void;
  const rows = new Float32Array(memory.buffer, 0, count * DIMENSIONS);
  const question64 = new Float64Array(memory.buffer, questionAt, DIMENSIONS);
  const out = new Float32Array(memory.buffer, outAt, count);
  scans.set(rows, (question) => {
    question64.set(question);
    kernel(0, count, questionAt, outAt);
    return out;
  });
  return rows;
}

/**
 * Each row's dot product with `question` (unit vectors: cosines), as float32. The result is overwritten by
 * the next call on the same rows: read it first. Rows not made by `wasmRows` are copied there once.
 */
export function rowDots(rows: Float32Array, question: Float32Array): Float32Array {
  let scan = scans.get(rows);
  if (!scan) {
    const copy = wasmRows(rows.length / DIMENSIONS);
    copy.set(rows);
    scan = scans.get(copy)!;
    scans.set(rows, scan);
  }
  return scan(question);
}
