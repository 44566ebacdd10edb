import type { Fact } from '../knowledge/schema';
import { AliasMatcher } from './aliases';
import { fold, tokenize } from './analyse';
import type { RankedFact } from './engine';
import type { MatchReason } from './rank';

type AliasGroups = ReadonlyArray<readonly string[]>;

const matchers = new WeakMap<AliasGroups, AliasMatcher>();
function matcherFor(groups: AliasGroups): AliasMatcher {
  let matcher = matchers.get(groups);
  if (!matcher) matchers.set(groups, (matcher = new AliasMatcher(groups)));
  return matcher;
}

const sameStems = (a: string, b: readonly string[]) => {
  const stems = tokenize(a).map((t) => t.stem);
  return stems.length === b.length && stems.every((s, i) => s === b[i]);
};

/**
 * The member of the question's alias group as the fact writes it ("National Resistance Front" for
 * "NRF"), looked up in the fact's text first, then its questions, tags and source title.
 */
function aliasInFact(fact: Fact, query: string, groups: AliasGroups): string | undefined {
  const matcher = matcherFor(groups);
  const queryTokens = tokenize(query);
  const group = matcher.match(queryTokens).find((hit) => hit.start === 0 && hit.end === queryTokens.length)?.group;
  if (group === undefined) return undefined;
  for (const field of [fact.text, ...fact.questions, ...fact.tags, fact.source.title]) {
    const tokens = tokenize(field);
    const hit = matcher
      .matchAll(tokens)
      .filter((h) => h.group === group)
      .sort((a, b) => a.start - b.start || b.end - a.end)[0];
    if (!hit) continue;
    const stems = tokens.slice(hit.start, hit.end).map((t) => t.stem);
    return groups[group]?.find((member) => sameStems(member, stems)) ?? tokens.slice(hit.start, hit.end).map((t) => t.surface).join(' ');
  }
  return undefined;
}

/**
 * Why a fact matched, in the user's words: an alias shows what the user typed and, only where the
 * fact writes it differently, the fact's form (the engine records the group's first other member).
 */
export function explainMatches(result: RankedFact, groups: AliasGroups): MatchReason[] {
  return result.matched.map((reason) => {
    if (reason.via !== 'alias') return reason;
    return { ...reason, matched: aliasInFact(result.fact, reason.query, groups) ?? reason.matched };
  });
}

/** Whether an alias match needs its fact-side form shown: only when it differs from what was typed. */
export const writtenAlike = (a: string, b: string): boolean => fold(a).toLowerCase() === fold(b).toLowerCase();

/** Another match worth listing: one whose relevance, shown to two decimals, is not 0.00, and that the knowledge does not rule out for the question (does_not_answer). */
export const worthListing = (result: RankedFact): boolean => result.notAnswered === undefined && Math.round(result.relevance * 100) > 0;
