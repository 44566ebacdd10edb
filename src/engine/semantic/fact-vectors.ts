import type { Fact } from '../../knowledge/schema';
import { DIMENSIONS, type Embedder } from './embedder';
import { rowDots, wasmRows } from './row-dots';

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
  const rows = wasmRows(texts.length);
  const vectors = await embedder.embed(texts);
  vectors.forEach((v, i) => rows.set(v, i * DIMENSIONS));
  return { embedder: embedder.id, rows, start };
}

/** Cosine of the question with each fact: the text's and each stored question's, their best and the text's. */
export function similarities(vectors: FactVectors, question: Float32Array): { best: Float32Array; text: Float32Array } {
  const facts = vectors.start.length - 1;
  const best = new Float32Array(facts);
  const text = new Float32Array(facts);
  const { start } = vectors;
  const dots = rowDots(vectors.rows, question);
  for (let f = 0; f < facts; f++) {
    let top = -1;
    for (let r = start[f]!; r < start[f + 1]!; r++) {
      if (dots[r]! > top) top = dots[r]!;
    }
    text[f] = dots[start[f]!]!;
    best[f] = top;
  }
  return { best, text };
}
