import { DIMENSIONS } from '../engine/semantic/embedder';
import type { FactVectors } from '../engine/semantic/fact-vectors';
import { wasmRows } from '../engine/semantic/row-dots';
import { headerOf, is, type Packed } from './packed';

/** Fact vectors as packed sections: the floats as their bytes (sections are integer arrays). */
export function packVectors(vectors: FactVectors): Packed {
  return {
    header: { embedder: vectors.embedder, dimensions: DIMENSIONS },
    sections: { rows: new Uint8Array(vectors.rows.buffer, vectors.rows.byteOffset, vectors.rows.byteLength), start: vectors.start },
  };
}

/** Throws when the sections are not packed vectors of this model's size. */
export function unpackVectors(packed: Packed): FactVectors {
  const { embedder } = headerOf<{ embedder: string }>(packed, { dimensions: DIMENSIONS }, 'packed vectors');
  if (typeof embedder !== 'string') throw new Error('packed vectors: embedder malformed');
  const { rows, start } = packed.sections;
  if (!is.u8(rows) || !is.i32(start) || rows.byteLength !== (start[start.length - 1] ?? -1) * DIMENSIONS * 4) {
    throw new Error('packed vectors: sections missing or the wrong size');
  }
  // Copied once into the memory the semantic stage's scan reads (row-dots.ts), byte for byte.
  const floats = wasmRows(rows.byteLength / (DIMENSIONS * 4));
  new Uint8Array(floats.buffer, floats.byteOffset, floats.byteLength).set(rows);
  return { embedder, rows: floats, start };
}
