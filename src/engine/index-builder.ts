import type { Fact } from '../knowledge/schema';
import { tokenize } from './analyse';
import { AliasMatcher, aliasTerm } from './aliases';
import { FIELDS, analyseFact } from './fact-fields';
import { TWO_THREADS_FROM, startShard, type EncodedShard } from './index-shard';
import { InvertedIndex, type IndexBuffers } from './inverted-index';

/**
 * Version of what buildIndex produces from facts. Cached indexes carry it: bump it whenever analysis
 * (tokenizing, stemming, stop words, aliases, cues, FIELDS) changes, or a stale cached index is used.
 */
export const INDEX_FORMAT = 2;

export interface BuiltIndex {
  search: InvertedIndex;
  /** Facts containing each term, in any field. */
  documentFrequency: (term: string) => number;
  /** Lowercase words of the knowledge and the term each maps to (for spelling correction). */
  words: Map<string, string>;
  /** A readable word for each stem, for explanations. */
  displayWord: Map<string, string>;
  aliases: AliasMatcher;
}

export interface BuildOptions {
  /** Facts from which a second thread analyses half of them (index-shard.ts, TWO_THREADS_FROM). */
  twoThreadsFrom?: number;
  /** The compiled shard worker (index-shard.ts, SHARD_WORKER). */
  shardWorker?: string;
}

export function buildIndex(facts: readonly Fact[], aliasGroups: ReadonlyArray<readonly string[]>, options: BuildOptions = {}): BuiltIndex {
  const { twoThreadsFrom = TWO_THREADS_FROM, shardWorker } = options;
  const aliases = new AliasMatcher(aliasGroups);
  const words = new Map<string, string>();
  const sources = new Map<string, string[]>();
  const search = new InvertedIndex(FIELDS.length);
  const analyse = (from: number, to: number) => {
    for (let i = from; i < to; i++) search.add(analyseFact(facts[i]!, aliases, words, sources));
  };
  const half = Math.ceil(facts.length / 2);
  const shard = facts.length >= twoThreadsFrom ? startShard(facts.slice(half), aliasGroups, shardWorker) : undefined;
  if (!shard) analyse(0, facts.length);
  else {
    let other: EncodedShard | undefined;
    try {
      analyse(0, half);
      other = shard.take();
    } finally {
      shard.end();
    }
    if (!other) analyse(half, facts.length);
    else {
      search.addEncoded(other);
      for (const [word, term] of other.words) if (!words.has(word)) words.set(word, term);
    }
  }
  search.finish();

  // Alias members are words of the knowledge too, even when no fact spells them that way.
  aliasGroups.forEach((members, group) => {
    for (const member of members) {
      const tokens = tokenize(member);
      if (tokens.length === 1 && !tokens[0]!.isStop && !words.has(tokens[0]!.lower)) words.set(tokens[0]!.lower, aliasTerm(group));
    }
  });

  return assemble(search, words, aliases);
}

function assemble(search: InvertedIndex, words: Map<string, string>, aliases: AliasMatcher): BuiltIndex {
  const displayWord = new Map<string, string>();
  for (const [word, term] of words) if (!displayWord.has(term)) displayWord.set(term, word);
  return { search, documentFrequency: (term) => search.documentFrequency(term), words, displayWord, aliases };
}

/** A built index as arrays (for the cache and the reload worker); `restoreIndex` turns it back without re-analysing any fact. */
export interface IndexParts {
  search: IndexBuffers;
  /** The `words` map as [word, term] pairs, in order. */
  words: Array<[word: string, term: string]>;
}

export function indexParts(built: BuiltIndex): IndexParts {
  return { search: built.search.toBuffers(), words: [...built.words] };
}

export function restoreIndex(parts: IndexParts, aliasGroups: ReadonlyArray<readonly string[]>): BuiltIndex {
  return assemble(InvertedIndex.fromBuffers(parts.search), new Map(parts.words), new AliasMatcher(aliasGroups));
}
