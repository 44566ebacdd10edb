import { tokenize } from '../engine/analyse';

/** Unanswered questions that ask the same thing, most asked first. */
export interface QuestionCluster {
  /** The most frequent wording, shown for the cluster. */
  question: string;
  count: number;
  wordings: string[];
}

const words = (q: string) => new Set(tokenize(q).filter((t) => !t.isStop).map((t) => t.stem));

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** How many of its content words two questions must share (Jaccard) to be one gap. */
export const CLUSTER_SIMILARITY = 0.5;

/**
 * Groups questions greedily, most frequent wording first: each joins the first cluster whose leading
 * wording shares at least half of their content words ("who funds the NRF" / "NRF funding sources").
 */
export function clusterQuestions(questions: readonly string[]): QuestionCluster[] {
  const counts = new Map<string, { question: string; count: number; words: Set<string>; wordings: Map<string, string> }>();
  for (const q of questions) {
    const key = [...words(q)].sort().join(' ') || q.trim().toLowerCase();
    const item = counts.get(key) ?? { question: q.trim(), count: 0, words: words(q), wordings: new Map<string, string>() };
    item.count++;
    // Case and punctuation aside, a wording is listed once.
    const plain = q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!item.wordings.has(plain)) item.wordings.set(plain, q.trim());
    counts.set(key, item);
  }
  const clusters: Array<QuestionCluster & { words: Set<string> }> = [];
  for (const item of [...counts.values()].sort((a, b) => b.count - a.count || a.question.localeCompare(b.question))) {
    const home = clusters.find((c) => similarity(c.words, item.words) >= CLUSTER_SIMILARITY);
    if (home) {
      home.count += item.count;
      home.wordings.push(...item.wordings.values());
    } else clusters.push({ question: item.question, count: item.count, wordings: [...item.wordings.values()], words: item.words });
  }
  return clusters.sort((a, b) => b.count - a.count).map(({ words: _words, ...c }) => c);
}
