import { tokenize } from './analyse';
import type { EngineConfig } from './config';
import type { FuzzyVocabulary } from './fuzzy';
import { cueTerm, type BuiltIndex } from './index-builder';
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
  /** Importance in coverage: the IDF of the concept (unknown words weigh the most). */
  weight: number;
  alternatives: Alternative[];
}

export interface QueryPlan {
  concepts: Concept[];

  /** Answer-kind cue terms ("when", "how many"), used as a light ranking hint only. */
  cues: string[];
}

export interface QueryContext {
  index: BuiltIndex;
  fuzzy: FuzzyVocabulary;
  synonymsOf: (stem: string) => readonly string[];
  idf: (term: string) => number;
  config: EngineConfig;
}

export function planQuery(question: string, ctx: QueryContext): QueryPlan {
  const { index, config } = ctx;
  const tokens = tokenize(question, config.maxQueryTokens);
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const known = (term: string) => index.documentFrequency(term) > 0;
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
    });
  }

  const cues = new Set<string>();
  tokens.forEach((token, i) => {
    const cue = QUESTION_CUES[token.lower];
    if (cue && (cue !== 'howmany' || tokens[i - 1]?.lower === 'how')) cues.add(cueTerm(cue));
    if (token.isStop || covered.has(i) || seen.has(token.stem)) return;
    seen.add(token.stem);
    concepts.push(wordConcept(token.surface, token.lower, token.stem, ctx, known));
  });
  return { concepts, cues: [...cues] };
}

function wordConcept(
  surface: string,
  lower: string,
  stem: string,
  ctx: QueryContext,
  known: (term: string) => boolean,
): Concept {
  const { index, config } = ctx;
  const show = (term: string) => index.displayWord.get(term) ?? term;
  const alternatives: Alternative[] = [];
  if (known(stem)) alternatives.push({ term: stem, weight: 1, boost: 1, via: 'word', shown: show(stem) });
  for (const synonym of ctx.synonymsOf(stem)) {
    if (!known(synonym)) continue;
    alternatives.push({ term: synonym, weight: config.synonymCredit, boost: config.synonymBoost, via: 'synonym', shown: show(synonym) });
  }
  let weight = ctx.idf(stem);
  // A word with known synonyms is a real word the knowledge phrases differently, not a typo.
  if (!known(stem) && alternatives.length === 0) {
    const corrections = ctx.fuzzy.correct(lower).filter((c) => known(c.term));
    for (const c of corrections) {
      const weight = config.fuzzyWeight * c.similarity;
      alternatives.push({ term: c.term, weight, boost: weight, via: 'spelling', shown: c.word });
    }
    // A misspelt word is as informative as the word meant, not as rare as a word never seen.
    if (corrections[0]) weight = ctx.idf(corrections[0].term);
  }
  return { query: surface, weight, alternatives };
}
