import { AliasMatcher } from '../engine/aliases';
import { definedSubject } from '../engine/overview';
import { asAsked } from '../engine/restated';
import type { Fact } from '../knowledge/schema';

/** A question more than one fact stores: each fact, in file order, with its own wording of it. */
export interface SharedQuestion {
  stored: Array<{ fact: Fact; question: string }>;
}

/**
 * Questions two or more facts store, "the same" as the engine means it (`asAsked`): a question asked so is
 * answered with its fact whatever the model says (engine/restated.ts), so when two facts store it, which one
 * answers turns on word matching's ranking, not on the curator. Each shared question once, first stored first.
 */
export function sharedQuestions(facts: readonly Fact[]): SharedQuestion[] {
  return storedByMoreThanOne(facts, (question) => asAsked(question) || undefined);
}

/** The stored questions that `keyOf` gives one key, grouped, each fact once per group: those of two facts or more. */
function storedByMoreThanOne(facts: readonly Fact[], keyOf: (question: string) => string | undefined): SharedQuestion[] {
  const byKey = new Map<string, SharedQuestion>();
  for (const fact of facts) {
    for (const question of fact.questions) {
      const key = keyOf(question);
      if (key === undefined) continue;
      const entry = byKey.get(key) ?? { stored: [] };
      if (!entry.stored.some((s) => s.fact === fact)) entry.stored.push({ fact, question });
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].filter((entry) => entry.stored.length > 1);
}

/**
 * Subjects two or more facts define with different questions ("What is the NRF?", "Who is the National
 * Resistance Front?"): a request for an overview of it ("tell me about the NRF") counts as asking either
 * (engine/overview.ts), so which fact answers turns on word matching's ranking. Facts that store the very same
 * question are `sharedQuestions`' to report, not these.
 */
export function sharedSubjects(facts: readonly Fact[], aliasGroups: ReadonlyArray<readonly string[]>): SharedQuestion[] {
  const aliases = new AliasMatcher(aliasGroups);
  // A request that names no tense matches either: the subject's words alone are the key.
  const shared = storedByMoreThanOne(facts, (question) => definedSubject(question, aliases)?.words);
  return shared.filter((entry) => new Set(entry.stored.map((s) => asAsked(s.question))).size > 1);
}

/** A proposed phrasing that is not written, and the fact that holds it or takes it first. */
export interface HeldPhrasing<P> {
  proposal: P;
  holder: string;
  /** The holder stores it already; otherwise an earlier proposal of the same run gives it to the holder. */
  stored: boolean;
}

/**
 * Which proposed phrasings (best first) may be written: not one a fact stores already, nor one an earlier
 * proposal gives a fact (another, or its own), so that no question is written twice or ends up stored by two
 * facts (`sharedQuestions`). A phrasing with no words (as asked) claims nothing.
 */
export function claimPhrasings<P extends { factId: string; question: string }>(
  proposals: readonly P[],
  facts: Iterable<Pick<Fact, 'id' | 'questions'>>,
): { kept: P[]; held: Array<HeldPhrasing<P>> } {
  const holder = new Map<string, { factId: string; stored: boolean }>();
  for (const fact of facts) for (const q of fact.questions) holder.set(asAsked(q), { factId: fact.id, stored: true });
  const kept: P[] = [];
  const held: Array<HeldPhrasing<P>> = [];
  for (const proposal of proposals) {
    const key = asAsked(proposal.question);
    const found = key ? holder.get(key) : undefined;
    if (found) {
      held.push({ proposal, holder: found.factId, stored: found.stored });
      continue;
    }
    if (key) holder.set(key, { factId: proposal.factId, stored: false });
    kept.push(proposal);
  }
  return { kept, held };
}
