import stem from 'wink-porter2-stemmer';
import { STOP_WORDS } from './stopwords';

/** A word of the input, with the forms matching needs. */
export interface Token {
  /** As written (after folding accents and quotes), e.g. "NRF". */
  surface: string;
  lower: string;
  /** Porter2 stem of `lower`; numbers are kept as they are. */
  stem: string;
  isStop: boolean;
  /** Written in capitals, like an acronym ("US", "IS"). */
  caps: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const DOTTED_ACRONYM = /\b(?:\p{L}\.){2,}/gu;
/** Marks written for an apostrophe or a single quote. */
export const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC`´]/g;

/** Accent-free, straight-quoted text, with "U.N." written as "UN" so acronyms stay one word. */
export function fold(text: string): string {
  // Plain ASCII (most text) has no accents to strip: skip the costly Unicode normalisation.
  const decomposed = /[^ -~\t\n\r]/.test(text) ? text.normalize('NFKD').replace(/\p{M}+/gu, '') : text;
  return decomposed
    .replace(QUOTES, "'")
    .replace(DOTTED_ACRONYM, (acronym) => acronym.replace(/\./g, ''));
}

type WordForms = Omit<Token, 'surface'>;

/** The forms of each word as written, worked out once: indexing reads millions of words, mostly repeated. */
const formsCache = new Map<string, WordForms>();
const FORMS_CACHE_LIMIT = 200_000;

function formsOf(surface: string): WordForms {
  let forms = formsCache.get(surface);
  if (forms === undefined) {
    const lower = surface.toLowerCase();
    forms = {
      lower,
      stem: /^\p{N}+$/u.test(lower) ? lower : stem(lower),
      isStop: STOP_WORDS.has(lower),
      caps: surface.length > 1 && surface === surface.toUpperCase() && surface !== lower,
    };
    if (formsCache.size < FORMS_CACHE_LIMIT) formsCache.set(surface, forms);
  }
  return forms;
}

/** What a contraction adds to its first word ("isn't", "who's", "I'm", "you've", "they're", "we'll", "you'd"). */
export const CLITICS: readonly string[] = Object.freeze(['t', 's', 'm', 've', 're', 'll', 'd']);

/**
 * "I'm", "they'll", "don't": a stop word and a clitic, both saying nothing of the topic. Not "'s", which is
 * read as a possessive ("Massoud's") and dropped.
 */
const CONTRACTION = new RegExp(`^([\\p{L}]+)'(${CLITICS.filter((c) => c !== 's').join('|')})$`, 'iu');

/**
 * A word written with an apostrophe, as matched: without a possessive "'s" ("Massoud's"); a contraction as its
 * first word ("I'm" is "I", "don't" is "don", both stop words), not a word of its own ("im", which a capital
 * made a name); else with the apostrophe dropped ("O'Neill" is "ONeill").
 */
function withoutClitic(word: string): string {
  const contraction = CONTRACTION.exec(word);
  if (contraction && STOP_WORDS.has(contraction[1]!.toLowerCase())) return contraction[1]!;
  return word.replace(/'s$/i, '').replace(/'/g, '');
}

export function tokenize(text: string, maxTokens = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  for (const match of fold(text).matchAll(WORD)) {
    if (tokens.length >= maxTokens) break;
    const word = match[0];
    const surface = word.includes("'") ? withoutClitic(word) : word;
    if (!surface) continue;
    // A new object per token, not the cached forms: a question's tokens are told apart by identity (query.ts).
    const forms = formsOf(surface);
    tokens.push({ surface, lower: forms.lower, stem: forms.stem, isStop: forms.isStop, caps: forms.caps });
  }
  return tokens;
}
