/**
 * A question asked exactly as one of a fact's stored questions is answered with that fact. A stored question
 * is the curator saying "this fact answers this", and `brief gaps --accept` writes the questions people asked
 * into facts for exactly that; yet the decision model, fitted on phrasings that restate no stored question,
 * declined some of them ("What is the NRF?": 0.61 in the semantic stage, 0.36 by word matching, since every
 * NRF fact matches its one word). "Exactly" is with accents, case and punctuation aside (asAsked): "what is the
 * nrf" restates "What is the NRF?".
 */
import type { Judged } from './engine';

/**
 * A question or stored question as they are compared: accents dropped, lower case, a dot between two letters
 * dropped ("U.N." is "un"; "3.5" stays two numbers), and every run of other characters that are not letters or
 * digits one space, none at either end. Apostrophes and hyphens part words: "what's" is "what s", not "whats".
 */
export function asAsked(text: string): string {
  // Plain ASCII (most questions) has no accents: the Unicode normalisation and classes cost several times more.
  const plain = PRINTABLE_ASCII.test(text);
  return (plain ? text : text.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(plain ? ASCII_ABBREVIATION_DOT : ABBREVIATION_DOT, '')
    .replace(plain ? NOT_ASCII_WORD : NOT_WORD, ' ')
    .trim();
}

const PRINTABLE_ASCII = /^[ -~]*$/;
const ASCII_ABBREVIATION_DOT = /(?<=[a-z])\.(?=[a-z])/g;
const ABBREVIATION_DOT = /(?<=\p{L})\.(?=\p{L})/gu;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** An ASCII letter, either case. */
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Whether `stored`, as asked, is `asked` (already as asked). Plain ASCII is compared a character at a time with
 * nothing built, so the usual mismatch costs a few characters: every question compares the stored questions
 * of its 30 candidates, ~40 µs a question when each was rewritten first.
 */
export function sameAsAsked(stored: string, asked: string): boolean {
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
