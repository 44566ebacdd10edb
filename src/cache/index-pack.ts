import { INDEX_FORMAT, type IndexParts } from '../engine/index-builder';
import { headerOf, is, packStrings, unpackStrings, type Packed } from './packed';

/** A built index as packed sections: its typed arrays as they are, the term and word tables as string tables. */
export function packIndex(parts: IndexParts): Packed {
  const { terms, fieldCount, ...arrays } = parts.search;
  const t = packStrings(terms);
  const w = packStrings(parts.words.flat());
  return {
    header: { format: INDEX_FORMAT, fieldCount },
    sections: { ...arrays, termText: t.text, termLengths: t.lengths, wordText: w.text, wordLengths: w.lengths },
  };
}

/** Throws when the sections are not a packed index of this version (InvertedIndex.fromBuffers checks that they fit). */
export function unpackIndex(packed: Packed): IndexParts {
  const { fieldCount } = headerOf<{ fieldCount: number }>(packed, { format: INDEX_FORMAT }, 'packed index');
  if (!Number.isInteger(fieldCount) || fieldCount < 1) throw new Error('packed index: field count malformed');
  const { offsets, docs, tfs, anyFieldDf, fieldLengths, termText, termLengths, wordText, wordLengths } = packed.sections;
  if (
    !(is.i32(offsets) && is.i32(docs) && is.u16(tfs) && is.i32(anyFieldDf) && is.u16(fieldLengths)) ||
    !(is.u8(termText) && is.i32(termLengths) && is.u8(wordText) && is.i32(wordLengths))
  ) {
    throw new Error('packed index: sections missing');
  }
  const flat = unpackStrings(wordText, wordLengths);
  const words: Array<[string, string]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) words.push([flat[i]!, flat[i + 1]!]);
  return { search: { fieldCount, terms: unpackStrings(termText, termLengths), offsets, docs, tfs, anyFieldDf, fieldLengths }, words };
}
