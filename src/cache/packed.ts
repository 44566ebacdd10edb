/**
 * A value as a small JSON header plus typed-array sections: the form in which knowledge and the
 * built index are cached on disk and handed from the reload worker to the main thread. Sections
 * are read back as views over the file's bytes (no copy) and move between threads by transfer.
 */
export type Section = Int32Array | Uint16Array | Uint8Array;

export interface Packed {
  header: Record<string, unknown>;
  sections: Record<string, Section>;
}

/** Strings as one UTF-8 blob and their lengths in UTF-16 units: decoding is one pass, not a JSON parse. */
export interface PackedStrings {
  text: Uint8Array;
  lengths: Int32Array;
}

export function packStrings(strings: readonly string[]): PackedStrings {
  const lengths = Int32Array.from(strings, (s) => s.length);
  return { text: new Uint8Array(Buffer.from(strings.join(''), 'utf8')), lengths };
}

export function unpackStrings(text: Uint8Array, lengths: Int32Array): string[] {
  const all = new TextDecoder().decode(text);
  const out = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) out[i] = all.slice(at, (at += lengths[i]!));
  if (at !== all.length) throw new Error('string table does not match its lengths');
  return out;
}

/** The buffers to transfer when posting these packed values to another thread (each once: sections may share one). */
export function transferList(...packs: Packed[]): ArrayBuffer[] {
  return [...new Set(packs.flatMap((p) => Object.values(p.sections).map((s) => s.buffer as ArrayBuffer)))];
}
