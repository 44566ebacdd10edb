import { fold } from './analyse';
import type { AnswerType } from './answer-type';
import { describesName } from './defines';
import { isWordChar, mentions } from './mentions';
import type { Lexicon } from './lexicon';
import type { QueryPlan, StoredQuestion } from './query';
import { bestAlternative, coverage, coverageValue, holds, type MatchReason } from './rank';

/**
 * The evidence that a fact answers a question, as numbers for the decision model (decision.ts). Each
 * is something a careful reader checks: does the fact cover the question's words, is it about the
 * question's subject (not merely mentioning it, as "anti-Taliban" does), does it hold the kind of
 * answer asked for, and does it stand out from the runner-up.
 */
export const FEATURES = [
  'coverage',
  'lexicalScore',
  'relativeBm25',
  'unmatchedMax',
  'unmatchedMass',
  'entityMissing',
  'entityInCompoundOnly',
  'entityOffTopic',
  'predicateCoverage',
  'noPredicate',
  'typeMismatch',
  'typeAsked',
  'weakMatchShare',
  'questionCoverage',
  'margin',
  'inverseConcepts',
  'unmatchedCount',
  'unmatchedSpecific',
  'storedQuestionMatch',
  'speakerMismatch',
  'nameNotDescribed',
] as const;
export type FeatureName = (typeof FEATURES)[number];

export interface CandidateEvidence {
  /** Terms of the fact (any field) that match the query. */
  terms: ReadonlySet<string>;
  /** Terms of the fact's stored questions and tags that match the query (its declared topic). */
  topicTerms: ReadonlySet<string>;
  hasTopic: boolean;
  text: string;
  /** Who the fact quotes (`quotedSpeakers` of its text, folded and in lower case), worked out once per fact by the engine. */
  speakers: () => readonly string[];
  /** Kinds of answer the fact holds (answer-type.ts `factTypes`), worked out once per fact by the engine. */
  types: () => ReadonlySet<AnswerType>;
  /** BM25 relative to the best candidate, 0..1. */
  relativeBm25: number;
  /** The fact's stored questions, read literally (query.ts, readStoredQuestion). */
  storedQuestions: readonly StoredQuestion[];
}

/**
 * How closely the question restates one of the fact's stored questions: the Dice overlap of their
 * concepts (a concept of the question counts when any of its forms is a word or name of the stored one).
 */
export function storedQuestionMatch(plan: QueryPlan, stored: readonly StoredQuestion[]): number {
  let best = 0;
  for (const other of stored) {
    let shared = 0;
    for (const concept of plan.concepts) if (holds(concept, other.words)) shared++;
    best = Math.max(best, restatement(plan, other, shared));
  }
  return best;
}

/** The Dice overlap of a question's concepts with another question's, `shared` of them in common, lowered when they ask for different kinds of answer. */
export function restatement(plan: QueryPlan, other: StoredQuestion, shared: number): number {
  const size = plan.concepts.length + other.concepts;
  return size > 0 ? ((2 * shared) / size) * (plan.type === other.type ? 1 : 0.8) : 0;
}

export interface Featured {
  values: number[];
  coverage: number;
  lexicalScore: number;
  matched: MatchReason[];
}

