import { tokenize, type Token } from './analyse';
import { asAsked } from './restated';
import { ENGINE_DEFAULTS } from './config';
import { restatement, storedQuestionMatch } from './features';
import { nameOf, type Concept, type Name, type QueryPlan, type StoredQuestion } from './query';

/**
 * A phrasing of a fact's `does_not_answer` (a curator's near-miss, or a question people marked 👎), read once
 * per fact: a question that restates it is not answered with the fact (`notAnsweredMatch`).
 */
export interface NotAnswered {
  words: StoredQuestion;
  /** The names it gives, in the order a question's are read (`namesOf`). */
  names: readonly Name[];
  /** Its words (stems) the fact holds in no field: the detail the fact lacks ("responded", "died"). */
  lacking: readonly string[];
  /** All its words' stems, known to the knowledge or not. */
  stems: ReadonlySet<string>;
  /** As restated.ts compares questions asked exactly: a question asked so is always ruled out. */
  asAsked: string;
}

/** A question's names (alias groups, or proper nouns English lacks), in the order it is read. */
const namesOf = (plan: QueryPlan): Name[] => plan.concepts.filter((c) => c.entity).map(nameOf);
const sameName = (a: Name, b: Name) => [...a].some((form) => b.has(form));

/** A phrasing read once per fact, from query.ts's readPhrasing. */
export function readNotAnswered(
  phrasing: string,
  read: { words: StoredQuestion; names: readonly Name[]; tokens: readonly Token[] },
  factHolds: (stem: string) => boolean,
): NotAnswered {
  const { words, names } = read;
  const nameStems = new Set(names.flatMap((n) => [...n].flatMap((form) => tokenize(form).map((t) => t.stem))));
  const tokens = read.tokens.filter((t) => !t.isStop);
  const lacking = tokens.filter((t) => !nameStems.has(t.stem) && !factHolds(t.stem));
  return { words, names, lacking: [...new Set(lacking.map((t) => t.stem))], stems: new Set(tokens.map((t) => t.stem)), asAsked: asAsked(phrasing) };
}

/** The same names, the first (the one asked about, usually) the same: "Who leads the Taliban?" is not "Who does the NRF fight?". */
const sameNames = (a: readonly Name[], b: readonly Name[]) =>
  a.length === b.length && (a.length === 0 || sameName(a[0]!, b[0]!)) && a.every((n) => b.some((m) => sameName(n, m)));

/** A question's concept with the stems of its own words, read once per question. */
interface Asked {
  concept: Concept;
  stems: readonly string[];
}

/** Whether a phrasing has one of the concept's words: an index term it can stand for, or its own stems (words the knowledge lacks too). */
const has = (phrasing: NotAnswered, { concept, stems }: Asked) =>
  concept.alternatives.some((a) => phrasing.words.words.has(a.term) || phrasing.stems.has(a.term)) || stems.every((s) => phrasing.stems.has(s));

/** `storedQuestionMatch`'s overlap, counting the words the knowledge lacks ("lost"), which a stored question cannot have. */
const closeness = (plan: QueryPlan, concepts: readonly Asked[], phrasing: NotAnswered): number =>
  restatement(plan, phrasing.words, concepts.filter((c) => has(phrasing, c)).length);

/**
 * The index of the `does_not_answer` phrasing a question restates, if any. A question restates a phrasing when
 * it gives the same names, asks for every detail the phrasing asks that the fact lacks (`asked`: the question's
 * stems and every term its words can stand for), shares with it every word it shares with the fact (`terms`:
 * the question's terms the fact holds), overlaps it at least `ENGINE_DEFAULTS.notAnswered.least` (`closeness`),
 * and overlaps it more than any of the fact's own questions (`storedQuestionMatch`); or when it is asked as written.
 * So "Who leads the Taliban?" restates "Who is the Taliban's leader?", recorded against the fact on who leads
 * the NRF, and "Who leads the resistance?" does not.
 */
export function notAnsweredMatch(
  question: { text: string; plan: QueryPlan; asked: () => ReadonlySet<string> },
  candidate: { notAnswered: readonly NotAnswered[]; stored: readonly StoredQuestion[]; terms: ReadonlySet<string> },
): number | undefined {
  const { notAnswered, stored, terms } = candidate;
  if (notAnswered.length === 0) return undefined;
  const { plan, asked } = question;
  // Asked exactly as recorded, it is ruled out whatever else matches, as a stored question asked so is answered.
  const exact = asAsked(question.text);
  const written = notAnswered.findIndex((phrasing) => phrasing.asAsked === exact);
  if (written >= 0) return written;
  const names = namesOf(plan);
  const concepts = plan.concepts.map((concept) => ({ concept, stems: tokenize(concept.query).map((t) => t.stem) }));
  // What the question shares with the fact, a phrasing must share too: else the question is nearer the fact.
  const shared = concepts.filter(({ concept }) => concept.alternatives.some((a) => terms.has(a.term)));
  let best: number | undefined;
  let closest: number = ENGINE_DEFAULTS.notAnswered.least;
  notAnswered.forEach((phrasing, i) => {
    if (!sameNames(names, phrasing.names) || !shared.every((c) => has(phrasing, c))) return;
    const match = closeness(plan, concepts, phrasing);
    if (match < closest || (best !== undefined && match === closest)) return;
    if (phrasing.lacking.every((stem) => asked().has(stem))) [best, closest] = [i, match];
  });
  return best !== undefined && closest > storedQuestionMatch(plan, stored) ? best : undefined;
}

/**
 * Of the first `head` candidates (those the decision re-orders), the ones the knowledge rules out for the
 * question after the others; the rest keep their places. The fact a curator says does not answer must not
 * stand in front of one that may. Only the head, so that the order does not depend on how many candidates
 * were judged (`ask` judges the head, the semantic stage 30).
 */
export function ruledOutLast<T extends { notAnswered?: number }>(candidates: readonly T[], head: number): readonly T[] {
  const first = candidates.slice(0, head);
  if (!first.some((c) => c.notAnswered !== undefined)) return candidates;
  return [...first.filter((c) => c.notAnswered === undefined), ...first.filter((c) => c.notAnswered !== undefined), ...candidates.slice(head)];
}
