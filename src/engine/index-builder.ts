import MiniSearch from 'minisearch';
import type { Fact } from '../knowledge/schema';
import { tokenize } from './analyse';
import { AliasMatcher, aliasTerm } from './aliases';
import type { EngineConfig } from './config';

/** Fields indexed per fact; each holds pre-analysed terms separated by single spaces. */
export const FIELDS = ['questions', 'text', 'tags', 'source', 'cues'] as const;
type Field = (typeof FIELDS)[number];
type IndexedDoc = { id: number } & Record<Field, string>;

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
  search: MiniSearch<IndexedDoc>;
  /** Facts containing each term, in any field. */
  documentFrequency: Map<string, number>;
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

export function buildIndex(facts: readonly Fact[], aliasGroups: ReadonlyArray<readonly string[]>, config: EngineConfig): BuiltIndex {
  const aliases = new AliasMatcher(aliasGroups);
  const words = new Map<string, string>();
  const documentFrequency = new Map<string, number>();
  const search = new MiniSearch<IndexedDoc>({
    fields: [...FIELDS],
    idField: 'id',
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { boost: { ...config.fieldBoosts }, bm25: { ...config.bm25 } },
  });

  const docs = facts.map((fact, id): IndexedDoc => {
    const fields: Record<Field, string[]> = {
      questions: analyseField(fact.questions.join('\n'), aliases, words),
      text: analyseField(fact.text, aliases, words),
      tags: analyseField(fact.tags.join('\n'), aliases, words),
      source: analyseField([fact.source.title, fact.source.publisher ?? ''].join('\n'), aliases, words),
      cues: cuesOf(fact.text),
    };
    for (const term of new Set(Object.values(fields).flat())) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    return {
      id,
      questions: fields.questions.join(' '),
      text: fields.text.join(' '),
      tags: fields.tags.join(' '),
      source: fields.source.join(' '),
      cues: fields.cues.join(' '),
    };
  });
  search.addAll(docs);

  // Alias members are words of the knowledge too, even when no fact spells them that way.
  aliasGroups.forEach((members, group) => {
    for (const member of members) {
      const tokens = tokenize(member);
      if (tokens.length === 1 && !tokens[0]!.isStop && !words.has(tokens[0]!.lower)) words.set(tokens[0]!.lower, aliasTerm(group));
    }
  });

  const displayWord = new Map<string, string>();
  for (const [word, term] of words) if (!displayWord.has(term)) displayWord.set(term, word);
  return { search, documentFrequency, words, displayWord, aliases };
}
