import { existsSync } from 'node:fs';
import { fold } from '../engine/analyse';
import { readFeedback, type FeedbackEntry } from '../feedback/log';
import type { CliIO } from './io';

export interface Gaps {
  unanswered: Array<{ question: string; count: number }>;
  disliked: Array<{ factId: string; down: number; up: number }>;
}

const questionKey = (q: string) => fold(q).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Most frequent unanswered questions (case and punctuation aside) and the facts with most 👎. */
export function findGaps(entries: readonly FeedbackEntry[], limit = 10): Gaps {
  const unanswered = new Map<string, { question: string; count: number }>();
  const votes = new Map<string, { factId: string; down: number; up: number }>();
  for (const e of entries) {
    if (e.kind === 'unanswered') {
      const key = questionKey(e.question);
      const item = unanswered.get(key) ?? { question: e.question, count: 0 };
      item.count++;
      unanswered.set(key, item);
    } else if (e.factId && e.kind !== 'expert') {
      const item = votes.get(e.factId) ?? { factId: e.factId, down: 0, up: 0 };
      item[e.kind]++;
      votes.set(e.factId, item);
    }
  }
  return {
    unanswered: [...unanswered.values()].sort((a, b) => b.count - a.count || a.question.localeCompare(b.question)).slice(0, limit),
    disliked: [...votes.values()]
      .filter((v) => v.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up || a.factId.localeCompare(b.factId))
      .slice(0, limit),
  };
}

export function runGaps(file: string, io: CliIO): number {
  if (!existsSync(file)) {
    io.out(`No feedback log at ${file} yet: it fills as people ask the bot and press 👍/👎.`);
    return 0;
  }
  const { entries, skipped } = readFeedback(file);
  const gaps = findGaps(entries);
  io.out('Most frequent unanswered questions:');
  if (gaps.unanswered.length === 0) io.out('  (none)');
  for (const u of gaps.unanswered) io.out(`  ${String(u.count).padStart(4)}× ${u.question}`);
  io.out('');
  io.out('Facts with most 👎:');
  if (gaps.disliked.length === 0) io.out('  (none)');
  for (const d of gaps.disliked) io.out(`  ${String(d.down).padStart(4)}👎 ${String(d.up).padStart(3)}👍 ${d.factId}`);
  if (skipped) io.err(`Skipped ${skipped} unreadable line(s) in ${file}.`);
  return 0;
}
