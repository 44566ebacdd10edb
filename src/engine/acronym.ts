/**
 * "What does NRF stand for?" is answered with the fact that spells the acronym out: "…the National Resistance
 * Front (NRF) of Afghanistan…". Word matching could not: every NRF fact matches "NRF", and none matches
 * "stand" (it declined, 0.44). The rule is narrow on purpose. The question must ask for the acronym's
 * expansion and nothing else, and the fact must write the expansion beside the acronym in brackets, either way
 * round, with the initials of its capitalised words spelling the acronym ("Islamic State of Iraq and Syria
 * (ISIS)"): a fact that only uses the acronym, or only the words, does not count.
 */
import { escapeRegExp } from '../regexp';
import { fold } from './analyse';

/** The acronym as the question writes it: one word of two or more letters (digits allowed after the first). */
const BARE = String.raw`([\p{L}][\p{L}\p{N}&]+)`;
const ACRONYM = String.raw`(?:the\s+)?${BARE}`;
const WHAT_IS = String.raw`(?:what\s+is|whats|what's)`;
const FULL_NAME = String.raw`(?:full\s+(?:name|form)|long\s+form|expansion|meaning)`;

/** Requests for an acronym's expansion, each with the acronym as its one group; the trailing "?" is optional. */
const REQUESTS: readonly RegExp[] = [
  // Not "What does the NRF stand for?": with "the", it may ask what the NRF stands for (its aims).
  String.raw`what\s+does\s+(?:the\s+(?:acronym|abbreviation)\s+)?${BARE}\s+(?:stand\s+for|mean)`,
  String.raw`${WHAT_IS}\s+${ACRONYM}\s+(?:short|an?\s+(?:acronym|abbreviation))\s+for`,
  String.raw`(?:${WHAT_IS}\s+)?(?:the\s+)?${FULL_NAME}\s+of\s+${ACRONYM}`,
  String.raw`(?:${WHAT_IS}\s+)?${ACRONYM}'s\s+${FULL_NAME}`,
  String.raw`${BARE}\s+stands?\s+for\s+what`,
].map((body) => new RegExp(String.raw`^\s*${body}\s*[?.!]*\s*$`, 'iu'));

/** The acronym a question asks to have spelled out ("What does NRF stand for?" → "NRF"); undefined for other questions. */
export function requestedAcronym(question: string): string | undefined {
  const asked = fold(question).replace(/\s+/g, ' ');
  for (const request of REQUESTS) {
    const acronym = request.exec(asked)?.[1];
    // Unlike a word ("What does freedom mean?"), an acronym is short, or written in capitals.
    if (acronym && (acronym.length <= 5 || acronym === acronym.toUpperCase())) return acronym.toUpperCase();
  }
  return undefined;
}

/** Small words an expansion may hold that its acronym skips ("Front of Afghanistan", "Iraq and Syria"). */
const GLUE: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'de', 'la', 'du', 'des', 'on', 'in', '&']);
const WORD = /[\p{L}\p{N}&][\p{L}\p{N}'’&-]*/gu;

/**
 * Whether `words`, read from the first, start with capitalised words whose initials spell `acronym` (glue between
 * them aside). Read backwards for an expansion that ends before the acronym.
 */
function spells(words: readonly string[], acronym: string): boolean {
  let at = 0;
  for (const word of words) {
    if (at === acronym.length) break;
    if (at > 0 && GLUE.has(word.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(word) || word[0]!.toUpperCase() !== acronym[at]) return false;
    at++;
  }
  return at === acronym.length;
}

const reversed = (text: string) => [...text].reverse().join('');
const wordsOf = (text: string) => text.match(WORD) ?? [];

/** Whether `text` spells `acronym` out: "Words (ACRONYM)", or "ACRONYM (Words…)". */
export function spellsOut(text: string, acronym: string): boolean {
  const folded = fold(text);
  const a = escapeRegExp(acronym);
  for (const m of folded.matchAll(new RegExp(String.raw`\(\s*${a}\s*\)`, 'gu'))) {
    if (spells(wordsOf(folded.slice(0, m.index)).reverse(), reversed(acronym))) return true;
  }
  for (const m of folded.matchAll(new RegExp(String.raw`\b${a}\s*\(([^()]+)\)`, 'gu'))) {
    if (spells(wordsOf(m[1]!), acronym)) return true;
  }
  return false;
}

/** The first of `ids` (candidates, best first) whose text spells `acronym` out. */
export function spellingOutFact(acronym: string, ids: Iterable<number>, textOf: (id: number) => string): number | undefined {
  for (const id of ids) if (spellsOut(textOf(id), acronym)) return id;
  return undefined;
}
