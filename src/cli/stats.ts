import path from 'node:path';
import type { FeedbackEntry } from '../feedback/log';
import { loadKnowledge } from '../knowledge/load';
import { formatProblem } from '../knowledge/problems';
import { dueForReview, today } from '../knowledge/review';
import { cliMessages, curationMessages as cur } from '../messages';
import type { ChosenBook } from './book';
import { ofBook, readFeedbackFor } from './feedback-source';
import type { CliIO } from './io';

/** "2026-W48": the ISO 8601 week (Monday first; week 1 holds the year's first Thursday). */
export function isoWeek(time: string): string | undefined {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return undefined;
  // The Thursday of the same week decides the year.
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface WeekRow {
  week: string;
  unanswered: number;
  up: number;
  down: number;
}

/** Per week: questions the bot could not answer, and answers rated 👍 or 👎 (each an answered question). */
export function weeklyFeedback(entries: readonly FeedbackEntry[]): WeekRow[] {
  const weeks = new Map<string, WeekRow>();
  for (const entry of entries) {
    const week = isoWeek(entry.time);
    // Experts' replies are not questions asked of the bot.
    if (!week || entry.kind === 'expert') continue;
    const row = weeks.get(week) ?? { week, unanswered: 0, up: 0, down: 0 };
    row[entry.kind]++;
    weeks.set(week, row);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

/**
 * `brief stats`: the size and state of the book's knowledge, and its feedback week by week, read where `brief gaps`
 * reads it (PostgreSQL with DATABASE_URL, else the log file).
 */
export async function runStats(book: ChosenBook, settings: { feedbackLog: string; databaseUrl?: string }, io: CliIO): Promise<number> {
  const result = loadKnowledge(book.dir, io.cwd);
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    return 1;
  }
  const { facts, sources, drafts = [] } = result.knowledge;
  const shown = path.relative(io.cwd, book.dir) || '.';
  io.out(cur.statsKnowledge(shown.startsWith('..') ? book.dir : shown, sources.length, facts.length, drafts.length, dueForReview(facts, today()).length));
  const feedback = await readFeedbackFor(settings, io);
  if (!feedback) return 1;
  if (!feedback.read) {
    io.out(cliMessages.noFeedbackLog(feedback.where));
    return 0;
  }
  const rows = weeklyFeedback(ofBook(feedback.read.entries, book));
  io.out(cur.statsHeader(feedback.where));
  for (const r of rows) io.out(cur.statsRow(r.week, r.unanswered + r.up + r.down, r.up + r.down, r.unanswered, r.up, r.down));
  io.out(cur.statsNote());
  return 0;
}
