import { fold, tokenize, type Token } from './analyse';
import { sentencesOf } from './focus';
import type { EngineConfig } from './config';
import type { FuzzyVocabulary } from './fuzzy';
import type { BuiltIndex } from './index-builder';
import { cueTerm } from './fact-fields';
import type { Lexicon } from './lexicon';
import { questionType, type AnswerType } from './answer-type';
import { asksWhatItIs } from './defines';
import { QUESTION_CUES } from './stopwords';

export type Via = 'word' | 'alias' | 'synonym' | 'spelling';

/** One way a query concept can be found in a fact. */
export interface Alternative {
  term: string;
  /** Credit (0..1] towards coverage when a fact contains `term`. */
  weight: number;
  /** Boost of `term` in the BM25 query. */
  boost: number;
  via: Via;
  /** The knowledge's word for it, for explanations. */
  shown: string;
}

/** A content word or alias phrase of the question, with every term that can stand for it. */
export interface Concept {
  query: string;
  /** Importance in coverage: how much the word says (IDF in the knowledge, or in English when the knowledge lacks it). */
  weight: number;
  alternatives: Alternative[];
  /** A name (alias group, or a proper noun that is not an English word): the fact must be about it. */
  entity: boolean;
  /** Surface forms that name this concept in a fact's text, lower case (for entity checks). */
  forms: string[];
}

export interface QueryPlan {
  concepts: Concept[];
  /** Answer-kind cue terms ("when", "how many"), used as a light ranking hint only. */
  cues: string[];
  /** The kind of answer the question asks for, if it says. */
  type: AnswerType | undefined;
  /** Highest concept weight any word can have in this knowledge (an unseen word's IDF). */
  maxWeight: number;
  /** The name whose view the question asks for ("What does the Taliban think of …?"), if any. */
  askedOf?: Concept;
  /** Whether the question asks what that name said ("What did the UN say about …?"), not what it thinks or wants. */
  askedSaid?: boolean;
  /** Words the question itself writes inside hyphenated compounds ("Intra-Afghanistan"), lower case. */
  compounds: ReadonlySet<string>;
  /** The question's words, folded and lower case, one space apart and around (" intra afghanistan conference "). */
  spaced: string;
  /** Whether it asks only what a name is ("What is the Hudson Institute?"; defines.ts). */
  asksWhatItIs: boolean;
}

export interface QueryContext {
  index: BuiltIndex;
  fuzzy: FuzzyVocabulary;
  lexicon: Lexicon;
  idf: (term: string) => number;
  config: EngineConfig;
  maxIdf: number;
}

/**
 * Which words are written as names: capitalised inside a sentence ("Bonn" in "What was agreed at the Bonn
 * conference?"), in a question not written all in capitals or title case ("HOW MNY FIGHTERS", "How Mny
 * Fighters"), where a capital says nothing.
 */
function writtenAsNames(question: string, tokens: readonly Token[]): (token: Token, i: number) => boolean {
  const words = tokens.filter((t) => /^\p{L}/u.test(t.surface));
  if (words.filter((t) => /^\p{Lu}/u.test(t.surface)).length * 2 > words.length) return () => false;
  const sentenceStarts = new Set(sentencesOf(question).map((sentence) => tokenize(sentence, 1)[0]?.lower));
  return (token, i) => i > 0 && /^\p{Lu}\p{Ll}/u.test(token.surface) && !sentenceStarts.has(token.lower);
}

/**
 * Typos of everyday words ("teh", "wher", "mny") are corrected to the word meant before anything else,
 * so they can become stop words or question cues; names are corrected later, against the knowledge.
 */
function correctEveryday(question: string, tokens: Token[], ctx: QueryContext, known: (term: string) => boolean): { tokens: Token[]; fixed: Map<Token, string> } {
  const fixed = new Map<Token, string>();
  // Read only when a word needs correcting: stored questions are read here too, and rarely do.
  let isName: ReturnType<typeof writtenAsNames> | undefined;
  const out = tokens.map((token, i) => {
    if (token.isStop || known(token.stem) || !/^\p{L}+$/u.test(token.lower)) return token;
    // A name the knowledge lacks ("Bonn", "Oort") is not a slip for "born" or "port".
    if ((isName ??= writtenAsNames(question, tokens))(token, i)) return token;
    const functionWord = ctx.lexicon.functionWordFor(token.lower);
    const meant = functionWord === undefined ? undefined : tokenize(functionWord)[0];
    if (meant) {
      fixed.set(meant, token.surface);
      return meant;
    }
    if (ctx.lexicon.isEnglish(token.lower)) return token;
    const everyday = ctx.lexicon.correctEveryday(token.lower);
    const replacement = everyday && tokenize(everyday.word)[0];
    if (!everyday || !replacement) return token;
    const name = ctx.fuzzy.correct(token.lower)[0];
    // As close to a word of the knowledge: that word, unless the everyday word is one the question is
    // read by ("waht" is as close to the knowledge's "want" as to "what", a question word).
    if (name && (name.similarity > everyday.similarity || (name.similarity === everyday.similarity && !replacement.isStop))) return token;
    fixed.set(replacement, token.surface);
    return replacement;
  });
  return { tokens: out, fixed };
}

