import type { Token } from './analyse';
import type { Lexicon } from './lexicon';

/**
 * The kind of answer a question asks for. A fact that holds nothing of that kind (no date for "when",
 * no number for "how many", no place for "where", no one for "who") does not answer it, however many
 * words it shares with the question.
 */
export type AnswerType = 'time' | 'quantity' | 'age' | 'place' | 'agent' | 'name';

const lowerAt = (tokens: readonly Token[], i: number) => tokens[i]?.lower ?? '';

export function questionType(tokens: readonly Token[]): AnswerType | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const w = lowerAt(tokens, i);
    const next = lowerAt(tokens, i + 1);
    if (w === 'how' && next === 'old') return 'age';
    if (w === 'age' || (w === 'born' && tokens.some((t) => t.lower === 'when' || t.lower === 'year'))) return 'age';
    if (w === 'how' && /^(many|much|long|far|big|large|tall|high|fast|often|wide|deep|heavy|strong)$/.test(next)) return 'quantity';
    if ((w === 'number' || w === 'population') && (next === 'of' || i === tokens.length - 1 || lowerAt(tokens, i - 1) === 'the')) return 'quantity';
    if (w === 'when' || ((w === 'what' || w === 'which') && /^(year|date|day|month|time)s?$/.test(next))) return 'time';
    if (w === 'where' || ((w === 'what' || w === 'which') && /^(place|city|town|country|province|region|location)s?$/.test(next))) return 'place';
    if (w === 'who' || w === 'whom' || w === 'whose') return 'agent';
    if (w === 'name' && (next === 'of' || lowerAt(tokens, i - 1) === 'the')) return 'name';
  }
  return undefined;
}

const YEAR = /\b(?:1[5-9]|20)\d{2}\b/;
const TIME_WORDS =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|year|years|month|months|week|weeks|days|decade|century|since|until|before|after|ago|recorded|dated)\b/i;
const QUANTITY =
  /\b(?:(?!(?:1[5-9]|20)\d{2}\b)\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|few|many|single|only one|half)\b/i;
const AGE = /\b(?:\d+\s*(?:-|\s)?years?(?:-|\s)old|aged?\s+\d+|born)\b/i;
const PLACE_WORDS = /\b(?:in|at|from|near|based|located|headquartered)\s+(?:the\s+)?\p{Lu}|\b(?:province|provinces|valley|city|capital|country|region|district|village|border|north|south|east|west)\b/iu;
const AGENT_WORDS = /\b(?:by|led|leader|head|founder|commander|president|minister|son|father|group|organi[sz]ation|front|institute|council|party|movement|government)\b/i;
const NAME = /(?:^|[^.!?]\s)(\p{Lu}[\p{L}'’-]+)/u;

/** Kinds of answer a fact's text can give (computed on demand for the few candidates of a question). */
export function factTypes(text: string, lexicon: Lexicon): ReadonlySet<AnswerType> {
  const types = new Set<AnswerType>();
  if (YEAR.test(text) || TIME_WORDS.test(text)) types.add('time');
  if (QUANTITY.test(text)) types.add('quantity');
  if (AGE.test(text)) types.add('age');
  const names = [...text.matchAll(/(?:^|[^.!?\s]\s+)(\p{Lu}[\p{L}'’-]*)/gu)].map((m) => m[1]!.toLowerCase());
  if (NAME.test(text)) types.add('name');
  if (PLACE_WORDS.test(text) || names.some((n) => lexicon.classes(n).has('noun.location'))) types.add('place');
  if (AGENT_WORDS.test(text) || names.length > 0) types.add('agent');
  return types;
}
