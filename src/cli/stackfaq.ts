import { parseArgs } from 'node:util';
import { createEngine } from '../engine/engine';
import { SemanticAnswerer } from '../engine/semantic/answerer';
import { loadEmbedder } from '../engine/semantic/embedder';
import {
  DEFAULT_STACKFAQ,
  readThreads,
  scoreRetrieval,
  STACKFAQ_FLOORS,
  STACKFAQ_TARGETS,
  threadsAsKnowledge,
  type IndexMode,
  type RetrievalScores,
} from '../eval/stackfaq';

/** Lexical baselines measured on this machine kind (data/stackfaq/README.md), hit@1. */
const BASELINES: ReadonlyArray<[string, number, number]> = [
  ['fuse.js 7.5 default options', 0.292, 0.038],
  ['minisearch + stemming + stop words', 0.651, 0.376],
  ['lunr 2.3.9', 0.677, 0.417],
  ['wink-bm25-text-search 3.1.2', 0.675, 0.426],
];

export function evaluateStackFaq(file = DEFAULT_STACKFAQ): Record<IndexMode, RetrievalScores> {
  const threads = readThreads(file);
  const run = (mode: IndexMode) => {
    const engine = createEngine(threadsAsKnowledge(threads, mode));
    return scoreRetrieval(threads, (q) => engine.ask(q, { top: 10 }).results.map((r) => r.fact.id));
  };
  return { 'title+answer': run('title+answer'), answer: run('answer') };
}

/** The same through the semantic stage (`--semantic`; ~1–2 minutes: every thread and query is embedded). */
export async function evaluateStackFaqSemantic(file = DEFAULT_STACKFAQ): Promise<Record<IndexMode, RetrievalScores>> {
  const threads = readThreads(file);
  const semantic = new SemanticAnswerer(loadEmbedder);
  const run = async (mode: IndexMode) => {
    const engine = createEngine(threadsAsKnowledge(threads, mode));
    const ranked = new Map<string, string[]>();
    for (const q of threads.flatMap((t) => t.paraphrases)) ranked.set(q, (await semantic.ask(engine, q, { top: 10, wait: true })).results.map((r) => r.fact.id));
    return scoreRetrieval(threads, (q) => ranked.get(q) ?? []);
  };
  return { 'title+answer': await run('title+answer'), answer: await run('answer') };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dataset: { type: 'string' }, semantic: { type: 'boolean' } } });
  const scores = values.semantic ? await evaluateStackFaqSemantic(values.dataset ?? DEFAULT_STACKFAQ) : evaluateStackFaq(values.dataset ?? DEFAULT_STACKFAQ);
  if (values.semantic) console.log('Semantic stage (the floors and targets are checked on the lexical engine: npm run eval:stackfaq)');
  const f = (x: number) => x.toFixed(3);
  console.log(`StackFAQ: ${scores.answer.queries} paraphrases as queries (never indexed), 125 threads as facts\n`);
  console.log('index           hit@1   hit@5   MRR@10  target   floor    (hit@1)');
  for (const mode of ['title+answer', 'answer'] as const) {
    const s = scores[mode];
    const status = s.hitAt1 < STACKFAQ_FLOORS[mode] ? 'BELOW FLOOR' : s.hitAt1 < STACKFAQ_TARGETS[mode] ? 'target not met' : 'target met';
    console.log(`${mode.padEnd(14)}  ${f(s.hitAt1)}   ${f(s.hitAt5)}   ${f(s.mrrAt10)}   ≥ ${f(STACKFAQ_TARGETS[mode])}  ≥ ${f(STACKFAQ_FLOORS[mode])}  ${status}`);
  }
  console.log('\nLexical baselines (hit@1, title+answer / answer only):');
  for (const [name, both, answerOnly] of BASELINES) console.log(`  ${name.padEnd(36)} ${f(both)} / ${f(answerOnly)}`);
  if (values.semantic) return;
  // Only a regression fails: the targets are not reached yet, the floors are today's scores.
  const fell = (['title+answer', 'answer'] as const).filter((m) => scores[m].hitAt1 < STACKFAQ_FLOORS[m]);
  if (fell.length) {
    console.error(`\nBelow the floor (a regression): ${fell.join(', ')}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
