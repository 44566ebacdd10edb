import fc from 'fast-check';
import { findLine, stringLines } from '../../src/lexicon/sorted-lines';

/** Lines of "key rest" (or a key alone), sorted by key in code-unit order, newline-terminated: the layout both lexicon files use. */
const sortedLines = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '_'), minLength: 1, maxLength: 4 }), { maxLength: 40 })
  .chain((keys) => fc.tuple(fc.constant([...keys].sort((a, b) => (a < b ? -1 : 1))), fc.array(fc.string({ unit: fc.constantFrom('x', ' ', '1'), maxLength: 6 }), { minLength: keys.length, maxLength: keys.length })));

describe('findLine, the binary search both lexicon files share', () => {
  it('finds exactly the line a plain scan finds, for keys present, prefixes and keys absent', () => {
    fc.assert(
      fc.property(sortedLines, fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '_', ' '), maxLength: 5 }), ([keys, rests], probe) => {
        const lines = keys.map((key, i) => (rests[i] ? `${key} ${rests[i]}` : key));
        const text = lines.map((line) => `${line}\n`).join('');
        const field = (line: string) => (line.includes(' ') ? line.slice(0, line.indexOf(' ')) : line);
        const plain = (key: string) => (key ? lines.find((line) => field(line) === key) : undefined);
        for (const key of [probe, ...keys, ...keys.map((k) => k.slice(0, -1)), ...keys.map((k) => `${k}a`)]) {
          expect([key, findLine(stringLines(text), key)]).toEqual([key, plain(key)]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads a last line without its newline', () => {
    expect(findLine(stringLines('able 1\nzebra 2'), 'zebra')).toBe('zebra 2');
    expect(findLine(stringLines('able 1\nzebra 2'), 'zeb')).toBeUndefined();
  });
});
