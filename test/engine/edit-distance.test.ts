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
    ['diyarbakır', 'diyarbakir', 1], // a letter no QWERTY key types, for the one it stands for
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

  it('counts any one letter left out, doubled or swapped with its neighbour as one slip', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    fc.assert(
      fc.property(word, fc.nat(), (w, n) => {
        const i = n % (w.length - 1);
        const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
        expect(editDistance(w.slice(0, i) + w.slice(i + 1), w)).toBe(1);
        expect(editDistance(w.slice(0, i + 1) + w.slice(i), w)).toBe(1);
        if (swapped !== w) expect(editDistance(swapped, w)).toBe(1);
      }),
    );
  });

  it('never counts more than replacing the shorter word and adding the rest', () => {
    const word = fc.stringMatching(/^[a-z]{0,8}$/);
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) <= Math.min(a.length, b.length) * 1.5 + Math.abs(a.length - b.length)));
  });
});
