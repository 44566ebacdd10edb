import { FuzzyVocabulary } from '../../src/engine/fuzzy';
import { ENGINE_DEFAULTS } from '../../src/engine/config';

const vocabulary = new FuzzyVocabulary(
  [
    ['massoud', 'massoud'],
    ['panjshir', 'panjshir'],
    ['afghanistan', 'afghanistan'],
    ['taliban', 'taliban'],
    ['the', 'the'],
  ],
  ENGINE_DEFAULTS.fuzzy,
);

describe('FuzzyVocabulary', () => {
  it.each([
    ['panjsher', 'panjshir'],
    ['afganistan', 'afghanistan'],
    ['talibn', 'taliban'],
  ])('corrects %s to %s', (typo, word) => {
    expect(vocabulary.correct(typo)[0]).toMatchObject({ word, term: word });
  });

  it('leaves short words, numbers and unrelated words alone', () => {
    expect(vocabulary.correct('teh')).toEqual([]);
    expect(vocabulary.correct('2022')).toEqual([]);
    expect(vocabulary.correct('weather')).toEqual([]);
  });

  it('gives each word its own corrections, whatever was asked before (they are remembered)', () => {
    const words = ['panjsher', 'talibn', 'weather', 'afganistan', 'massoud'];
    const fresh = () => new FuzzyVocabulary([['massoud', 'massoud'], ['panjshir', 'panjshir'], ['afghanistan', 'afghanistan'], ['taliban', 'taliban']], ENGINE_DEFAULTS.fuzzy);
    const forwards = fresh();
    const backwards = fresh();
    const asked = words.map((w) => forwards.correct(w));
    [...words].reverse().forEach((w) => backwards.correct(w));
    expect(words.map((w) => backwards.correct(w))).toEqual(asked);
    expect(words.map((w) => forwards.correct(w))).toEqual(asked);
    expect(asked.map((c) => c[0]?.word)).toEqual(['panjshir', 'taliban', undefined, 'afghanistan', 'massoud']);
  });

  it('scores similarity in 0..1', () => {
    const corrections = vocabulary.correct('massood');
    expect(corrections[0]?.word).toBe('massoud');
    for (const c of corrections) {
      expect(c.similarity).toBeGreaterThan(0);
      expect(c.similarity).toBeLessThanOrEqual(1);
    }
  });
});

describe('FuzzyVocabulary ranks corrections as a typist errs', () => {
  // Everyday words, most frequent first, as the lexicon lists them.
  const everyday = new FuzzyVocabulary(
    ['the', 'what', 'there', 'when', 'their', 'want', 'where', 'went', 'many', 'may'].map((w) => [w, w] as [string, string]),
    { threshold: 0.34, minLength: 3, maxLengthDifference: 1, maxCorrections: 1 },
  );

  it.each([
    ['waht', 'what'], // two letters swapped: one slip, and "what" is the commoner word
    ['thier', 'their'],
    ['wehn', 'when'],
    ['wher', 'where'], // a letter left out beats r→n, keys far apart
    ['mnay', 'many'],
    ['teh', 'the'],
  ])('corrects %s to %s', (typo, word) => {
    expect(everyday.correct(typo)[0]?.word).toBe(word);
  });

  it('prefers, among equally close words, one that keeps the first letter', () => {
    // "her" is commoner, but typos seldom touch the first letter.
    const vocabulary = new FuzzyVocabulary(['her', 'where'].map((w) => [w, w] as [string, string]), { threshold: 0.34, minLength: 3, maxLengthDifference: 1, maxCorrections: 1 });
    expect(vocabulary.correct('wher')[0]?.word).toBe('where');
  });
});
