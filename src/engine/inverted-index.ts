/**
 * BM25F over compact postings. Terms are interned to ids; postings of every (term, field) live in
 * two shared typed arrays (doc ids sorted ascending, term frequencies), addressed by offsets, so a
 * 100k-fact index is a handful of arrays rather than hundreds of thousands of small objects.
 * Queries accumulate into one reusable Float64Array and keep only the best `limit` documents, so a
 * query allocates almost nothing however many facts match.
 *
 * Why not MiniSearch (which this replaced): it builds a result object with a match map for every
 * matching document and sorts them all; at 100k facts that cost ~90 ms a query against ~1 ms here
 * (docs/performance-log.md). The scoring formula is the same BM25 with per-field boosts.
 */

export interface Bm25Params {
  k: number;
  b: number;
  /** BM25+'s lower bound per matching term (MiniSearch's default is 0.5); plain BM25 when absent. */
  d?: number;
}

export interface Hit {
  id: number;
  score: number;
}

/** Term ids of consecutive documents' fields; `start`: where the first lies among all documents' ids. */
interface Block {
  ids: Int32Array;
  start: number;
}

const EMPTY = new Int32Array(0);

/** An Int32Array that grows by doubling. */
export class IntStream {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/** A finished index as plain arrays, to cache on disk or move between threads; see toBuffers / fromBuffers. */
export interface IndexBuffers {
  fieldCount: number;
  /** Terms in id order. */
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array;
  anyFieldDf: Int32Array;
  /** Field lengths of every document, field after field (fieldCount × documents). */
  fieldLengths: Uint16Array;
}

export class InvertedIndex {
  private readonly termIds = new Map<string, number>();
  /**
   * Term ids of every document's fields, in order, until `finish`: `segments` marks where each (doc, field)
   * starts among them. They lie in blocks: `add` fills `open`; a shard's array (addEncoded) is a block of its
   * own, used where it is rather than copied (at 100k facts, 7 MB less to copy and keep until the next GC).
   */
  private open: IntStream | undefined = new IntStream();
  /** Where `open`'s first id lies among all of them. */
  private openStart = 0;
  private blocks: Block[] = [];
  private segments: IntStream | undefined = new IntStream();
  private count = 0;

  private offsets: Int32Array = new Int32Array(0); // (term * fields + field) -> start in docs/tfs; one extra at the end
  private docs: Int32Array = new Int32Array(0);
  private tfs: Uint16Array = new Uint16Array(0);
  private anyFieldDf: Int32Array = new Int32Array(0);
  private fieldLengths: Uint16Array[] = [];
  private avgFieldLength: number[] = [];
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);

  private readonly allFields: readonly number[];

  constructor(readonly fieldCount: number) {
    this.allFields = Array.from({ length: fieldCount }, (_, f) => f);
  }

  /** Adds document `documentCount` with the terms of each field (in field order); returns its id. */
  add(fields: ReadonlyArray<readonly string[]>): number {
    const open = this.open;
    const segments = this.segments;
    if (!open || !segments) throw new Error('InvertedIndex: add after finish');
    for (let f = 0; f < this.fieldCount; f++) {
      segments.push(this.openStart + open.length);
      for (const term of fields[f] ?? []) {
        open.push(this.intern(term));
      }
    }
    return this.count++;
  }

  /**
   * Adds the documents another thread analysed (index-shard.ts), as `add` would one by one: `ids` are term
   * ids local to the shard, named by `terms` in id order; `lengths` gives each document's field lengths,
   * field after field. The index takes `ids` over: its ids are made the index's own in place.
   */
  addEncoded(shard: { terms: readonly string[]; ids: Int32Array; lengths: Int32Array }): void {
    const open = this.open;
    const segments = this.segments;
    if (!open || !segments) throw new Error('InvertedIndex: add after finish');
    const { ids, lengths } = shard;
    // Lengths that do not add up to the ids would misplace the terms of every document after them.
    if (lengths.reduce((sum, length) => sum + length, 0) !== ids.length) throw new Error('InvertedIndex: shard lengths do not add up to its ids');
    const global = Int32Array.from(shard.terms, (term) => this.intern(term));
    for (let i = 0; i < ids.length; i++) ids[i] = global[ids[i]!]!;
    let at = this.closeOpenBlock(open);
    this.blocks.push({ ids, start: at });
    for (const length of lengths) {
      segments.push(at);
      at += length;
    }
    this.openStart = at;
    this.open = new IntStream();
    this.count += lengths.length / this.fieldCount;
  }

