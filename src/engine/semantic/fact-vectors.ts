import type { Fact } from '../../knowledge/schema';
import { DIMENSIONS, type Embedder } from './embedder';

/**
 * One vector per fact text and per stored question, in one flat array (rows of DIMENSIONS floats):
 * a fact's text row first, then its questions' rows. `start[f]` is fact f's first row; `start[n]` ends.
 */
export interface FactVectors {
  readonly embedder: string;
  readonly rows: Float32Array;
  readonly start: Int32Array;
}

/** The texts embedded for each fact, in row order. */
export const factTexts = (fact: Fact): string[] => [fact.text, ...fact.questions];

/** How many texts (rows) the facts have: what computing their vectors costs. */
export const textCount = (facts: readonly Fact[]): number => facts.reduce((n, f) => n + 1 + f.questions.length, 0);

export async function computeFactVectors(facts: readonly Fact[], embedder: Embedder): Promise<FactVectors> {
  const start = new Int32Array(facts.length + 1);
  const texts: string[] = [];
  facts.forEach((fact, f) => {
    start[f] = texts.length;
    texts.push(...factTexts(fact));
  });
  start[facts.length] = texts.length;
  const rows = new Float32Array(texts.length * DIMENSIONS);
  const vectors = await embedder.embed(texts);
  vectors.forEach((v, i) => rows.set(v, i * DIMENSIONS));
  return { embedder: embedder.id, rows, start };
}

/** Cosine of the question with each fact: the text's and each stored question's, their best and the text's. */
export function similarities(vectors: FactVectors, question: Float32Array): { best: Float32Array; text: Float32Array } {
  const facts = vectors.start.length - 1;
  const best = new Float32Array(facts);
  const text = new Float32Array(facts);
  const { rows, start } = vectors;
  for (let f = 0; f < facts; f++) {
    let top = -1;
    for (let r = start[f]!; r < start[f + 1]!; r++) {
      const dot = rowDot(rows, r * DIMENSIONS, question);
      if (r === start[f]) text[f] = dot;
      if (dot > top) top = dot;
    }
    best[f] = top;
  }
  return { best, text };
}

/**
 * One row's dot product with the question, four lanes at a time (DIMENSIONS is a multiple of 4). Every
 * question reads every row, so at 10,000 facts this loop was ~10 ms of a question's ~22: four sums
 * instead of one take it to ~6 ms (docs/performance-log.md). The result is the same to float32 precision,
 * which is what is stored.
 */
function rowDot(rows: Float32Array, base: number, question: Float32Array): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < DIMENSIONS; i += 4) {
    a += rows[base + i]! * question[i]!;
    b += rows[base + i + 1]! * question[i + 1]!;
    c += rows[base + i + 2]! * question[i + 2]!;
    d += rows[base + i + 3]! * question[i + 3]!;
  }
  return a + b + (c + d);
}
