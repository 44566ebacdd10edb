import type { Token } from './analyse';
import type { Lexicon } from './lexicon';

/**
 * The kind of answer a question asks for. A fact that holds nothing of that kind (no date for "when",
 * no number for "how many", no place for "where", no one for "who") does not answer it, however many
 * words it shares with the question.
 */
export type AnswerType = 'time' | 'quantity' | 'measure' | 'age' | 'place' | 'agent' | 'name';

const lowerAt = (tokens: readonly Token[], i: number) => tokens[i]?.lower ?? '';

const WH = /^(?:what|which|who|whom|whose|how|why|when|where|whether)$/;
// Wider than query.ts's AUXILIARY (askedOf): without are/were/can/could/should, "Could you say where the NRF is based?" would ask for a place.
const AUXILIARY = /^(?:is|are|was|were|does|do|did|can|could|will|would|has|have|had|should)$/;
/** Words after which "when"/"who"/… opens an embedded question ("tell me when", "do you know who"), not a relative clause. */
const ASKS = /^(?:me|us|know|ask|asking|wonder|wondering|remember|recall|idea|out|explain|confirm|check|and|but|so|then|also|question|anyone|anybody|someone|somebody)$/;

/**
 * Is the wh-word at `i` the question's own, or does it open a clause inside a question asked by another
 * word ("What did Massoud mean when he called…", "the jihadist who planned…")? A clause does not set the
 * kind of answer wanted.
 */
function asksHere(tokens: readonly Token[], i: number): boolean {
  if (i > 0 && ASKS.test(lowerAt(tokens, i - 1))) return true;
  const w = lowerAt(tokens, i);
  if (w !== 'who' && w !== 'whom' && w !== 'whose' && AUXILIARY.test(lowerAt(tokens, i + 1))) return true;
  if (i === 0 && (w === 'who' || w === 'whom' || w === 'whose')) return true;
  const other = tokens.some((t, j) => j !== i && (WH.test(t.lower) || (j === 0 && AUXILIARY.test(t.lower))));
  return !other;
}

export function questionType(tokens: readonly Token[]): AnswerType | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const w = lowerAt(tokens, i);
    const next = lowerAt(tokens, i + 1);
    if (w === 'how' && next === 'old') return 'age';
    if (w === 'age' || (w === 'born' && tokens.some((t) => t.lower === 'when' || t.lower === 'year'))) return 'age';
    if (w === 'how' && /^(many|much|big|large|strong)$/.test(next)) return 'quantity';
    // Lengths, distances, durations, speeds, rates: a number is not enough, it needs its unit.
    if (w === 'how' && /^(long|far|tall|high|fast|often|wide|deep|heavy)$/.test(next)) return 'measure';
    if ((w === 'number' || w === 'population') && (next === 'of' || i === tokens.length - 1 || lowerAt(tokens, i - 1) === 'the')) return 'quantity';
    if ((w === 'what' || w === 'which') && /^(year|date|day|month|time)s?$/.test(next)) return 'time';
    if ((w === 'what' || w === 'which') && /^(place|city|town|country|province|region|location)s?$/.test(next)) return 'place';
    if (w === 'when' && asksHere(tokens, i)) return 'time';
    if (w === 'where' && asksHere(tokens, i)) return 'place';
    if ((w === 'who' || w === 'whom' || w === 'whose') && asksHere(tokens, i)) return 'agent';
    if (w === 'name' && (next === 'of' || lowerAt(tokens, i - 1) === 'the')) return 'name';
  }
  return undefined;
}

const YEAR = /\b(?:1[5-9]|20)\d{2}\b/;
const TIME_WORDS =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|year|years|month|months|week|weeks|days|decade|century|since|until|before|after|ago|recorded|dated)\b/i;
const QUANTITY =
  /\b(?:(?!(?:1[5-9]|20)\d{2}\b)\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|few|many|single|only one|half)\b/i;
const AGE = /\b(?:\d+\s*(?:-|\s)?years?(?:-|\s)old|aged?\s+\d+|born|\d(?:[\d,.]*\d)?\s+(?:(?:thousand|million|billion)\s+)?years)\b/i;
// A number ends in a digit: in "recorded on August 11, 2021. Just weeks before" no number has its unit.
const NUMBER = String.raw`(?:\d(?:[\d,.]*\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|several|a few|half an?)`;
const UNIT = String.raw`(?:km|kilomet(?:re|er)s?|miles?|m|met(?:re|er)s?|cm|feet|foot|ft|kg|kilograms?|grams?|g|tonnes?|tons?|pounds?|lbs?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|km/h|mph|per\s+cent|percent|%|degrees?|times)`;
const DURATION = /\b(?:seconds|minutes|hours|days|weeks|months|years|decades)\s+(?:before|after|later|earlier|ago)\b/i;
/** A number with its unit, a word apart at most ("20 kilometres", "4 billion km", "every 6.5 years"). */
const MEASURE = new RegExp(String.raw`\b${NUMBER}(?:[\s-]+[\p{L}]+)?[\s-]*${UNIT}(?![\p{L}])`, 'iu');
// Two expressions: with the `i` flag, \p{Lu} would match any letter, and "in opposition" would be a place.
const PLACED = /\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Bb]ased|[Ll]ocated|[Hh]eadquartered)\s+(?:the\s+)?\p{Lu}/u;
const PLACE_WORDS = /\b(?:province|provinces|valley|city|capital|country|region|district|village|border|north|south|east|west)\b/i;
const AGENT_WORDS = /\b(?:by|led|leader|head|founder|commander|president|minister|son|father|group|organi[sz]ation|front|institute|council|party|movement|government)\b/i;
const NAME = /(?:^|[^.!?]\s)(\p{Lu}[\p{L}'’-]+)/u;

/**
 * Kinds of answer a fact can give (computed on demand for the few candidates of a question). A dated
 * source answers "when" even if the text does not: the reply cites the date.
 */
export function factTypes(text: string, lexicon: Lexicon, sourceDated = false): ReadonlySet<AnswerType> {
  const types = new Set<AnswerType>();
  if (sourceDated || YEAR.test(text) || TIME_WORDS.test(text)) types.add('time');
  if (QUANTITY.test(text)) types.add('quantity');
  if (MEASURE.test(text) || DURATION.test(text)) types.add('measure');
  if (AGE.test(text)) types.add('age');
  const names = [...text.matchAll(/(?:^|[^.!?\s]\s+)(\p{Lu}[\p{L}'’-]*)/gu)].map((m) => m[1]!.toLowerCase());
  if (NAME.test(text)) types.add('name');
  if (PLACED.test(text) || PLACE_WORDS.test(text) || names.some((n) => lexicon.classes(n).has('noun.location'))) types.add('place');
  if (AGENT_WORDS.test(text) || names.length > 0) types.add('agent');
  return types;
}
