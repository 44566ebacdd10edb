import { fold } from '../engine/analyse';
import type { Engine } from '../engine/engine';
import type { FeedbackEntry } from '../feedback/log';
import { proposedPhrasings } from '../feedback/phrasings';
import { openFeedback, type FeedbackStore } from '../feedback/store';
import { cliMessages as msg } from '../messages';
import { applyPhrasings } from './gaps-apply';
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

/**
 * Reads the feedback (FEEDBACK_LOG, or PostgreSQL with DATABASE_URL) and prints what the curators should
 * look at; with `apply`, writes the proposed phrasings into the knowledge instead.
 */
export async function runGaps(
  settings: { feedbackLog: string; databaseUrl?: string },
  io: CliIO,
  loadEngine: () => Engine,
  apply: boolean,
): Promise<number> {
  let store: FeedbackStore | undefined;
  let read: Awaited<ReturnType<FeedbackStore['read']>>;
  try {
    store = await openFeedback(settings);
    read = await store.read();
  } catch (error) {
    io.err(msg.feedbackUnavailable(store?.where ?? 'PostgreSQL', (error as Error).message));
    return 1;
  } finally {
    await store?.close();
  }
  if (!read) {
    io.out(msg.noFeedbackLog(store.where));
    return 0;
  }
  const { entries, skipped } = read;
  const gaps = findGaps(entries);
  const engine = loadEngine();
  const byId = new Map(engine.facts.map((f) => [f.id, f]));
  const proposals = proposedPhrasings(entries, (id) => byId.get(id)?.questions);
  if (apply) return applyPhrasings(proposals, byId, io);
  io.out('Most frequent unanswered questions (with the closest fact):');
  if (gaps.unanswered.length === 0) io.out('  (none)');
  for (const u of gaps.unanswered) {
    const closest = engine.ask(u.question, { top: 1 }).results[0];
    io.out(`  ${String(u.count).padStart(4)}× ${u.question}${closest ? `   closest: ${closest.fact.id} (match ${closest.relevance.toFixed(2)})` : ''}`);
  }
  io.out('');
  io.out('Facts with most 👎:');
  if (gaps.disliked.length === 0) io.out('  (none)');
  for (const d of gaps.disliked) io.out(`  ${String(d.down).padStart(4)}👎 ${String(d.up).padStart(3)}👍 ${d.factId}`);
  io.out('');
  io.out(msg.proposalsHeading());
  if (proposals.length === 0) io.out('  (none)');
  for (const p of proposals) {
    const fact = byId.get(p.factId)!;
    io.out(`  ${String(p.up).padStart(4)}👍 ${JSON.stringify(p.question)} → ${p.factId} (${fact.file}:${fact.line})`);
  }
  if (skipped) io.err(`Skipped ${skipped} unreadable line(s) in ${store.where}.`);
  return 0;
}
