import type { Engine } from '../engine/engine';
import type { ChosenBook } from './book';
import type { FeedbackEntry } from '../feedback/log';
import { proposedPhrasings, refusedPhrasings } from '../feedback/phrasings';
import { cliMessages as msg } from '../messages';
import { ENGINE_DEFAULTS } from '../engine/config';
import { clusterQuestions, type QuestionCluster } from '../feedback/clusters';
import { borrowedWordsFinder } from '../curation/borrowed-words';
import { claimPhrasings } from '../curation/shared-questions';
import { ofBook, readFeedbackFor } from './feedback-source';
import type { CliIO } from './io';

export interface Gaps {
  unanswered: QuestionCluster[];
  disliked: Array<{ factId: string; down: number; up: number }>;
}

/** Unanswered questions grouped by what they ask (most asked first) and the facts with most 👎. */
export function findGaps(entries: readonly FeedbackEntry[], limit = 10): Gaps {
  const votes = new Map<string, { factId: string; down: number; up: number }>();
  for (const e of entries) {
    if ((e.kind === 'up' || e.kind === 'down') && e.factId) {
      const item = votes.get(e.factId) ?? { factId: e.factId, down: 0, up: 0 };
      item[e.kind]++;
      votes.set(e.factId, item);
    }
  }
  return {
    unanswered: clusterQuestions(entries.filter((e) => e.kind === 'unanswered').map((e) => e.question)).slice(0, limit),
    disliked: [...votes.values()]
      .filter((v) => v.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up || a.factId.localeCompare(b.factId))
      .slice(0, limit),
  };
}

/**
 * Below the answer threshold but this likely to answer (and past the lexical gate), the closest fact is
 * proposed for the question's phrasing; less likely, the gap is one no fact covers.
 */
const GAP_PROPOSAL_PROBABILITY = 0.3;

/** A gap's proposal: the closest fact when it plausibly answers, else "write one". */
function gapProposal(engine: Engine, cluster: QuestionCluster): { factId?: string; closest?: string; relevance: number } {
  const closest = engine.ask(cluster.question, { top: 1 }).results[0];
  if (!closest) return { relevance: 0 };
  const plausible = closest.relevance >= ENGINE_DEFAULTS.lexicalGate && closest.score >= GAP_PROPOSAL_PROBABILITY;
  return plausible ? { factId: closest.fact.id, relevance: closest.relevance } : { closest: closest.fact.id, relevance: closest.relevance };
}

/**
 * Reads the feedback (FEEDBACK_LOG, or PostgreSQL with DATABASE_URL) and prints what the curators should
 * look at; with `apply`, writes the proposed phrasings into the knowledge instead, and with `refuse` the
 * refused ones (👎) into the facts' `does_not_answer`: separate, since one person's 👎 rules a question out.
 */
export async function runGaps(
  settings: { feedbackLog: string; databaseUrl?: string },
  io: CliIO,
  loadEngine: () => Engine & { book: ChosenBook },
  apply: boolean,
  accepted: ReadonlySet<number> = new Set(),
  refuse = false,
): Promise<number> {
  const feedback = await readFeedbackFor(settings, io);
  if (!feedback) return 1;
  const { where, read } = feedback;
  if (!read) {
    io.out(msg.noFeedbackLog(where));
    return 0;
  }
  const engine = loadEngine();
  const entries = ofBook(read.entries, engine.book);
  const { skipped } = read;
  const gaps = findGaps(entries);
  const byId = new Map(engine.facts.map((f) => [f.id, f]));
  const proposals = proposedPhrasings(entries, (id) => byId.get(id));
  const refusals = refusedPhrasings(entries, (id) => byId.get(id));
  const gapProposals = gaps.unanswered.map((cluster) => ({ cluster, ...gapProposal(engine, cluster) }));
  // Built on first use: it reads every fact's words.
  let finder: ReturnType<typeof borrowedWordsFinder> | undefined;
  const borrowed = (question: string, factId: string) => (finder ??= borrowedWordsFinder(engine.facts))(question, factId);
  // Only a gap shown as "proposal N" names a fact to write into; a wrong number writes nothing at all.
  const numbered = gapProposals.flatMap((g, i) => (g.factId ? [i + 1] : []));
  const unknown = [...accepted].filter((n) => !numbered.includes(n));
  if (unknown.length > 0) {
    io.err(msg.notProposals(unknown, numbered));
    return 2;
  }
  if (apply || accepted.size > 0 || refuse) {
    // Loaded only here: writing into knowledge files needs the `yaml` package, which a plain `brief gaps` does not.
    const { applyPhrasings } = await import('./gaps-apply');
    const acceptedGaps = gapProposals.flatMap((g, i) => (accepted.has(i + 1) && g.factId ? [{ factId: g.factId, question: g.cluster.question, up: g.cluster.count, down: 0 }] : []));
    const phrasings = [...(apply ? proposals : []), ...acceptedGaps];
    if ((apply || accepted.size > 0) && phrasings.length === 0) io.out(msg.noProposals());
    if (refuse && refusals.length === 0) io.out(msg.noRefusals());
    return applyPhrasings(phrasings, byId, io, borrowed, refuse ? refusals : []);
  }
  const caution = (question: string, factId: string) => {
    const words = borrowed(question, factId);
    if (words.length > 0) io.out(`        ${msg.borrowedWords(factId, words)}`);
  };
  io.out(msg.gapsHeading());
  if (gaps.unanswered.length === 0) io.out('  (none)');
  gapProposals.forEach(({ cluster, factId, closest, relevance }, i) => {
    const also = cluster.wordings.length > 1 ? `   (also: ${cluster.wordings.slice(1, 3).map((w) => JSON.stringify(w)).join(', ')})` : '';
    io.out(`  ${String(cluster.count).padStart(4)}× ${cluster.question}${also}`);
    io.out(`        ${factId ? msg.gapAddPhrasing(i + 1, factId, relevance) : msg.gapWriteFact(closest, relevance)}`);
    if (factId) caution(cluster.question, factId);
  });
  io.out('');
  io.out(msg.dislikedHeading());
  if (gaps.disliked.length === 0) io.out('  (none)');
  for (const d of gaps.disliked) io.out(`  ${String(d.down).padStart(4)}👎 ${String(d.up).padStart(3)}👍 ${d.factId}`);
  io.out('');
  io.out(msg.proposalsHeading());
  if (proposals.length === 0) io.out('  (none)');
  const held = new Map(claimPhrasings(proposals, engine.facts).held.map((h) => [h.proposal, h]));
  for (const p of proposals) {
    const fact = byId.get(p.factId)!;
    io.out(`  ${String(p.up).padStart(4)}👍 ${JSON.stringify(p.question)} → ${p.factId} (${fact.file}:${fact.line})`);
    const h = held.get(p);
    if (h) io.out(`        ${msg.proposalHeld(h.holder, h.stored)}`);
    else caution(p.question, p.factId);
  }
  io.out('');
  io.out(msg.refusalsHeading());
  if (refusals.length === 0) io.out('  (none)');
  for (const r of refusals) {
    const fact = byId.get(r.factId)!;
    io.out(`  ${String(r.down).padStart(4)}👎 ${JSON.stringify(r.question)} → ${r.factId} (${fact.file}:${fact.line})`);
  }
  if (skipped) io.err(msg.skippedLines(skipped, where));
  return 0;
}
