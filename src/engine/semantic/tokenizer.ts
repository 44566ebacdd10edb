/**
 * The sentence model's word pieces: the tokenizer of `@energetic-ai/embeddings` 0.2.0 (itself that of
 * TensorFlow.js's Universal Sentence Encoder, Copyright 2019 Google LLC, Apache-2.0), written again with
 * its prefix trie replaced by a map of pieces. Building the trie took ~25 ms and ~15 ms of garbage
 * collection on every model load, about a tenth of `brief ask`'s time when the model decides; the map takes
 * ~3 ms. It gives the same pieces to the id (test/semantic/tokenizer.test.ts compares the two).
 */

/** The model's vocabulary, as `vocab.json` holds it: [piece, log probability], by id. */
export type Vocabulary = ReadonlyArray<readonly [string, number]>;

export interface Tokenizer {
  encode(text: string): number[];
}

/** Ids below this are the reserved symbols (unknown, <s>, …): never matched as pieces. */
const RESERVED = 6;
/** Marks a word's start (SentencePiece's "▁"), and stands for every space. */
const SEPARATOR = '\u2581';

interface Piece {
  score: number;
  id: number;
}

export function pieceTokenizer(vocabulary: Vocabulary): Tokenizer {
  const pieces = new Map<string, Piece>();
  let longest = 0;
  for (let id = RESERVED; id < vocabulary.length; id++) {
    const [text, score] = vocabulary[id]!;
    pieces.set(text, { score, id }); // a piece listed twice keeps its last id, as the trie did
    longest = Math.max(longest, [...text].length);
  }
  return { encode: (text) => encode(text, pieces, longest) };
}

function encode(input: string, pieces: Map<string, Piece>, longest: number): number[] {
  const normalized = input.normalize('NFKC');
  const symbols = [...(normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : normalized)];
  const n = symbols.length;
  // Every piece that matches, filed under where it ends, in order of where it starts.
  const ending: Array<Array<{ length: number; score: number; id: number }>> = Array.from({ length: n + 1 }, () => []);
  for (let start = 0; start < n; start++) {
    let key = '';
    let found = false;
    for (let length = 1; length <= longest && start + length <= n; length++) {
      key += symbols[start + length - 1]!;
      const piece = pieces.get(key);
      if (piece) {
        found = true;
        ending[start + length]!.push({ length, score: piece.score, id: piece.id });
      }
    }
    // A character no piece starts with is the unknown piece (id 0), scoring 0.
    if (!found) ending[start + 1]!.push({ length: 1, score: 0, id: 0 });
  }
  const best = new Array<number>(n + 1).fill(0);
  const chosen = new Array<{ length: number; id: number }>(n + 1);
  for (let end = 0; end <= n; end++) {
    for (const piece of ending[end]!) {
      const score = piece.score + best[end - piece.length]!;
      // As the package: a best score of exactly 0 counts as none yet, and a tie goes to the later start.
      if (best[end] === 0 || score >= best[end]!) {
        best[end] = score;
        chosen[end] = piece;
      }
    }
  }
  const backwards: number[] = [];
  for (let at = n; at > 0; at -= chosen[at]!.length) backwards.push(chosen[at]!.id);
  const ids: number[] = [];
  let previousUnknown = false;
  for (const id of backwards) {
    if (!(previousUnknown && id === 0)) ids.push(id); // a run of unknown pieces is one
    previousUnknown = id === 0;
  }
  return ids.reverse();
}
