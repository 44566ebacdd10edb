/**
 * "What is the Hudson Institute?" asks what a name is. A fact that only mentions the name ("Please join the
 * Hudson Institute as it welcomes Ahmad Massoud…") does not say, yet it matched every word and was answered
 * (0.93), as "What is the Atlantic Council?" was with a fact that names the Council's South Asia Center. Such a
 * question is answered by a fact only when the fact says what the name is: one of its stored questions asks
 * it ("What is the Intra-Afghanistan Conference?", overview.ts), or its text defines it ("OSIRIS, the main
 * camera system", "the Panjshir Valley, which is…", "Rosetta was a space probe"). Other candidates are ruled
 * out as by a veto. Only names are read so: every word after "What is" (and "the", "a" or "an") is written
 * with a capital, so "What is the size of the NRF?" and lowercase questions are left to the model.
 */
import { escapeRegExp, fold, tokenize } from './analyse';
import type { AliasMatcher } from './aliases';
import { requestedSubject, type Subject } from './overview';
import type { MatchReason } from './rank';

const WHAT_IS = /^\s*(?:what\s+(?:is|are|was|were)|what's|whats)\s+(?:(?:the|a|an)\s+)?(.+?)\s*[?.!]*\s*$/iu;
/** Small words a name may hold ("Islamic Republic of Afghanistan"). */
const NAME_GLUE: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'de', 'on', 'in']);

/** The name a question asks to have defined ("What is the Hudson Institute?" → "Hudson Institute"); undefined for other questions. */
export function askedName(question: string): string | undefined {
  const name = WHAT_IS.exec(fold(question))?.[1];
  if (!name) return undefined;
  const words = tokenize(name);
  const named = words.length > 0 && words.every((t, i) => /^\p{Lu}/u.test(t.surface) || (i > 0 && i < words.length - 1 && NAME_GLUE.has(t.lower)));
  return named ? name : undefined;
}

/** What follows a name its text defines: "X is a", "X, the", "X, which", "X (". */
const DEFINES_AFTER = String.raw`(?:'s)?(?:\s+(?:is|was|are|were)\s+(?:a|an|the|one)\b|\s*,\s*(?:a|an|the|which|who|one|whose)\b|\s*\()`;
/** What comes before a name its text defines: "a probe called X". */
const DEFINES_BEFORE = String.raw`\b(?:called|named|known\s+as)\s+(?:the\s+)?`;

/** `name` with each word the fact matched through a correction written as the fact writes it ("Conferance" → "Conference"). */
function asMatched(name: string, matched: readonly MatchReason[]): string {
  let corrected = name;
  for (const m of matched) if (m.via === 'spelling') corrected = corrected.replace(new RegExp(String.raw`\b${escapeRegExp(m.query)}\b`, 'giu'), m.matched);
  return corrected;
}

/**
 * Whether a fact says what `name` is: a stored question of it defines the same subject (in any tense), or its
 * text writes the name's last word, as matched, followed by a definition, or its first word after "called".
 */
export function definesName(
  name: string,
  fact: { text: string; matched: readonly MatchReason[]; defined: ReadonlyArray<Subject | undefined> },
  aliases: AliasMatcher,
): boolean {
  const corrected = asMatched(name, fact.matched);
  const subject = requestedSubject(corrected, aliases);
  if (subject && fact.defined.some((d) => d?.words === subject.words)) return true;
  const words = tokenize(corrected);
  const first = escapeRegExp(words[0]!.surface);
  const last = escapeRegExp(words[words.length - 1]!.surface);
  const text = fold(fact.text);
  return new RegExp(String.raw`\b${last}${DEFINES_AFTER}`, 'iu').test(text) || new RegExp(String.raw`${DEFINES_BEFORE}${first}\b`, 'iu').test(text);
}
