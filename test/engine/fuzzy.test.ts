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

  it('scores similarity in 0..1', () => {
    for (const c of vocabulary.correct('massood')) {
      expect(c.similarity).toBeGreaterThan(0);
      expect(c.similarity).toBeLessThanOrEqual(1);
    }
  });
});
