/**
 * A question asked exactly as one of a fact's stored questions is answered with that fact. A stored question
 * is the curator saying "this fact answers this", and `brief gaps --accept` writes the questions people asked
 * into facts for exactly that; yet the decision model, fitted on phrasings that restate no stored question,
 * declined some of them ("What is the NRF?": 0.61 in the semantic stage, 0.36 by word matching, since every
 * NRF fact matches its one word). "Exactly" is with accents, case, punctuation and contractions aside (asAsked):
 * "what is the nrf" and "What's the NRF?" restate "What is the NRF?".
 */
import type { Judged } from './engine';
import { memo } from '../memo';
import { QUOTES } from './analyse';

/**
 * A question or stored question as they are compared: accents dropped, lower case, a dot between two letters
 * dropped ("U.N." is "un"; "3.5" stays two numbers), and every run of other characters that are not letters or
 * digits one space, none at either end. Contractions are written out ("what's" is "what is", "isn't" "is not");
 * other apostrophes and hyphens part words: "the NRF's goal" is "the nrf s goal", an "e-mail" "e mail".
 */
export function asAsked(text: string): string {
  // Plain ASCII (most questions) has no accents: the Unicode normalisation and classes cost several times more.
  const plain = PRINTABLE_ASCII.test(text);
  const lower = (plain ? text : text.replace(QUOTES, "'").normalize('NFKD').replace(/\p{M}+/gu, '')).toLowerCase();
  return (hasApostrophe(lower) ? writeOut(lower) : lower)
    .replace(plain ? ASCII_ABBREVIATION_DOT : ABBREVIATION_DOT, '')
    .replace(plain ? NOT_ASCII_WORD : NOT_WORD, ' ')
    .trim();
}

/**
 * Contractions as the written-out words they stand for. "'s" only after the words it shortens "is" for, so that
 * a possessive stays one ("the NRF's goals"); "'d" (had or would) is left as it is.
 */
const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(what|who|where|when|why|how|that|there|here|it|he|she)'s\b/g, '$1 is'],
  [/\bcan't\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\bi'm\b/g, 'i am'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
];
const hasApostrophe = (text: string) => text.includes("'") || text.includes('`');

function writeOut(lower: string): string {
  let text = lower.replace(/`/g, "'");
  for (const [contraction, words] of CONTRACTIONS) text = text.replace(contraction, words);
  return text;
}

const PRINTABLE_ASCII = /^[ -~]*$/;
const ASCII_ABBREVIATION_DOT = /(?<=[a-z])\.(?=[a-z])/g;
const ABBREVIATION_DOT = /(?<=\p{L})\.(?=\p{L})/gu;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Stored questions with an apostrophe, as asked. */
const writtenOut = new Map<string, string>();

/** An ASCII letter, either case. */
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Whether `stored`, as asked, is `asked` (already as asked). Plain ASCII is compared a character at a time with
 * nothing built, so the usual mismatch costs a few characters: every question compares the stored questions
 * of its 30 candidates, ~40 µs a question when each was rewritten first.
 */
export function sameAsAsked(stored: string, asked: string): boolean {
  // A contraction is written out first: remembered, as a stored question is compared again and again.
  if (hasApostrophe(stored)) return memo(writtenOut, stored, () => asAsked(stored)) === asked;
  let at = 0;
  let gap = false;
  for (let i = 0; i < stored.length; i++) {
    let c = stored.charCodeAt(i);
    if (c > 126) return asAsked(stored) === asked;
    if (c === 46 && isLetter(stored.charCodeAt(i - 1)) && isLetter(stored.charCodeAt(i + 1))) continue; // "U.N."
    if (c >= 65 && c <= 90) c += 32;
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      gap = at > 0;
      continue;
    }
    if (gap) {
      if (asked.charCodeAt(at++) !== 32) return false;
      gap = false;
    }
    if (asked.charCodeAt(at++) !== c) return false;
  }
  return at === asked.length;
}

/** The first of `ids` (candidates, best first) that stores `question` among `storedOf(id)`. */
export function restatedFact(question: string, ids: Iterable<number>, storedOf: (id: number) => readonly string[]): number | undefined {
  const asked = asAsked(question);
  if (!asked) return undefined;
  for (const id of ids) for (const stored of storedOf(id)) if (sameAsAsked(stored, asked)) return id;
  return undefined;
}

/**
 * `ranked` with the candidate that restates the question first and its probability at least `probability`
 * (ENGINE_DEFAULTS.restated): an answer whatever the threshold. Unchanged when none does.
 */
export function restatedFirst<T extends Judged>(ranked: readonly T[], probability: number): T[] {
  const at = ranked.findIndex((r) => r.restated);
  if (at < 0) return [...ranked];
  const lifted = Object.assign({}, ranked[at]!, { probability: Math.max(ranked[at]!.probability, probability) });
  return [lifted, ...ranked.slice(0, at), ...ranked.slice(at + 1)];
}
