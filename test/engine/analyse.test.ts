import fc from 'fast-check';
import stem from 'wink-porter2-stemmer';
import { tokenize } from '../../src/engine/analyse';
import { STOP_WORDS } from '../../src/engine/stopwords';

/** Each token's forms worked out from scratch, as tokenize did before it remembered them. */
const uncached = (text: string) =>
  tokenize(text).map(({ surface }) => {
    const lower = surface.toLowerCase();
    return { surface, lower, stem: /^\p{N}+$/u.test(lower) ? lower : stem(lower), isStop: STOP_WORDS.has(lower), caps: surface.length > 1 && surface === surface.toUpperCase() && surface !== lower };
  });

describe('tokenize', () => {
  it('gives each written word its forms: lower case, stem, stop word, capitals', () => {
    expect(tokenize("The NRF's fighters, nrf US us 2021 A")).toEqual([
      { surface: 'The', lower: 'the', stem: 'the', isStop: true, caps: false },
      { surface: 'NRF', lower: 'nrf', stem: 'nrf', isStop: false, caps: true },
      { surface: 'fighters', lower: 'fighters', stem: 'fighter', isStop: false, caps: false },
      { surface: 'nrf', lower: 'nrf', stem: 'nrf', isStop: false, caps: false },
      { surface: 'US', lower: 'us', stem: 'us', isStop: true, caps: true },
      { surface: 'us', lower: 'us', stem: 'us', isStop: true, caps: false },
      { surface: '2021', lower: '2021', stem: '2021', isStop: false, caps: false },
      { surface: 'A', lower: 'a', stem: 'a', isStop: true, caps: false },
    ]);
  });

  it('reads a contraction as its first word, a stop word, and other apostrophes as part of the word', () => {
    const surfaces = (text: string) => tokenize(text).map((t) => `${t.surface}${t.isStop ? '·' : ''}`);
    expect(surfaces("I'm sure I'd say they'll know we're here, don't they? You've seen it, can't you")).toEqual([
      'I·', 'sure', 'I·', 'say·', 'they·', 'know·', 'we·', 'here·', 'don·', 'they·', 'You·', 'seen', 'it·', 'can·', 'you·',
    ]);
    // Not contractions: a possessive, a name, a word whose first part is no stop word.
    expect(surfaces("Massoud's O'Neill Qur'an Sa'd")).toEqual(['Massoud', 'ONeill', 'Quran', 'Sad']);
  });

  it('gives a remembered word the same forms as a new one, whatever was read before', () => {
    const words = fc.constantFrom('Running', 'running', 'RUNNING', 'NRF', 'nrf', 'Taliban', '٢٠٢١', '2021', 'IS', 'is', 'Ünïcode', 'naïve');
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        expect(tokenize(text)).toEqual(uncached(text));
      }),
      { numRuns: 300 },
    );
  });

  it('makes a new token each time a word is read: a question tells its tokens apart by identity', () => {
    const [first, second] = tokenize('massoud Massoud massoud').filter((t) => t.surface === 'massoud');
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
  });
});