  /** Moves the ids of `open` (if any) to `blocks`, for the caller to replace or drop it; returns where the next id lies. */
  private closeOpenBlock(open: IntStream): number {
    if (open.length > 0) this.blocks.push({ ids: open.data.subarray(0, open.length), start: this.openStart });
    return this.openStart + open.length;
  }

  /** The term's id, a new one (the next number) for a term not seen before. */
  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
    return id;
  }

  /** Builds the postings; call once after the last add. */
  finish(): void {
    const open = this.open;
    const segments = this.segments;
    if (!open || !segments) return;
    segments.push(this.closeOpenBlock(open));
    const blocks = this.blocks;
    const F = this.fieldCount;
    const terms = this.termIds.size;
    const counts = new Int32Array(terms * F + 1);
    const lastDoc = new Int32Array(terms).fill(-1);
    this.anyFieldDf = new Int32Array(terms);
    this.fieldLengths = Array.from({ length: F }, () => new Uint16Array(this.count));

    // Each (doc, field) segment's term ids, from the block that holds them (a segment never spans two).
    const forEachSegment = (visit: (doc: number, field: number, ids: Int32Array) => void) => {
      let b = 0;
      for (let doc = 0; doc < this.count; doc++) {
        for (let f = 0; f < F; f++) {
          const start = segments.data[doc * F + f]!;
          while (b < blocks.length - 1 && start >= blocks[b]!.start + blocks[b]!.ids.length) b++;
          const block = blocks[b];
          visit(doc, f, block ? block.ids.subarray(start - block.start, segments.data[doc * F + f + 1]! - block.start) : EMPTY);
        }
      }
    };
    // Sorted once, in place, so equal ids are runs; both passes read the same views.
    forEachSegment((_doc, _f, ids) => ids.sort());

    // Pass 1: postings per (term, field), documents per term, field lengths.
    forEachSegment((doc, f, sorted) => {
      this.fieldLengths[f]![doc] = Math.min(sorted.length, 65535);
      for (let i = 0; i < sorted.length; i++) {
        const t = sorted[i]!;
        if (i > 0 && sorted[i - 1] === t) continue;
        counts[t * F + f]!++;
        if (lastDoc[t] !== doc) {
          lastDoc[t] = doc;
          this.anyFieldDf[t]!++;
        }
      }
    });

    // Offsets, then pass 2: fill postings in document order (so each list is sorted).
    this.offsets = new Int32Array(terms * F + 1);
    for (let i = 0, sum = 0; i < terms * F; i++) {
      this.offsets[i] = sum;
      sum += counts[i]!;
      this.offsets[i + 1] = sum;
    }
    const total = this.offsets[terms * F]!;
    this.docs = new Int32Array(total);
    this.tfs = new Uint16Array(total);
    const cursor = this.offsets.slice(0, terms * F);
    forEachSegment((doc, f, sorted) => {
      for (let i = 0; i < sorted.length; ) {
        const t = sorted[i]!;
        let j = i + 1;
        while (j < sorted.length && sorted[j] === t) j++;
        const at = cursor[t * F + f]!++;
        this.docs[at] = doc;
        this.tfs[at] = Math.min(j - i, 65535);
        i = j;
      }
    });

    this.avgFieldLength = averageLengths(this.fieldLengths, this.count);
    this.open = undefined;
    this.blocks = [];
    this.segments = undefined;
    this.scores = new Float64Array(this.count);
    this.touched = new Int32Array(this.count);
  }

  /** The finished index as arrays (the index's own, not copies). */
  toBuffers(): IndexBuffers {
    const fieldLengths = new Uint16Array(this.fieldCount * this.count);
    this.fieldLengths.forEach((lengths, f) => fieldLengths.set(lengths, f * this.count));
    const { fieldCount, offsets, docs, tfs, anyFieldDf } = this;
    return { fieldCount, terms: [...this.termIds.keys()], offsets, docs, tfs, anyFieldDf, fieldLengths };
  }

  /** The index `toBuffers` gave, using the arrays as they are; throws if they do not fit together. */
  static fromBuffers(b: IndexBuffers): InvertedIndex {
    const F = b.fieldCount;
    const count = b.fieldLengths.length / F;
    const total = b.offsets[b.terms.length * F];
    if (!Number.isInteger(count) || b.offsets.length !== b.terms.length * F + 1 || total !== b.docs.length || total !== b.tfs.length || b.anyFieldDf.length !== b.terms.length) {
      throw new Error('InvertedIndex: buffers do not fit together');
    }
    const index = new InvertedIndex(F);
    b.terms.forEach((term, id) => index.termIds.set(term, id));
    index.open = undefined;
    index.segments = undefined;
    index.count = count;
    index.offsets = b.offsets;
    index.docs = b.docs;
    index.tfs = b.tfs;
    index.anyFieldDf = b.anyFieldDf;
    index.fieldLengths = Array.from({ length: F }, (_, f) => b.fieldLengths.subarray(f * count, (f + 1) * count));
    index.avgFieldLength = averageLengths(index.fieldLengths, count);
    index.scores = new Float64Array(count);
    index.touched = new Int32Array(count);
    return index;
  }

  /** Documents containing `term` in any field. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : (this.anyFieldDf[id] ?? 0);
  }

  /** Documents containing `term` in field `field`. */
  fieldFrequency(term: string, field: number): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : this.offsets[t * this.fieldCount + field + 1]! - this.offsets[t * this.fieldCount + field]!;
  }

  /** Does document `doc` contain `term` in any of `fields` (default: any field)? (binary search in the postings) */
  contains(doc: number, term: string, fields?: readonly number[]): boolean {
    const t = this.termIds.get(term);
    if (t === undefined) return false;
    for (const f of fields ?? this.allFields) {
      let lo = this.offsets[t * this.fieldCount + f]!;
      let hi = this.offsets[t * this.fieldCount + f + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = this.docs[mid]!;
        if (v === doc) return true;
        if (v < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return false;
  }

  /**
   * The `limit` best documents for the weighted query terms: Σ weight × boost[field] × BM25 over
   * fields. Scores of all matching documents are accumulated; only the best are kept and sorted.
   */
  search(weights: ReadonlyMap<string, number>, boosts: readonly number[], bm25: Bm25Params, limit: number): Hit[] {
    const { scores, touched, docs, tfs } = this;
    const n = this.count;
    const F = this.fieldCount;
    let touchedCount = 0;
    for (const [term, weight] of weights) {
      const t = this.termIds.get(term);
      if (t === undefined || weight <= 0) continue;
      for (let f = 0; f < F; f++) {
        const boost = boosts[f] ?? 0;
        const start = this.offsets[t * F + f]!;
        const end = this.offsets[t * F + f + 1]!;
        if (boost <= 0 || start === end) continue;
        const df = end - start;
        const scale = weight * boost * Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const lengths = this.fieldLengths[f]!;
        const lengthNorm = (bm25.k * bm25.b) / (this.avgFieldLength[f] || 1);
        const base = bm25.k * (1 - bm25.b);
        const d = bm25.d ?? 0;
        for (let i = start; i < end; i++) {
          const doc = docs[i]!;
          const tf = tfs[i]!;
          if (scores[doc] === 0) touched[touchedCount++] = doc;
          scores[doc]! += scale * (d + (tf * (bm25.k + 1)) / (tf + base + lengthNorm * lengths[doc]!));
        }
      }
    }
    const best = topK(scores, touched, touchedCount, limit);
    for (let i = 0; i < touchedCount; i++) scores[touched[i]!] = 0;
    return best;
  }
}

function averageLengths(fieldLengths: readonly Uint16Array[], count: number): number[] {
  return fieldLengths.map((lengths) => {
    let sum = 0;
    for (const l of lengths) sum += l;
    return count ? sum / count : 0;
  });
}

/** Best `k` of the touched documents, best first (ties: lower id first), in O(touched × small k). */
function topK(scores: Float64Array, touched: Int32Array, count: number, limit: number): Hit[] {
  // Kept in two small typed arrays, hits made only for the final `k`: an object per insertion, most of them
  // pushed out again by better documents, was a twentieth of what a question allocated.
  const k = Math.max(0, Math.min(Math.floor(limit), count));
  if (k === 0) return [];
  const ids = new Int32Array(k);
  const best = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const id = touched[i]!;
    const score = scores[id]!;
    if (size === k && (score < best[k - 1]! || (score === best[k - 1]! && id > ids[k - 1]!))) continue;
    let at = size < k ? size++ : k - 1;
    for (; at > 0 && (best[at - 1]! < score || (best[at - 1]! === score && ids[at - 1]! > id)); at--) {
      best[at] = best[at - 1]!;
      ids[at] = ids[at - 1]!;
    }
    best[at] = score;
    ids[at] = id;
  }
  return Array.from({ length: size }, (_, i) => ({ id: ids[i]!, score: best[i]! }));
}
