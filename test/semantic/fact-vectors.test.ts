import fc from 'fast-check';
import { DIMENSIONS } from '../../src/engine/semantic/embedder';
import { similarities, type FactVectors } from '../../src/engine/semantic/fact-vectors';

/** Facts' rows (a fact's text first, then its stored questions) laid out as computeFactVectors lays them out. */
function layout(facts: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>): FactVectors {
  const start = new Int32Array(facts.length + 1);
  const flat = facts.flat();
  const rows = new Float32Array(flat.length * DIMENSIONS);
  let row = 0;
  facts.forEach((fact, f) => {
    start[f] = row;
    for (const vector of fact) rows.set(vector, row++ * DIMENSIONS);
  });
  start[facts.length] = row;
  return { embedder: 'test', rows, start };
}

/** The plain sum, one term after another, that the scan (four sums a row, row-dots.wat) must agree with. */
function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < DIMENSIONS; i++) sum += a[i]! * b[i]!;
  return sum;
}

const unit = (at: number) => Float32Array.from({ length: DIMENSIONS }, (_, i) => (i === at ? 1 : 0));

/** Scaled to unit length, as the embedder gives every vector (a zero vector stands for one on the first lane). */
function normalised(values: readonly number[]): Float32Array {
  const norm = Math.sqrt(values.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? unit(0) : Float32Array.from(values, (x) => x / norm);
}

describe('similarities', () => {
  it("gives each fact its text's cosine and the best of its text's and stored questions'", () => {
    const question = unit(7);
    const vectors = layout([
      [unit(7)], // the text is the question: 1
      [unit(3), unit(7)], // a stored question is: text 0, best 1
      [unit(511), unit(2), unit(5)], // nothing is: 0 and 0 (the last of 512 lanes is read too)
    ]);
    const { best, text } = similarities(vectors, question);
    expect([...text]).toEqual([1, 0, 0]);
    expect([...best]).toEqual([1, 1, 0]);
    expect([...similarities(layout([[unit(511)]]), unit(511)).best]).toEqual([1]);
  });

  it('agrees with a plain running sum on any unit vectors, to float32 precision', () => {
    const component = fc.float({ min: -1, max: 1, noNaN: true });
    const vector = fc.array(component, { minLength: DIMENSIONS, maxLength: DIMENSIONS });
    const fact = fc.array(vector, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fact, { minLength: 1, maxLength: 4 }), vector, (facts, asked) => {
        const question = normalised(asked);
        const stored = facts.map((rows) => rows.map(normalised));
        const { best, text } = similarities(layout(stored), question);
        stored.forEach((rows, f) => {
          const dots = rows.map((r) => dot(r, question));
          // Cosines, summed in another order: they differ by rounding, far below what a feature can tell apart.
          expect(Math.abs(text[f]! - dots[0]!)).toBeLessThan(1e-6);
          expect(Math.abs(best[f]! - Math.max(...dots))).toBeLessThan(1e-6);
        });
      }),
      { numRuns: 50 },
    );
  });
});
