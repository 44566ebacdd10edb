import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DIMENSIONS } from '../../src/engine/semantic/embedder';
import { rowDots, wasmRows } from '../../src/engine/semantic/row-dots';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const wasm = require('../../scripts/build-wasm.js') as {
  assemble(): Promise<string>;
  moduleText(base64: string): string;
  TARGET: string;
};

/** The JavaScript loop the kernel replaced (four running sums in doubles), which it must equal to the bit. */
function fourLaneDot(rows: Float32Array, base: number, question: Float32Array): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < DIMENSIONS; i += 4) {
    a += rows[base + i]! * question[i]!;
    b += rows[base + i + 1]! * question[i + 1]!;
    c += rows[base + i + 2]! * question[i + 2]!;
    d += rows[base + i + 3]! * question[i + 3]!;
  }
  return Math.fround(a + b + (c + d));
}

const vector = fc.float32Array({ minLength: DIMENSIONS, maxLength: DIMENSIONS, noDefaultInfinity: true, noNaN: true });

/** A row (or question) of zeros but for the given components. */
function sparse(components: Record<number, number>): Float32Array {
  const out = new Float32Array(DIMENSIONS);
  for (const [at, value] of Object.entries(components)) out[Number(at)] = value;
  return out;
}

const BIG = 2 ** 60; // swallows ±1 in a double: the order of the sums shows in the result
const ones = new Float32Array(DIMENSIONS).fill(1);

describe('rowDots', () => {
  it('is assembled from row-dots.wat: the committed bytes are what `npm run wasm` makes', async () => {
    expect(readFileSync(wasm.TARGET, 'utf8')).toBe(wasm.moduleText(await wasm.assemble()));
  });

  it('gives every row the sum the four-lane JavaScript loop gave, to the bit', () => {
    fc.assert(
      fc.property(fc.array(vector, { minLength: 1, maxLength: 5 }), vector, (stored, question) => {
        const rows = wasmRows(stored.length);
        stored.forEach((row, r) => rows.set(row, r * DIMENSIONS));
        const dots = [...rowDots(rows, question)];
        expect(dots).toEqual(stored.map((_, r) => fourLaneDot(rows, r * DIMENSIONS, question)));
      }),
      { numRuns: 100 },
    );
  });

  it('sums in the loop\'s order and precision, where any other would show', () => {
    const cases: Array<[Float32Array, number]> = [
      // lanes 0..3 sum to 2^60, 1, -2^60, 1: (s0 + s1) + (s2 + s3) is 0; (s0 + s2) + (s1 + s3) would be 2
      [sparse({ 0: BIG, 1: 1, 2: -BIG, 3: 1 }), 0],
      // lane 0 takes components 0, 4, 8 in that order: (2^60 + 1) - 2^60 is 0, where 1 would mean another order
      [sparse({ 0: BIG, 4: 1, 8: -BIG }), 0],
      [sparse({ 0: 1, 4: BIG, 8: -BIG }), 0],
      [sparse({ 0: BIG, 4: -BIG, 8: 1 }), 1],
      // 1 + 127 × 2^-30 in doubles rounds once, to 1 + 2^-23 in float32; float32 sums would stay at 1
      [Float32Array.from({ length: DIMENSIONS }, (_, i) => (i === 0 ? 1 : i % 4 === 0 ? 2 ** -30 : 0)), 1 + 2 ** -23],
    ];
    const rows = wasmRows(cases.length);
    cases.forEach(([row], r) => rows.set(row, r * DIMENSIONS));
    const dots = [...rowDots(rows, ones)];
    expect(dots).toEqual(cases.map(([, expected]) => expected));
    expect(dots).toEqual(cases.map((_, r) => fourLaneDot(rows, r * DIMENSIONS, ones)));
  });

  it('reads every component of every row, past a memory page', () => {
    const count = 70; // 140 KB of rows: three 64 KB pages
    const rows = wasmRows(count);
    for (let r = 0; r < count; r++) rows[r * DIMENSIONS + ((r * 7) % DIMENSIONS)] = r + 1;
    const question = new Float32Array(DIMENSIONS).fill(1);
    expect([...rowDots(rows, question)]).toEqual(Array.from({ length: count }, (_, r) => r + 1));
    question[DIMENSIONS - 1] = 2;
    const last = new Float32Array(DIMENSIONS);
    last[DIMENSIONS - 1] = 0.5;
    rows.set(last, (count - 1) * DIMENSIONS);
    expect(rowDots(rows, question)[count - 1]).toBe(1);
  });

  it('copies rows made elsewhere once, and scans them as their own', () => {
    const rows = new Float32Array(2 * DIMENSIONS);
    rows[0] = 3;
    rows[DIMENSIONS + 1] = -2;
    const question = new Float32Array(DIMENSIONS);
    question[0] = 1;
    question[1] = 1;
    expect([...rowDots(rows, question)]).toEqual([3, -2]);
    rows[0] = 5; // a copy: later writes to the original are not seen
    expect([...rowDots(rows, question)]).toEqual([3, -2]);
  });

  it('scans no rows', () => {
    expect(rowDots(wasmRows(0), new Float32Array(DIMENSIONS))).toHaveLength(0);
  });
});
