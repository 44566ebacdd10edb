/**
 * A request for an overview of a subject ("tell me about the NRF", "whats the national resistance front",
 * "NRF?") is answered with the fact that stores the question defining that subject ("What is the NRF?"), as
 * a question asked as stored is (restated.ts). Word matching could not: every NRF fact matches "NRF", so none
 * stood out ("tell me about the nrf" declined, 0.35). The subject is compared as its words, stemmed, with
 * names read as their alias group, in any order ("the NRF's leader" is "the leader of the NRF"): "Tell me the
 * size of the NRF" asks "What is the size of the NRF?". It is the whole request, not a part of it: "What is
 * the size of the Taliban?" asks nothing a stored "What is the size of the NRF?" defines, and "Who is Massoud
 * the father of?" (a subject that does not end the request) is not "Who is Massoud's father?". A fact that
 * records the request among what it does not answer is not lifted (engine.ts).
 */
import { tokenize, type Token } from './analyse';
import { aliasTerm, type AliasMatcher } from './aliases';

/**
 * Words that frame a request for an overview and say nothing of its subject ("tell me about", "give me an
 * overview of", "what do you know about"). Closed on purpose: any other word ("where", "not", "doing",
 * "say", "I") asks or says something a definition does not answer.
 */
const REQUEST_FRAME: ReadonlySet<string> = new Set(
  `a an the of about on me us you please can could would will do know tell explain describe give show
  more some info information overview rundown summary background brief briefing basics quick`.split(/\s+/),
);

/** Words a subject may hold besides its own ("the leader of the NRF"). */
const SUBJECT_GLUE: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of']);

/** Words after the subject that end a request without changing it. */
const SIGN_OFF: ReadonlySet<string> = new Set(['please', 'thanks']);

const DEFINING_WORD = /^(?:what|who)$/;
/** "whats", "whos": typed without the apostrophe, a defining word and its "is". */
const DEFINING_CONTRACTED = /^(?:whats|whos)$/;
const COPULA: Readonly<Record<string, Tense>> = Object.freeze({ is: 'present', are: 'present', was: 'past', were: 'past' });
const OPENING_CONTRACTION = /^(\s*(?:what|who))['\u2018\u2019`]s\b/i;

type Tense = 'present' | 'past';

/** A subject: its words, stemmed, names as their alias group, sorted (repeats kept); and the tense it was asked in, if any. */
export interface Subject {
  words: string;
  tense?: Tense;
}

/** A word of a subject that is a verb in "-ing" ("Who is the NRF fighting?"): what such a question asks is not a definition. */
const isProgressive = (token: Token) => token.lower.length > 5 && token.lower.endsWith('ing');

/**
 * The subject's words as one key, when every other token is `frame` and the subject ends the tokens (a sign-off
 * aside); undefined otherwise, and when there is no subject.
 */
function subjectWords(tokens: readonly Token[], aliases: AliasMatcher, frame: ReadonlySet<string>): string | undefined {
  const hits = aliases.match(tokens);
  const words: string[] = [];
  let end = tokens.length;
  while (end > 0 && SIGN_OFF.has(tokens[end - 1]!.lower)) end--;
  let lastWasSubject = false;
  for (let i = 0; i < end; ) {
    const hit = hits.find((h) => h.start === i);
    if (hit) {
      words.push(aliasTerm(hit.group));
      lastWasSubject = true;
      i = hit.end;
      continue;
    }
    const token = tokens[i++]!;
    if (frame.has(token.lower)) lastWasSubject = false;
    else if (token.isStop || isProgressive(token)) return undefined;
    else {
      words.push(token.stem);
      lastWasSubject = true;
    }
  }
  return lastWasSubject ? words.sort().join(' ') : undefined;
}

/** The tense of a defining opening ("What is", "Who was", "whats") and where the rest starts; undefined for none. */
function opening(tokens: readonly Token[]): { tense?: Tense; rest: number } | undefined {
  const first = tokens[0]?.lower ?? '';
  if (DEFINING_CONTRACTED.test(first)) return { tense: 'present', rest: 1 };
  if (!DEFINING_WORD.test(first)) return undefined;
  const tense = COPULA[tokens[1]?.lower ?? ''];
  return tense ? { tense, rest: 2 } : { rest: 1 };
}

/**
 * The subject of a request for an overview ("tell me about the NRF", "What's the NRF?", "who was Ahmad Shah
 * Massoud"); undefined for other questions. "what" and "who" open it or are not in it, and "is", "are", "was"
 * and "were" only follow them: "Is Massoud the father?" and "Of who is Massoud the father?" are not requests.
 */
export function requestedSubject(question: string, aliases: AliasMatcher): Subject | undefined {
  const tokens = tokenize(question);
  const open = opening(tokens) ?? { rest: 0 };
  const words = subjectWords(tokens.slice(open.rest), aliases, REQUEST_FRAME);
  return words === undefined ? undefined : { words, ...(open.tense && { tense: open.tense }) };
}

/** The subject a stored question defines ("What is the NRF?", "Who was Ahmad Shah Massoud?"). */
export function definedSubject(stored: string, aliases: AliasMatcher): Subject | undefined {
  // The tokenizer drops "'s" as a possessive: "What's the NRF?" would lose its "is".
  const tokens = tokenize(stored.replace(OPENING_CONTRACTION, '$1 is'));
  const open = opening(tokens);
  if (!open?.tense || open.rest !== 2) return undefined;
  const words = subjectWords(tokens.slice(2), aliases, SUBJECT_GLUE);
  return words === undefined ? undefined : { words, tense: open.tense };
}

/** Whether a stored question defining `defined` answers a request for `requested`: the same words, and the same tense when the request has one. */
export const sameSubject = (requested: Subject, defined: Subject): boolean =>
  requested.words === defined.words && (requested.tense === undefined || requested.tense === defined.tense);

/** The first of `ids` (candidates, best first) with a stored question that defines the `requested` subject. */
export function definingFact(requested: Subject, ids: Iterable<number>, definedOf: (id: number) => ReadonlyArray<Subject | undefined>): number | undefined {
  for (const id of ids) if (definedOf(id).some((d) => d !== undefined && sameSubject(requested, d))) return id;
  return undefined;
}
