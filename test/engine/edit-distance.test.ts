import fc from 'fast-check';
import { editDistance } from '../../src/engine/edit-distance';

describe('editDistance', () => {
  it.each([
    ['what', 'what', 0],
    ['waht', 'what', 1], // neighbours swapped
    ['wht', 'what', 1], // a letter left out
    ['whaat', 'what', 1], // one too many
    ['whst', 'what', 1], // s is next to a on the keyboard
    ['seperate', 'separate', 1], // a vowel for a vowel
    ['wher', 'when', 1.5], // r and n are far apart
    ['wher', 'where', 1],
    ['', 'abc', 3],
  ])('%j → %j is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('is zero only for the same word, and the same both ways', () => {
    const word = fc.stringMatching(/^[a-z]{0,8}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
      }),
    );
  });

  it('never exceeds the letters to delete and insert', () => {
    const word = fc.stringMatching(/^[a-z]{0,8}$/);
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) <= Math.max(a.length, b.length) * 1.5));
  });
});
