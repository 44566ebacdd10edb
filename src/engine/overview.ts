/**
 * A request for an overview of a subject ("tell me about the NRF", "whats the national resistance front",
 * "NRF?") is answered with the fact that stores the question defining that subject ("What is the NRF?"), as
 * a question asked as stored is (restated.ts). Word matching could not: every NRF fact matches "NRF", so none
 * stood out ("tell me about the nrf" declined, 0.35). The subject is compared as a set of words, stemmed and
 * with names read as their alias group: "Tell me the size of the NRF" asks "What is the size of the NRF?".
 * It is the whole request, not a part of it: "What is the size of the Taliban?" asks nothing a stored "What
 * is the size of the NRF?" defines, and "Who is Massoud the father of?" (a subject that does not end the
 * request) is not "Who is Massoud's father?".
 */
import { tokenize, type Token } from './analyse';
import { aliasTerm, type AliasMatcher } from './aliases';

/**
 * Words that frame a request for an overview and say nothing of its subject. Closed on purpose: any other
 * word ("where", "not", "doing", "say") asks something a definition does not answer.
 */
const REQUEST_FRAME: ReadonlySet<string> = new Set(
  `a an the of about on me us you i please can could would will do know tell explain describe give show
  more some info information overview rundown summary background brief briefing basics quick what whats
  who is are was were`.split(/\s+/),
);

/** Words a subject may hold besides its own ("the leader of the NRF"). */
const SUBJECT_GLUE: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of']);

const DEFINING_WORD = /^(?:what|who)$/;
const COPULA = /^(?:is|are|was|were)$/;
const OPENING_CONTRACTION = /^(\s*(?:what|who))['\u2018\u2019`]s\b/i;

/**
 * The subject's words, in order of first use, as one key, when every other token is `frame` and the subject
 * ends the text ("please" aside); undefined otherwise or when there is no subject.
 */
function subjectKey(tokens: readonly Token[], aliases: AliasMatcher, frame: ReadonlySet<string>): string | undefined {
  const hits = aliases.match(tokens);
  const terms = new Set<string>();
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.lower === 'please') end--;
  let lastWasSubject = false;
  for (let i = 0; i < end; ) {
    const hit = hits.find((h) => h.start === i);
    if (hit) {
      terms.add(aliasTerm(hit.group));
      lastWasSubject = true;
      i = hit.end;
      continue;
    }
    const token = tokens[i++]!;
    if (frame.has(token.lower)) lastWasSubject = false;
    else if (token.isStop) return undefined;
    else {
      terms.add(token.stem);
      lastWasSubject = true;
    }
  }
  return lastWasSubject ? [...terms].sort().join(' ') : undefined;
}

/** The subject of a request for an overview ("tell me about the NRF"), as a key; undefined for other questions. */
export function requestedSubject(question: string, aliases: AliasMatcher): string | undefined {
  return subjectKey(tokenize(question), aliases, REQUEST_FRAME);
}

/** The subject a stored question defines ("What is the NRF?", "Who was Ahmad Shah Massoud?"), as a key. */
export function definedSubject(stored: string, aliases: AliasMatcher): string | undefined {
  // The tokenizer drops "'s" as a possessive: "What's the NRF?" would lose its "is".
  const tokens = tokenize(stored.replace(OPENING_CONTRACTION, '$1 is'));
  if (tokens.length < 3 || !DEFINING_WORD.test(tokens[0]!.lower) || !COPULA.test(tokens[1]!.lower)) return undefined;
  return subjectKey(tokens.slice(2), aliases, SUBJECT_GLUE);
}

/** The first of `ids` (candidates, best first) with a stored question that defines `subject`. */
export function definingFact(subject: string, ids: Iterable<number>, definedOf: (id: number) => readonly (string | undefined)[]): number | undefined {
  for (const id of ids) if (definedOf(id).includes(subject)) return id;
  return undefined;
}