/** A question's words after everyday typos are corrected, with its names and joined words read as concepts. */
interface Reading {
  tokens: Token[];
  /** Corrected tokens, and the word as typed. */
  fixed: Map<Token, string>;
  known: (term: string) => boolean;
  concepts: Concept[];
  /** Terms and stems already read as a concept. */
  seen: Set<string>;
  /** Positions of the tokens a concept already stands for. */
  covered: Set<number>;
}

/** `correct`: false for a curator's text, whose words the knowledge lacks need no correction (and the first correction builds the spelling index). */
function readNames(question: string, ctx: QueryContext, correct = true): Reading {
  const { index, config } = ctx;
  const known = (term: string) => index.documentFrequency(term) > 0;
  const read = tokenize(question, config.maxQueryTokens);
  const { tokens, fixed } = correct ? correctEveryday(question, read, ctx, known) : { tokens: read, fixed: new Map<Token, string>() };
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const covered = new Set<number>();

  for (const hit of index.aliases.match(tokens)) {
    for (let i = hit.start; i < hit.end; i++) covered.add(i);
    if (seen.has(hit.term)) continue;
    seen.add(hit.term);
    const query = tokens.slice(hit.start, hit.end).map((t) => t.surface).join(' ');
    const members = index.aliases.groups[hit.group] ?? [];
    const shown = members.find((m) => m.toLowerCase() !== query.toLowerCase()) ?? query;
    concepts.push({
      query,
      weight: ctx.idf(hit.term),
      alternatives: known(hit.term) ? [{ term: hit.term, weight: 1, boost: 1, via: 'alias', shown }] : [],
      entity: true,
      forms: members.map((m) => m.toLowerCase()),
    });
  }

  // Words typed apart that the knowledge writes as one ("git hub" -> "github", "e mail" -> "email").
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (covered.has(i) || covered.has(i + 1)) continue;
    const joined = index.words.get(a.lower + b.lower);
    if (!joined || !known(joined)) continue;
    covered.add(i).add(i + 1);
    seen.add(joined);
    const shown = a.lower + b.lower;
    concepts.push({
      query: `${a.surface} ${b.surface}`,
      weight: ctx.idf(joined),
      alternatives: [{ term: joined, weight: 1, boost: 1, via: 'spelling', shown }],
      entity: false,
      forms: [shown],
    });
  }
  return { tokens, fixed, known, concepts, seen, covered };
}

/** Reads a question: its concepts with every term that can stand for each, its answer type and cues. */
export function planQuery(question: string, ctx: QueryContext): QueryPlan {
  const { tokens, fixed, known, concepts, seen, covered } = readNames(question, ctx);

  // Two-word names English knows as one thing ("Austrian capital" = Vienna).
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (covered.has(i) || covered.has(i + 1) || tokens[i]!.isStop || tokens[i + 1]!.isStop) continue;
    const phrase = `${tokens[i]!.lower} ${tokens[i + 1]!.lower}`;
    const alternatives = relatedAlternatives(ctx.lexicon.related(phrase), ctx, known, new Set());
    if (alternatives.length === 0) continue;
    covered.add(i).add(i + 1);
    concepts.push({ query: `${tokens[i]!.surface} ${tokens[i + 1]!.surface}`, weight: ctx.maxIdf, alternatives, entity: false, forms: [phrase] });
  }

  const cues = new Set<string>();
  tokens.forEach((token, i) => {
    const cue = QUESTION_CUES[token.lower];
    if (cue && (cue !== 'howmany' || tokens[i - 1]?.lower === 'how')) cues.add(cueTerm(cue));
    if (token.isStop || covered.has(i) || seen.has(token.stem)) return;
    seen.add(token.stem);
    const typed = fixed.get(token);
    const concept = wordConcept(token, i, ctx, known);
    if (typed !== undefined) {
      concept.query = typed;
      for (const alt of concept.alternatives) if (alt.via === 'word') alt.via = 'spelling';
    }
    concepts.push(concept);
  });
  withoutNamesAsSynonyms(concepts);
  const written = writtenWords(question);
  return {
    concepts,
    cues: [...cues],
    type: questionType(tokens),
    maxWeight: ctx.maxIdf,
    ...askedOf(tokens, concepts),
    ...written,
    asksWhatItIs: asksWhatItIs(written.spaced, concepts),
  };
}

