import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { InvertedIndex, type Bm25Params, type Hit } from '../../src/engine/inverted-index';

/** A document as the index takes it: the (already analysed) terms of each field. */
type Doc = string[][];

/**
 * BM25F written out plainly, as an independent check of the index's arithmetic: for each query term
 * and field, weight × boost × idf × (d + tf(k+1) / (tf + k(1-b) + k·b·len/avglen)), with
 * idf = ln(1 + (N - df + 0.5) / (df + 0.5)) and df counted per (term, field).
 */
function referenceSearch(docs: readonly Doc[], weights: ReadonlyMap<string, number>, boosts: readonly number[], p: Bm25Params): Hit[] {
  const n = docs.length;
  const fieldOf = (doc: Doc, f: number) => doc[f] ?? [];
  const avgLength = boosts.map((_, f) => docs.reduce((sum, doc) => sum + fieldOf(doc, f).length, 0) / n);
  const hits: Hit[] = [];
  docs.forEach((doc, id) => {
    let score = 0;
    let matched = false;
    for (const [term, weight] of weights) {
      boosts.forEach((boost, f) => {
        const field = fieldOf(doc, f);
        const tf = field.filter((t) => t === term).length;
        if (weight <= 0 || boost <= 0 || tf === 0) return;
        const df = docs.filter((d) => fieldOf(d, f).includes(term)).length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += weight * boost * idf * ((p.d ?? 0) + (tf * (p.k + 1)) / (tf + p.k * (1 - p.b) + (p.k * p.b * field.length) / avgLength[f]!));
        matched = true;
      });
    }
    if (matched) hits.push({ id, score });
  });
  return hits.sort((a, b) => b.score - a.score || a.id - b.id);
}

function indexOf(docs: readonly Doc[], fields: number): InvertedIndex {
  const index = new InvertedIndex(fields);
  for (const doc of docs) index.add(doc);
  index.finish();
  return index;
}

/** Two fields (stored questions, text) of a dozen facts, as stems; doc 9 repeats doc 0 to force a tie. */
const CORPUS: Doc[] = [
  [['nrf', 'goal'], ['nrf', 'fight', 'democrat', 'decentr', 'afghanistan', 'equal', 'right']],
  [['massoud', 'vienna'], ['massoud', 'door', 'talk', 'never', 'close', 'massoud']],
  [['panjshir', 'valley'], ['nrf', 'control', 'panjshir', 'valley', 'taliban', 'region', 'panjshir']],
  [[], ['taliban', 'talk', 'doha']],
  [['nrf', 'fighter'], ['nrf', 'claim', 'thousand', 'fighter', 'arm', 'insurg']],
  [['us', 'polici'], ['us', 'polici', 'option', 'support', 'resist', 'resist', 'resist']],
  [['kabul', 'bomb'], ['kabul', 'bomb', 'islam', 'state', 'milit', 'death']],
  [['massoud', 'opportun'], ['massoud', 'opportun', 'success', 'democrat', 'afghanistan']],
  [['confer', 'vienna'], ['intra', 'afghan', 'confer', 'vienna', 'opposit', 'group', 'doha', 'talk']],
  [['nrf', 'goal'], ['nrf', 'fight', 'democrat', 'decentr', 'afghanistan', 'equal', 'right']],
  [['weather'], ['weather', 'sunni', 'tomorrow']],
  [['hudson', 'institut'], ['hudson', 'institut', 'convers', 'massoud', 'taliban', 'talk', 'talk']],
];
const ENGINE_LIKE: Bm25Params = { k: 1.8, b: 0.9 };
const MINISEARCH_DEFAULTS = { k: 1.2, b: 0.7, d: 0.5 } satisfies Bm25Params;
const weights = (entries: Record<string, number>) => new Map(Object.entries(entries));
const ids = (hits: readonly Hit[]) => hits.map((h) => h.id);

