import type { Fact } from '../knowledge/schema';
import { tokenize } from './analyse';
import { AliasMatcher, aliasTerm } from './aliases';
import { InvertedIndex, type IndexBuffers } from './inverted-index';

/** Fields indexed per fact, in the order the inverted index numbers them. */
export const FIELDS = ['questions', 'text', 'tags', 'source', 'cues'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Version of what buildIndex produces from facts. Cached indexes carry it: bump it whenever analysis
 * (tokenizing, stemming, stop words, aliases, cues, FIELDS) changes, or a stale cached index is used.
 */
export const INDEX_FORMAT = 1;

export const cueTerm = (cue: string) => `_c${cue}`;

const MONTHS = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const YEAR = /\b(?:1[5-9]|20)\d{2}\b/;
const QUANTITY =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|several|few)\b/i;

/** Kinds of answer a fact can give, matched against "when ...?" and "how many ...?" questions. */
function cuesOf(text: string): string[] {
  const cues: string[] = [];
  if (YEAR.test(text) || MONTHS.test(text)) cues.push(cueTerm('when'));
  if (QUANTITY.test(text)) cues.push(cueTerm('howmany'));
  return cues;
}

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

export function analyseField(text: string, aliases: AliasMatcher, words?: Map<string, string>): string[] {
  const tokens = tokenize(text);
  const terms: string[] = [];
  for (const token of tokens) {
    if (token.isStop) continue;
    terms.push(token.stem);
    if (words && !words.has(token.lower)) words.set(token.lower, token.stem);
  }
  for (const hit of aliases.matchAll(tokens)) terms.push(hit.term);
  return terms;
}

export function buildIndex(facts: readonly Fact[], aliasGroups: ReadonlyArray<readonly string[]>): BuiltIndex {
  const aliases = new AliasMatcher(aliasGroups);
  const words = new Map<string, string>();
  const search = new InvertedIndex(FIELDS.length);
  // Facts of one source share its title and publisher: analyse each distinct one once.
  const sourceTerms = new Map<string, string[]>();
  for (const fact of facts) {
    const sourceText = `${fact.source.title}\n${fact.source.publisher ?? ''}`;
    let source = sourceTerms.get(sourceText);
    if (!source) sourceTerms.set(sourceText, (source = analyseField(sourceText, aliases, words)));
    const fields: Record<Field, string[]> = {
      questions: analyseField(fact.questions.join('\n'), aliases, words),
      text: analyseField(fact.text, aliases, words),
      tags: analyseField(fact.tags.join('\n'), aliases, words),
      source,
      cues: cuesOf(fact.text),
    };
    search.add(FIELDS.map((f) => fields[f]));
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