const SPEECH = 'said|says|say|told|tells|added|adds|promised|promises|called|calls|stated|states|warned|argued|believes|thinks';
/** Who is quoted in a fact: the words before "said"/"told"/…, or after "said"/"added" when inverted. */
const SPEAKER_BEFORE = new RegExp(`([\\p{L}\\p{N}' -]{1,40}?)\\s+(?:has |had )?(?:${SPEECH})\\b`, 'gu');
const SPEAKER_AFTER = new RegExp(`[,”"]\\s*(?:said|added|says)\\s+([\\p{L}' -]{1,30})`, 'gu');
/** "Massoud, who is the leader of the NRF, told reporters": the name before the clause. */
const SPEAKER_APPOSED = new RegExp(`([\\p{L}' -]{1,30}),\\s+who\\b[^,]{1,80},\\s+(?:has |had )?(?:${SPEECH})\\b`, 'gu');
/** "According to NRF's strategy, …": whose words the fact reports. */
const ACCORDING_TO = /according to ([\p{L}' -]{1,30}?)(?='s\b|[,.;:]|$)/gu;

/**
 * Who a fact quotes, given its text folded and in lower case. The same for every question, and its patterns cost more
 * than all the rest of a candidate's features (up to 3 ms a question on the bundled knowledge, profiled).
 */
export function quotedSpeakers(text: string): string[] {
  const found = [...text.matchAll(SPEAKER_BEFORE), ...text.matchAll(SPEAKER_AFTER)];
  // Rare forms, tried only where their words occur: tried at every position they cost ~70 % more time a fact.
  if (text.includes(', who ')) found.push(...text.matchAll(SPEAKER_APPOSED));
  if (text.includes('according to ')) found.push(...text.matchAll(ACCORDING_TO));
  return found.map((m) => m[1]!.trim());
}

/**
 * "What does the Islamic State think of the Taliban?" asked of a fact in which Massoud says it: the
 * question asks for someone's view, the fact quotes someone else. 1 when the fact quotes someone and
 * none of its speakers is the one the question asks about, or when the question asks what someone said
 * ("What did the UN say about the conference?") and the fact quotes nobody: a view can be stated without
 * a speaker ("the resistance fights for …" answers what the NRF wants), words said cannot.
 */
function speakerMismatch(plan: QueryPlan, speakersOf: () => readonly string[]): number {
  const asked = plan.askedOf;
  if (!asked) return 0;
  const speakers = speakersOf();
  if (speakers.length === 0) return plan.askedSaid ? 1 : 0;
  const forms = asked.forms.filter((f) => f.length >= 3);
  return speakers.some((speaker) => forms.some((f) => !mentions(speaker, f).next().done)) ? 0 : 1;
}

/**
 * Does `form` occur in `text` as a word of its own, and inside which hyphenated compounds ("anti-taliban")?
 * The compounds are only collected until it is found alone: then they do not matter.
 */
function occurrences(text: string, form: string): { alone: boolean; compounds: string[] } {
  const compounds: string[] = [];
  for (const m of mentions(text, form)) {
    if (!m.inCompound) return { alone: true, compounds };
    compounds.push(compoundAt(text, m.at, m.end));
  }
  return { alone: false, compounds };
}

/** The compounds ("anti-taliban") holding a name, when none of its forms occurs in `text` as a word of its own; else none. */
function onlyInCompounds(text: string, forms: readonly string[]): string[] {
  const compounds: string[] = [];
  for (const form of forms) {
    const seen = occurrences(text, form);
    if (seen.alone) return [];
    compounds.push(...seen.compounds);
  }
  return compounds;
}

/** The question writes the compound too ("the Intra-Afghanistan Conference", or typed apart: "intra afghanistan"). */
function askedInCompound(plan: QueryPlan, forms: readonly string[], compounds: readonly string[]): boolean {
  return forms.some((f) => f.split(' ').every((w) => plan.compounds.has(w))) || compounds.some((c) => plan.spaced.includes(` ${c.replace(/-/g, ' ')} `));
}

/** The whole hyphenated word around text[start, end). */
function compoundAt(text: string, start: number, end: number): string {
  const inWord = (c: string | undefined) => c === '-' || isWordChar(c);
  while (inWord(text[start - 1])) start--;
  while (inWord(text[end])) end++;
  return text.slice(start, end);
}

export function candidateFeatures(plan: QueryPlan, evidence: CandidateEvidence, bestOtherScore: number, lexicon: Lexicon): Featured {
  const { value, matched } = coverage(plan.concepts, evidence.terms);
  const lexicalScore = Math.sqrt(value) * evidence.relativeBm25;
  const max = plan.maxWeight || 1;
  let unmatchedMax = 0;
  let unmatchedMass = 0;
  let unmatchedCount = 0;
  let unmatchedSpecific = 0;
  let entityMissing = 0;
  let entityInCompoundOnly = 0;
  let entityOffTopic = 0;
  let predicateTotal = 0;
  let predicateCredited = 0;
  let weak = 0;
  let credited = 0;
  // Folded and lower-cased only when a check reads it: most candidates need neither.
  let lowered: string | undefined;
  const text = () => (lowered ??= fold(evidence.text).toLowerCase());
  for (const concept of plan.concepts) {
    const alt = bestAlternative(concept, evidence.terms);
    const found = alt !== undefined;
    if (!found) {
      unmatchedMax = Math.max(unmatchedMax, concept.weight / max);
      unmatchedMass += concept.weight / max;
      unmatchedCount++;
      // Words that carry the question's point, not fillers ("actually", "bit"): verbs and nouns English uses less often.
      if (lexicon.informativeness(concept.query.toLowerCase()) >= 0.25) unmatchedSpecific++;
    }
    if (concept.entity) {
      if (!found) entityMissing++;
      else {
        const compounds = onlyInCompounds(text(), concept.forms);
        if (compounds.length > 0 && !askedInCompound(plan, concept.forms, compounds)) entityInCompoundOnly++;
        if (evidence.hasTopic && !holds(concept, evidence.topicTerms)) entityOffTopic++;
      }
    } else {
      predicateTotal += concept.weight;
      predicateCredited += concept.weight * Math.max(0, alt?.weight ?? 0);
    }
    if (alt) {
      credited += concept.weight * alt.weight;
      if (alt.via === 'synonym' || alt.via === 'spelling') weak += concept.weight * alt.weight;
    }
  }
  const types = plan.type ? evidence.types() : undefined;
  const questionCoverage = evidence.hasTopic ? coverageValue(plan.concepts, evidence.topicTerms) : 0;
  const named: Record<FeatureName, number> = {
    coverage: value,
    lexicalScore,
    relativeBm25: evidence.relativeBm25,
    unmatchedMax,
    unmatchedMass: Math.min(unmatchedMass, 3),
    entityMissing: Math.min(entityMissing, 2),
    entityInCompoundOnly: Math.min(entityInCompoundOnly, 2),
    entityOffTopic: Math.min(entityOffTopic, 2),
    predicateCoverage: predicateTotal > 0 ? predicateCredited / predicateTotal : 1,
    noPredicate: predicateTotal > 0 ? 0 : 1,
    typeMismatch: plan.type && types && !types.has(plan.type) ? 1 : 0,
    typeAsked: plan.type ? 1 : 0,
    weakMatchShare: credited > 0 ? weak / credited : 0,
    questionCoverage,
    margin: lexicalScore - bestOtherScore,
    inverseConcepts: plan.concepts.length > 0 ? 1 / plan.concepts.length : 1,
    unmatchedCount: Math.min(unmatchedCount, 3),
    unmatchedSpecific: Math.min(unmatchedSpecific, 3),
    storedQuestionMatch: storedQuestionMatch(plan, evidence.storedQuestions),
    speakerMismatch: speakerMismatch(plan, evidence.speakers),
    nameNotDescribed: plan.asksWhatItIs && !plan.concepts.some((c) => describesName(text(), c.forms)) ? 1 : 0,
  };
  return { values: FEATURES.map((f) => named[f]), coverage: value, lexicalScore, matched };
}
