/**
 * A value as a small JSON header plus typed-array sections: the form in which knowledge and the
 * built index are cached on disk and handed from the reload worker to the main thread. Sections
 * are read back as views over the file's bytes (no copy) and move between threads by transfer.
 */
import { types } from 'node:util';

export type Section = Int32Array | Uint16Array | Uint8Array;

/**
 * Section type checks that hold for arrays from another realm too (a worker's, or under jest's vm
 * sandbox), where `instanceof` does not.
 */
export const is = { i32: types.isInt32Array, u16: types.isUint16Array, u8: types.isUint8Array } as const;

export interface Packed {
  header: Record<string, unknown>;
  sections: Record<string, Section>;
}

/** Strings as one UTF-8 blob and each one's length in bytes: no JSON to parse, and readable a string at a time. */
export interface PackedStrings {
  text: Uint8Array;
  lengths: Int32Array;
}

export function packStrings(strings: readonly string[]): PackedStrings {
  const lengths = Int32Array.from(strings, (s) => Buffer.byteLength(s, 'utf8'));
  return { text: new Uint8Array(Buffer.from(strings.join(''), 'utf8')), lengths };
}

/** Reads the strings of a table one by one, so a long table can be read in steps; `left` counts the rest. */
export function stringReader(text: Uint8Array, lengths: Int32Array) {
  const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  let i = 0;
  let at = 0;
  return {
    left: () => lengths.length - i,
    next(): string {
      const length = lengths[i++];
      if (length === undefined || length < 0 || at + length > bytes.length) throw new Error('string table: read past its end');
      return bytes.toString('utf8', at, (at += length));
    },
    /** Throws unless every string was read and the text held exactly them. */
    end(): void {
      if (i !== lengths.length || at !== bytes.length) throw new Error('string table does not match its lengths');
    },
  };
}

export function unpackStrings(text: Uint8Array, lengths: Int32Array): string[] {
  const reader = stringReader(text, lengths);
  const out = Array.from({ length: lengths.length }, () => reader.next());
  reader.end();
  return out;
}

/** The buffers to transfer when posting these packed values to another thread (each once: sections may share one). */
export function transferList(...packs: Packed[]): ArrayBuffer[] {
  return [...new Set(packs.flatMap((p) => Object.values(p.sections).map((s) => s.buffer as ArrayBuffer)))];
}
