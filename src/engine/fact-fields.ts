import type { Fact } from '../knowledge/schema';
import { tokenize } from './analyse';
import type { AliasMatcher } from './aliases';

/**
 * Fields indexed per fact, in the order the inverted index numbers them. A change to them or to how a fact
 * is analysed here must bump INDEX_FORMAT (index-builder.ts), or cached indexes go stale.
 */
export const FIELDS = ['questions', 'text', 'tags', 'source', 'cues'] as const;
type Field = (typeof FIELDS)[number];

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

function analyseField(text: string, aliases: AliasMatcher, words?: Map<string, string>): string[] {
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

/** What of a fact is indexed (a worker thread is sent only this). */
export type IndexedFact = Pick<Fact, 'questions' | 'text' | 'tags'> & { source: Pick<Fact['source'], 'title' | 'publisher'> };

/**
 * The terms of each of a fact's fields, in FIELDS order; new words join `words`. Facts of one source share
 * its title and publisher: `sources` keeps each distinct one's terms, so it is analysed once.
 */
export function analyseFact(fact: IndexedFact, aliases: AliasMatcher, words: Map<string, string>, sources: Map<string, string[]>): string[][] {
  const sourceText = `${fact.source.title}\n${fact.source.publisher ?? ''}`;
  let source = sources.get(sourceText);
  if (!source) sources.set(sourceText, (source = analyseField(sourceText, aliases, words)));
  const fields: Record<Field, string[]> = {
    questions: analyseField(fact.questions.join('\n'), aliases, words),
    text: analyseField(fact.text, aliases, words),
    tags: analyseField(fact.tags.join('\n'), aliases, words),
    source,
    cues: cuesOf(fact.text),
  };
  return FIELDS.map((f) => fields[f]);
}
