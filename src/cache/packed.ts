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

/**
 * `packed`'s header, as the packer of this version wrote it, or an error when `expected` (its format)
 * does not match. A packed value comes only from this user's sealed cache files (sealed-file.ts) or
 * from our own reload worker, so each reader checks by hand only the fields it relies on: a schema
 * would load zod (~85 ms) on every warm start.
 */
export function headerOf<H>(packed: Packed, expected: Readonly<Record<string, unknown>>, what: string): H {
  for (const [key, value] of Object.entries(expected)) {
    if (packed.header[key] !== value) throw new Error(`${what}: written by another version`);
  }
  return packed.header as H;
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

/**
 * Bytes of the string table decoded at a time (whole strings, so a window may be longer): above
 * V8's largest ordinary object (128 KB), so each window is allocated once and never moved by the GC.
 */
const WINDOW_BYTES = 1 << 20;

/** The UTF-16 length of each UTF-8 string in `bytes` (as Buffer.from wrote it): one unit per character, two for a 4-byte one. */
function utf16Lengths(bytes: Buffer, byteLengths: ArrayLike<number>, start: number): number[] {
  let at = start;
  return Array.from(byteLengths, (n) => {
    let units = 0;
    for (const end = at + n; at < end; at++) if ((bytes[at]! & 0xc0) !== 0x80) units += bytes[at]! >= 0xf0 ? 2 : 1;
    return units;
  });
}

/**
 * Reads the strings of a table one by one, so a long table can be read in steps; `left` counts the rest.
 * Decoding is the bulk of a warm start (300k+ strings at 100k facts), so the text is decoded a
 * window at a time and each string cut from it: a substring shares the window's memory, which
 * leaves far less to allocate and for the GC to copy than a string decoded on its own.
 */
export function stringReader(text: Uint8Array, lengths: Int32Array) {
  const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  let i = 0;
  let at = 0;
  let window = { text: '', first: 0, end: 0, starts: [0] };
  /** Decodes the window that starts with string `i`; where `starts[k]` is string i+k's offset in it. */
  const open = () => {
    let last = i;
    let end = at;
    while (last < lengths.length && (last === i || end - at < WINDOW_BYTES) && lengths[last]! >= 0 && end + lengths[last]! <= bytes.length) end += lengths[last++]!;
    const text = bytes.toString('utf8', at, end);
    const units = text.length === end - at ? lengths.subarray(i, last) : utf16Lengths(bytes, lengths.subarray(i, last), at);
    const starts = [0];
    let sum = 0;
    for (const n of units) starts.push((sum += n));
    if (sum !== text.length) throw new Error('string table: not UTF-8 as written');
    window = { text, first: i, end: last, starts };
  };
  return {
    left: () => lengths.length - i,
    next(): string {
      const length = lengths[i];
      if (length === undefined || length < 0 || at + length > bytes.length) throw new Error('string table: read past its end');
      if (i >= window.end) open();
      const k = i++ - window.first;
      at += length;
      return window.text.substring(window.starts[k]!, window.starts[k + 1]!);
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
