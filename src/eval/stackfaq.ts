import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Fact, KnowledgeBase } from '../knowledge/schema';

/** The dataset's copy in the repo (data/ is for development and is not in the published package). */
export const DEFAULT_STACKFAQ = path.resolve(__dirname, '..', '..', 'data', 'stackfaq', 'stackfaq.jsonl');

const threadSchema = z.object({
  id: z.number(),
  question: z.string(),
  answers: z.array(z.string()).min(1),
  paraphrases: z.array(z.string()),
});
export type Thread = z.infer<typeof threadSchema>;

export function readThreads(file = DEFAULT_STACKFAQ): Thread[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => threadSchema.parse(JSON.parse(line)));
}

export type IndexMode = 'title+answer' | 'answer';

/** hit@1 per index mode that the issue asks for: reported, not yet reached. */
export const STACKFAQ_TARGETS: Readonly<Record<IndexMode, number>> = Object.freeze({ 'title+answer': 0.8, answer: 0.55 });
/** hit@1 per index mode the engine must never fall below: its scores when the targets were set. */
export const STACKFAQ_FLOORS: Readonly<Record<IndexMode, number>> = Object.freeze({ 'title+answer': 0.753, answer: 0.46 });

/**
 * One fact per thread: its title as the stored question (unless `answer` mode) and its first answer
 * as the text. Paraphrases are queries only and never indexed. Answers can exceed the 3,000-character
 * limit of curated files; they are kept whole here because the benchmark is about matching.
 */
export function threadsAsKnowledge(threads: readonly Thread[], mode: IndexMode): KnowledgeBase {
  const source = { title: 'StackFAQ (Karan & Šnajder 2018), CC BY-SA' };
  const facts: Fact[] = threads.map((t) => ({
    id: `thread-${t.id}`,
    text: t.answers[0]!,
    questions: mode === 'title+answer' ? [t.question] : [],
    tags: [],
    source,
    file: 'stackfaq.jsonl',
    line: t.id + 1,
  }));
  return { facts, sources: [{ ...source, file: 'stackfaq.jsonl' }], aliases: [], fingerprint: `stackfaq-${mode}` };
}

export interface RetrievalScores {
  queries: number;
  hitAt1: number;
  hitAt5: number;
  mrrAt10: number;
}

/** hit@1, hit@5 and MRR@10 of `rankIds` (best first) over every paraphrase of every thread. */
export function scoreRetrieval(threads: readonly Thread[], rankIds: (query: string) => string[]): RetrievalScores {
  let queries = 0;
  let hit1 = 0;
  let hit5 = 0;
  let mrr = 0;
  for (const thread of threads) {
    const want = `thread-${thread.id}`;
    for (const paraphrase of thread.paraphrases) {
      queries++;
      const rank = rankIds(paraphrase).slice(0, 10).indexOf(want);
      if (rank === 0) hit1++;
      if (rank >= 0 && rank < 5) hit5++;
      if (rank >= 0) mrr += 1 / (rank + 1);
    }
  }
  const share = (x: number) => (queries ? x / queries : 0);
  return { queries, hitAt1: share(hit1), hitAt5: share(hit5), mrrAt10: share(mrr) };
}