/**
 * A name the question writes is not evidence for its other words: in "Who founded the Hudson Institute?",
 * WordNet's "found" ≈ "institute" would let a fact that only names the institute cover "founded" too. A synonym
 * that is a name of the question (as typed, corrected or an alias) is dropped; one that is a plain word stays
 * ("goals and objectives" may find a fact that writes either).
 */
function withoutNamesAsSynonyms(concepts: Concept[]): void {
  const named = new Map<string, Concept>();
  for (const concept of concepts) {
    if (concept.entity) for (const alt of concept.alternatives) if (alt.via !== 'synonym') named.set(alt.term, concept);
  }
  if (named.size === 0) return;
  for (const concept of concepts) {
    concept.alternatives = concept.alternatives.filter((alt) => alt.via !== 'synonym' || (named.get(alt.term) ?? concept) === concept);
  }
}

/** A name as the ways it can be written: its forms, and the knowledge's terms it was read as ("Talibn" → taliban). */
export type Name = ReadonlySet<string>;
export const nameOf = (concept: Concept): Name => new Set([...concept.forms, ...concept.alternatives.filter((a) => a.via !== 'synonym').map((a) => a.term)]);

/** A stored question as the decision compares a question with it (features.ts, storedQuestionMatch). */
export interface StoredQuestion {
  /** Its own words and names as index terms: no synonyms, no corrections. */
  words: ReadonlySet<string>;
  /** How many concepts `planQuery` reads in it. */
  concepts: number;
  type: AnswerType | undefined;
}

/**
 * A fact's stored question read literally, as `planQuery` would read its concepts but without what only a
 * question asked needs (synonyms, weights, corrections of names): a question's first candidates are read
 * here, and the English look-ups for the weights were most of the time.
 */
export function readStoredQuestion(question: string, ctx: QueryContext): StoredQuestion {
  return storedFrom(readNames(question, ctx));
}

function storedFrom({ tokens, fixed, known, concepts, seen, covered }: Reading): StoredQuestion {
  const words = new Set(concepts.flatMap((c) => c.alternatives.filter((a) => a.via === 'alias').map((a) => a.term)));
  let count = concepts.length;
  tokens.forEach((token, i) => {
    if (token.isStop || covered.has(i) || seen.has(token.stem)) return;
    seen.add(token.stem);
    count++;
    if (!fixed.has(token) && known(token.stem)) words.add(token.stem);
  });
  return { words, concepts: count, type: questionType(tokens) };
}

/**
 * A fact's `does_not_answer` phrasing, read once: as a stored question, its words (`tokens`), and its names, each
 * as the ways it can be written, in the order `planQuery` reads a question's (aliases first, then other names
 * left to right) and marked as its `wordConcept` marks them. Without the look-ups of related words and spelling
 * corrections: correcting words the knowledge lacks builds the spelling index, ~0.4 s on `brief ask`'s path,
 * for text a curator wrote (not-answered.ts).
 */
export function readPhrasing(phrasing: string, ctx: QueryContext): { words: StoredQuestion; names: Name[]; tokens: readonly Token[] } {
  const reading = readNames(phrasing, ctx, false);
  const { tokens, known, concepts, covered } = reading;
  const names = concepts.filter((c) => c.entity).map(nameOf);
  tokens.forEach((token, i) => {
    if (!token.isStop && !covered.has(i) && isName(token, i, ctx.lexicon.isEnglish(token.lower), known(token.stem))) names.push(new Set([token.lower, token.stem]));
  });
  return { words: storedFrom(reading), names, tokens };
}

const COMPOUND = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;

/** The question's words as written: those inside hyphenated compounds, and all of them one space apart. */
function writtenWords(question: string): Pick<QueryPlan, 'compounds' | 'spaced'> {
  const folded = fold(question).toLowerCase();
  return {
    compounds: new Set([...folded.matchAll(COMPOUND)].flatMap((m) => m[0].split('-'))),
    spaced: ` ${folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `,
  };
}