describe('InvertedIndex scoring (BM25F)', () => {
  const index = indexOf(CORPUS, 2);

  it.each([
    ['two terms, questions boosted 3×, BM25+ (d = 0.5)', { nrf: 1, goal: 1 }, [3, 1], MINISEARCH_DEFAULTS],
    ['weighted terms, engine parameters, a fact with no questions', { talk: 1, taliban: 0.5, doha: 2 }, [3, 1], ENGINE_LIKE],
    ['a term repeated in a long field (tf 3)', { resist: 1, polici: 1 }, [1, 1], ENGINE_LIKE],
    ['a field with boost 0 is not searched', { massoud: 1, vienna: 1 }, [1, 0], ENGINE_LIKE],
    ['a term with weight 0 counts for nothing', { nrf: 0, panjshir: 1 }, [3, 1], ENGINE_LIKE],
  ] as const)('%s: same scores and order as the reference', (_name, query, boosts, params) => {
    const expected = referenceSearch(CORPUS, weights(query), boosts, params);
    const actual = index.search(weights(query), boosts, params, CORPUS.length);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(actual)).toEqual(ids(expected));
    actual.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 12));
  });

  it('keeps the best `limit`, best first, equal scores in document order', () => {
    const query = weights({ nrf: 1, goal: 1, democrat: 0.5 });
    const all = referenceSearch(CORPUS, query, [3, 1], ENGINE_LIKE);
    expect(all[0]!.score).toBe(all[1]!.score); // docs 0 and 9 are the same fact
    expect(ids(index.search(query, [3, 1], ENGINE_LIKE, 3))).toEqual([0, 9, ids(all)[2]]);
    expect(index.search(query, [3, 1], ENGINE_LIKE, 0)).toEqual([]);
    // A limit past the matches, or not a whole number, as a caller's `top` may be.
    expect(ids(index.search(query, [3, 1], ENGINE_LIKE, Number.POSITIVE_INFINITY))).toEqual(ids(all));
    expect(ids(index.search(query, [3, 1], ENGINE_LIKE, 2.5))).toEqual([0, 9]);
    expect(index.search(query, [3, 1], ENGINE_LIKE, -1)).toEqual([]);
  });

  it('finds nothing for a term no document has, and a second search is unaffected by the first', () => {
    expect(index.search(weights({ unknown: 1 }), [3, 1], ENGINE_LIKE, 5)).toEqual([]);
    const query = weights({ massoud: 1 });
    expect(index.search(query, [3, 1], ENGINE_LIKE, 5)).toEqual(index.search(query, [3, 1], ENGINE_LIKE, 5));
  });

  it('counts documents and membership over all fields', () => {
    expect(index.documentFrequency('nrf')).toBe(4);
    expect(index.documentFrequency('talk')).toBe(4);
    expect(index.documentFrequency('unknown')).toBe(0);
    expect(index.contains(3, 'doha')).toBe(true);
    expect(index.contains(3, 'nrf')).toBe(false);
    expect(index.contains(8, 'vienna')).toBe(true);
  });

  it('agrees with the reference on any small corpus, query, boosts and parameters', () => {
    const term = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    const doc = fc.tuple(fc.array(term, { maxLength: 5 }), fc.array(term, { maxLength: 14 }));
    // Weights and boosts as the engine makes them: 0 (ignored) or a usable positive number.
    const positive = (max: number) => fc.oneof(fc.constant(0), fc.double({ min: 0.01, max, noNaN: true }));
    const params = fc.record({ k: fc.double({ min: 0.1, max: 3, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), d: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 15 }),
        fc.array(fc.tuple(term, positive(3)), { minLength: 1, maxLength: 4 }),
        fc.tuple(positive(4), positive(4)),
        params,
        fc.integer({ min: 1, max: 20 }),
        (docs, query, boosts, p, limit) => {
          const expected = referenceSearch(docs, new Map(query), boosts, p);
          const actual = indexOf(docs, 2).search(new Map(query), boosts, p, limit);
          const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
          const reference = new Map(expected.map((h) => [h.id, h.score]));
          expect(actual).toHaveLength(Math.min(limit, expected.length));
          for (const hit of actual) expect(close(hit.score, reference.get(hit.id) ?? NaN)).toBe(true);
          // Best first; anything left out scores no more than the last kept (within rounding).
          for (let i = 1; i < actual.length; i++) expect(actual[i]!.score <= actual[i - 1]!.score).toBe(true);
          const last = actual[actual.length - 1];
          const kept = new Set(ids(actual));
          for (const h of expected) if (last && !kept.has(h.id)) expect(h.score <= last.score + 1e-9 * Math.max(1, last.score)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('builds the same index from documents analysed elsewhere (addEncoded) as from the same documents added one by one', () => {
    const term = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    const doc = fc.tuple(fc.array(term, { maxLength: 6 }), fc.array(term, { maxLength: 10 }));
    // Encoded as a worker does (index-shard.ts): ids local to the shard, in order of first use.
    const encode = (docs: Doc[]) => {
      const local = new Map<string, number>();
      const ids: number[] = [];
      const lengths: number[] = [];
      for (const d of docs)
        for (const field of d) {
          lengths.push(field.length);
          for (const t of field) {
            if (!local.has(t)) local.set(t, local.size);
            ids.push(local.get(t)!);
          }
        }
      return { terms: [...local.keys()], ids: Int32Array.from(ids), lengths: Int32Array.from(lengths) };
    };
    fc.assert(
      // Documents added, then encoded ones, then added again, then encoded again: cut at random places.
      fc.property(fc.array(doc, { maxLength: 12 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (docs, cuts) => {
        const [a, b, c] = cuts.map((cut) => (docs.length === 0 ? 0 : cut % (docs.length + 1))).sort((x, y) => x - y) as [number, number, number];
        const whole = new InvertedIndex(2);
        for (const d of docs) whole.add(d);
        whole.finish();
        const split = new InvertedIndex(2);
        for (const d of docs.slice(0, a)) split.add(d);
        split.addEncoded(encode(docs.slice(a, b)));
        for (const d of docs.slice(b, c)) split.add(d);
        split.addEncoded(encode(docs.slice(c)));
        split.finish();
        expect(split.toBuffers()).toEqual(whole.toBuffers());
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a shard whose field lengths do not add up to its ids, before changing anything', () => {
    const index = new InvertedIndex(2);
    index.add([['a'], ['b']]);
    const ids = Int32Array.from([0, 1]);
    expect(() => index.addEncoded({ terms: ['c', 'd'], ids, lengths: Int32Array.from([1, 2]) })).toThrow('InvertedIndex: shard lengths do not add up to its ids');
    expect(Array.from(ids)).toEqual([0, 1]);
    index.finish();
    expect(index.toBuffers().terms).toEqual(['a', 'b']);
  });

  it("ranks one field as MiniSearch's BM25 does, with the same scores", () => {
    // Where the formulas agree: MiniSearch takes a field's length as its number of distinct terms and
    // multiplies a document's score by the number of query terms it matched, so each document here
    // has distinct terms, and MiniSearch's score is divided by its matched-term count.
    const docs: Doc[] = CORPUS.map(([, text]) => [[...new Set(text)]]);
    const ours = indexOf(docs, 1);
    const mini = new MiniSearch({ fields: ['text'], idField: 'id' });
    mini.addAll(docs.map(([text], id) => ({ id, text: text!.join(' ') })));
    for (const query of ['nrf goal', 'talk taliban doha', 'massoud vienna confer', 'democrat afghanistan', 'kabul', 'unknown']) {
      const theirs = mini.search(query, { bm25: MINISEARCH_DEFAULTS, fuzzy: false, prefix: false });
      const mine = ours.search(weights(Object.fromEntries(query.split(' ').map((t) => [t, 1]))), [1], MINISEARCH_DEFAULTS, docs.length);
      expect(ids(mine)).toEqual(theirs.map((r) => r.id));
      mine.forEach((hit, i) => expect(hit.score).toBeCloseTo(theirs[i]!.score / theirs[i]!.queryTerms.length, 12));
    }
  });
});
