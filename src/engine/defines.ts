import { mentions } from './mentions';
import type { Concept } from './query';

/** "What is …", "Who was …", "What's …", "Tell me about …": the question opens by asking what something is. */
const WHAT_IT_IS = /^ (?:(?:what|who)(?: s| is| are| was| were)|tell me about) /;

/**
 * Does the question (its words one space apart, its concepts) ask only what a name is ("What is the Hudson
 * Institute?", "Who was Ahmad Shah Massoud?")? Then every word it asks about is a name: "What is the
 * NRF's goal?" asks for the goal.
 */
export function asksWhatItIs(spaced: string, concepts: readonly Concept[]): boolean {
  return WHAT_IT_IS.test(spaced) && concepts.length > 0 && concepts.every((c) => c.entity);
}

/** Where a sentence's subject starts: the text's start or a sentence's, an article at most before the name. */
const SUBJECT_BEFORE = /(?:^|[.!?;:]\s+)(?:the\s+)?$/u;
/** "'s" after the subject makes it a possessive: "Massoud's father was …" says what the father was. */
const POSSESSIVE_AFTER = /^['’]s\b/u;
/**
 * What follows a name its text goes on to describe: a copula ("Philae was a lander"), an apposition or
 * clause ("MIRO, a microwave instrument"; "Massoud, who is the leader"), a dash or colon, or its
 * acronym ("the National Resistance Front (NRF) of Afghanistan, led by …").
 */
const DESCRIBED_AFTER =
  /^\s*(?:\([^)]{1,40}\)\s*)?(?:of\s+[\p{L}'’-]+\s*)?(?:[,:(—–]|\s-\s|\s(?:is|are|was|were|has been|had been|became|remains|stands for|refers to|means)\b)/u;

/** Is the name that occurs at text[start, end) the fact's subject or described there? */
function describedAt(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 80);
  if (SUBJECT_BEFORE.test(before) && !POSSESSIVE_AFTER.test(after)) return true;
  // An acronym in brackets after its expansion: "the German Aerospace Center (DLR)".
  if (before.endsWith('(') && after.startsWith(')')) return true;
  return DESCRIBED_AFTER.test(after);
}

/**
 * Does a fact say what one of these names is, or only mention it? "Please join the Hudson Institute as it
 * welcomes Ahmad Massoud" names the institute in passing: it does not answer "What is the Hudson
 * Institute?". Forms and text are folded and in lower case; a form inside a hyphenated compound
 * ("anti-taliban") is never the thing described.
 */
export function describesName(text: string, forms: readonly string[]): boolean {
  for (const form of forms) {
    for (const m of mentions(text, form)) if (!m.inCompound && describedAt(text, m.at, m.end)) return true;
  }
  return false;
}
