import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { EmbeddingsModel } from '@energetic-ai/embeddings';
import { readModelFiles } from '../../src/engine/semantic/model-files';
import { pieceTokenizer } from '../../src/engine/semantic/tokenizer';

const { vocabulary } = readModelFiles();
/** The package's own tokenizer, built as its `initModel` builds it (no graph is needed to tokenize). */
const theirs = new EmbeddingsModel({ vocabulary, model: null } as unknown as ConstructorParameters<typeof EmbeddingsModel>[0])
  .tokenizer as { encode(text: string): number[] };
const ours = pieceTokenizer(vocabulary);

/** Every question of every bank, both topics: the text the model is given in use. */
function bankQuestions(): string[] {
  const dirs = ['test/fixtures/eval', 'test/fixtures/topics/rosetta'];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n'))
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );
}

describe('word pieces (tokenizer.ts), against the package it replaces', () => {
  // Importing the package starts TensorFlow's backend; a test file that ended before it was up crashed jest.
  beforeAll(async () => {
    await ((await import('@energetic-ai/core')) as unknown as { ready(): Promise<void> }).ready();
  });

  it('gives the same pieces for every question of the banks', () => {
    const questions = bankQuestions();
    expect(questions.length).toBeGreaterThan(1000);
    for (const q of questions) expect([q, ours.encode(q)]).toEqual([q, theirs.encode(q)]);
  });

  it('gives the same pieces for every piece of the vocabulary, alone, doubled and after a word', () => {
    for (const [piece] of vocabulary) {
      for (const text of [piece, piece + piece, `the ${piece}`]) expect([text, ours.encode(text)]).toEqual([text, theirs.encode(text)]);
    }
  });

  // Characters that test the corners: pieces of one and several letters, a character outside the basic plane
  // (two UTF-16 units), a combining accent and a ligature that NFKC rewrites, runs of spaces, the word-start
  // mark itself, the unknown-piece symbol, and scripts the vocabulary barely covers.
  const parts = ['a', 'e', 'the', 'ing', 'NRF', 'é', 'ß', '😀', '\u0301', 'ﬁ', ' ', '  ', '\t', '-', '.', '?', '日本', 'Ω', '\u2581', '\uFFFD', 'zq'];
  it('gives the same pieces for any text made of awkward parts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 24 }), (chosen) => {
        const text = chosen.join('');
        expect(ours.encode(text)).toEqual(theirs.encode(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same pieces for any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(ours.encode(text)).toEqual(theirs.encode(text));
      }),
      { numRuns: 2000 },
    );
  });
});
