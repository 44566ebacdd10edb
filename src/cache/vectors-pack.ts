import { DIMENSIONS } from '../engine/semantic/embedder';
import type { FactVectors } from '../engine/semantic/fact-vectors';
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
  // Sections are 8-aligned in the file, so the floats are viewed in place; a copy only if that ever changes.
  const bytes = rows.byteOffset % 4 === 0 ? rows : rows.slice();
  return { embedder, rows: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), start };
}
