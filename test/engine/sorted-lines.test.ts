import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { findLine, stringLines } from '../../src/lexicon/sorted-lines';
import { OffsetFile } from '../../src/lexicon/wordnet';

const KEY_CHARS = ['a', 'b', 'é', '_', '\t', '\x01'];

/** Lines of "key rest" or a key alone, sorted by key in code-unit order: the layout both lexicon files use. */
const sortedLines = fc
  .uniqueArray(fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 1, maxLength: 4 }), { maxLength: 40 })
  .chain((keys) =>
    fc.tuple(
      fc.constant([...keys].sort((a, b) => (a < b ? -1 : 1))),
      fc.array(fc.string({ unit: fc.constantFrom('x', ' ', '1'), maxLength: 6 }), { minLength: keys.length, maxLength: keys.length }),
      fc.boolean(),
    ),
  )
  .map(([keys, rests, lastNewline]) => {
    const lines = keys.map((key, i) => (rests[i] ? `${key} ${rests[i]}` : key));
    return { lines, text: lines.join('\n') + (lastNewline || lines.length === 0 ? '\n' : '') };
  });
const probes = fc.string({ unit: fc.constantFrom(...KEY_CHARS, ' '), maxLength: 5 });

const field = (line: string) => (line.includes(' ') ? line.slice(0, line.indexOf(' ')) : line);
/** What the search must find, by a plain scan: the line whose first field is the key. */
const plain = (lines: readonly string[], key: string) => (key ? lines.find((line) => field(line) === key) : undefined);
/** Keys to look up: a random one, every key, and each key's prefix and extension (the neighbours a search passes). */
const keysFor = (lines: readonly string[], probe: string) => [probe, ...lines.map(field).flatMap((k) => [k, k.slice(0, -1), `${k}a`, `${k}\t`])];

describe('findLine, the binary search both lexicon files share', () => {
  it('finds in a string exactly the line a plain scan finds, for keys present, prefixes and keys absent', () => {
    fc.assert(
      fc.property(sortedLines, probes, ({ lines, text }, probe) => {
        for (const key of keysFor(lines, probe)) expect([key, findLine(stringLines(text), key)]).toEqual([key, plain(lines, key)]);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same in a file read a page at a time, whatever the page size and cache, and reads any line whole', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sorted-lines-'));
    try {
      fc.assert(
        fc.property(sortedLines, probes, fc.integer({ min: 1, max: 9 }), fc.constantFrom(0, 1, 2, 64), ({ lines, text }, probe, pageSize, maxPages) => {
          const file = path.join(dir, 'index');
          writeFileSync(file, text, 'latin1');
          const source = new OffsetFile(file, maxPages, pageSize);
          try {
            for (const key of keysFor(lines, probe)) expect([key, findLine(source, key)]).toEqual([key, plain(lines, key)]);
            let at = 0;
            for (const line of lines) {
              expect(source.lineAt(at)).toBe(line);
              at += Buffer.byteLength(line, 'latin1') + 1;
            }
          } finally {
            source.close();
          }
        }),
        { numRuns: 300 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
