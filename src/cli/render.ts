import type { CompiledModule } from '../cache/code-cache';
import type { VectorStore } from '../engine/semantic/answerer';
import type { Answer, Engine, RankedFact } from '../engine/engine';
import { explainMatches, worthListing, writtenAlike } from '../engine/explain';
import type { MatchReason } from '../engine/rank';
import { factTopic, sourceLine } from '../knowledge/source-line';
import { asOfDate } from '../knowledge/review';
import type { Fact } from '../knowledge/schema';
import { cliMessages as msg, curationMessages as cur } from '../messages';

export function describeMatch(reason: MatchReason): string {
  switch (reason.via) {
    case 'word':
      return reason.query;
    case 'alias':
      return writtenAlike(reason.query, reason.matched) ? reason.query : `${reason.query} (= ${reason.matched})`;
    case 'synonym':
      return `${reason.query} ≈ ${reason.matched}`;
    case 'spelling':
      return `${reason.query} → ${reason.matched}`;
  }
}

/** The closest facts' topics, for "not in the knowledge base" replies. */
export const topicOf = (result: RankedFact): string => factTopic(result.fact);

/** The engine with the knowledge's alias groups, so matches can be explained in the fact's words. */
export interface CliEngine extends Engine {
  readonly aliases: ReadonlyArray<readonly string[]>;
  /** Where the semantic stage keeps fact vectors between runs (none when there is no usable cache folder). */
  readonly vectorStore?: VectorStore;
  /** Requires a large module through V8's code cache in the cache folder (none when there is no usable folder). */
  readonly requireCompiled?: (id: string) => CompiledModule;
}

/** `context` gives lines to show under the excerpt (`brief ask --context`). */
export function renderText(answer: Answer, engine: CliEngine, context?: (fact: Fact) => string[]): string {
  const lines: string[] = [];
  const [best, ...rest] = answer.results;
  const others = rest.filter(worthListing);
  if (answer.answered && best) {
    lines.push(`Q: ${answer.question}`, '', `  “${best.fact.text}”`, ...(context?.(best.fact) ?? []), '');
    const asOf = asOfDate(best.fact);
    lines.push(`  Source: ${sourceLine(best.fact.source)}${asOf ? ` (${cur.asOf(asOf)})` : ''}`);
    const why = explainMatches(best, engine.aliases).map(describeMatch).join(', ');
    lines.push(`  ${msg.why(why, best.score.toFixed(2), best.fact.id, best.restated, best.spelledOut)}`);
    if (answer.toCheck) lines.push(`  ${msg.toCheck}`);
    if (others.length > 0) {
      lines.push('', `  ${msg.otherMatchesTitle}`);
      for (const other of others) lines.push(`  - [match ${other.relevance.toFixed(2)}] ${topicOf(other)} (${other.fact.id})`);
    }
    return lines.join('\n');
  }
  lines.push(`Q: ${answer.question}`, '', msg.notCovered(answer.question));
  if (answer.results.length > 0) {
    lines.push(msg.closestTopicsTitle());
    for (const r of answer.results) lines.push(`  - ${topicOf(r)} (${r.fact.id})${r.notAnswered ? `: ${msg.notAnsweredBy(r.notAnswered)}` : ''}`);
  } else {
    lines.push(msg.coveredSourcesTitle());
    for (const source of engine.knowledge.sources) lines.push(`  - ${source.title}`);
  }
  return lines.join('\n');
}

/** The JSON shape of `brief ask --json`: answers only when answered; otherwise the closest topics. */
export function toJson(answer: Answer, aliases: CliEngine['aliases']) {
  const facts = answer.results.map((r) => ({
    id: r.fact.id,
    text: r.fact.text,
    score: r.score,
    relevance: r.relevance,
    source: {
      title: r.fact.source.title,
      ...(r.fact.source.publisher && { publisher: r.fact.source.publisher }),
      ...(r.fact.source.date && { date: r.fact.source.date }),
      ...(r.fact.source.url && { url: r.fact.source.url }),
      ...(asOfDate(r.fact) && { as_of: asOfDate(r.fact) }),
    },
    matched: explainMatches(r, aliases),
    ...(r.restated && { restated: true }),
    ...(r.spelledOut !== undefined && { spelled_out: r.spelledOut }),
  }));
  return answer.answered
    ? { question: answer.question, answered: true, ...(answer.toCheck && { to_check: true }), answers: facts }
    : {
        question: answer.question,
        answered: false,
        answers: [],
        closest: facts.map((f, i) => {
          const { notAnswered } = answer.results[i]!;
          return { id: f.id, topic: topicOf(answer.results[i]!), score: f.score, ...(notAnswered && { does_not_answer: notAnswered }) };
        }),
      };
}