// Narrower than answer-type.ts's AUXILIARY: askedOf feeds the fitted speakerMismatch feature, which are/were/can/could/should would change ("What can the Islamic State say…").
const AUXILIARY = new Set(['does', 'did', 'do', 'has', 'have', 'had', 'is', 'was', 'would', 'will']);
const VIEW = /^(think|thinks|say|said|says|want|wants|feel|believe|view|see|ask|asked|call|called|describe|promise|promised|propose|demand|fear|hope|expect|plan|make)$/;
const SAID = /^(say|said|says)$/;

/** "What/Who/Where … does <name> think|say|want …": the entity that opens what stands between the auxiliary and the verb of view, and whether the verb is "say". */
function askedOf(tokens: readonly Token[], concepts: readonly Concept[]): Pick<QueryPlan, 'askedOf' | 'askedSaid'> {
  const aux = tokens.findIndex((t) => AUXILIARY.has(t.lower));
  if (aux < 0 || !/^(what|how|why|who|whom|where|when|which)$/.test(tokens[0]?.lower ?? '')) return {};
  const verb = tokens.findIndex((t, i) => i > aux + 1 && VIEW.test(t.lower));
  if (verb < 0 || verb - aux > 5) return {};
  const between = tokens.slice(aux + 1, verb);
  const words = new Set(between.map((t) => t.lower));
  const written = (c: Concept) => c.entity && c.forms.some((f) => f.split(' ').every((w) => words.has(w)));
  const naming = (t: Token) => concepts.find((c) => written(c) && c.forms.some((f) => f.split(' ').includes(t.lower)));
  // The one asked of opens what stands between ("What does the Biden administration say"), not a clause that
  // names it later ("Who would oversee the elections Massoud wants?" asks who oversees them, not Massoud's view).
  const first = between.find((t) => !t.isStop || naming(t));
  const asked = first && naming(first);
  return asked ? { askedOf: asked, askedSaid: SAID.test(tokens[verb]!.lower) } : {};
}

/** Knowledge terms for the lemmas English relates to a word (synonyms, derivations, pertainyms). */
function relatedAlternatives(
  related: ReadonlyArray<{ word: string; credit: number }>,
  ctx: QueryContext,
  known: (term: string) => boolean,
  exclude: ReadonlySet<string>,
): Alternative[] {
  const { config, index } = ctx;
  const best = new Map<string, Alternative>();
  for (const { word, credit } of related) {
    const tokens = tokenize(word).filter((t) => !t.isStop);
    if (tokens.length !== 1) continue;
    const term = tokens[0]!.stem;
    if (exclude.has(term) || !known(term)) continue;
    const weight = config.synonymCredit * credit;
    const existing = best.get(term);
    if (existing && existing.weight >= weight) continue;
    best.set(term, { term, weight, boost: config.synonymBoost * credit, via: 'synonym', shown: index.displayWord.get(term) ?? word });
  }
  return [...best.values()];
}

/** A name: a word English lacks, or one written with a capital inside the sentence ("Pakistan", "Giotto"). */
const isName = (token: Token, position: number, english: boolean, known: boolean) =>
  (!english || (position > 0 && /^\p{Lu}/u.test(token.surface))) && /^\p{L}/u.test(token.lower) && (position > 0 || !known);

function wordConcept(token: Token, position: number, ctx: QueryContext, known: (term: string) => boolean): Concept {
  const { index, config, lexicon } = ctx;
  const { surface, lower, stem } = token;
  const alternatives: Alternative[] = [];
  const isKnown = known(stem);
  if (isKnown) alternatives.push({ term: stem, weight: 1, boost: 1, via: 'word', shown: index.displayWord.get(stem) ?? lower });
  alternatives.push(...relatedAlternatives(lexicon.related(lower), ctx, known, new Set([stem])));
  const english = lexicon.isEnglish(lower);
  // A word the knowledge lacks says as much as English says it does: "actually" little, "population" a lot.
  let weight = isKnown ? ctx.idf(stem) * lexicon.generality(lower) : ctx.maxIdf * lexicon.informativeness(lower);
  let entity = isName(token, position, english, isKnown);
  if (!isKnown && !english) {
    const corrections = ctx.fuzzy.correct(lower).filter((c) => known(c.term));
    for (const c of corrections) {
      const credit = config.fuzzyWeight * c.similarity;
      alternatives.push({ term: c.term, weight: credit, boost: credit, via: 'spelling', shown: c.word });
    }
    // A misspelt word is as informative as the word meant, not as rare as a word never seen.
    if (corrections[0]) {
      weight = ctx.idf(corrections[0].term);
      entity = !lexicon.isEnglish(corrections[0].word);
    }
  }
  return { query: surface, weight, alternatives, entity, forms: [lower] };
}
