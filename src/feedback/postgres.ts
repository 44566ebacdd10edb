import { openPool } from '../db/migrations';
import { feedbackEntrySchema } from './log';
import type { FeedbackStore } from './store';

/** Feedback in the `brief_feedback` table of DATABASE_URL, migrated on open. */
export async function postgresFeedback(url: string): Promise<FeedbackStore> {
  const pool = await openPool(url);
  return {
    where: 'PostgreSQL (brief_feedback)',
    async append(entry) {
      await pool.query('INSERT INTO brief_feedback (time, kind, "user", question, fact_id, answer, book) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        entry.time,
        entry.kind,
        entry.user,
        entry.question,
        entry.factId ?? null,
        entry.answer ?? null,
        entry.book ?? null,
      ]);
    },
    async read() {
      const { rows } = await pool.query<{ time: Date; kind: string; user: string; question: string; fact_id: string | null; answer: string | null; book: string | null }>(
        'SELECT time, kind, "user", question, fact_id, answer, book FROM brief_feedback ORDER BY id',
      );
      if (rows.length === 0) return undefined;
      const entries = rows.map((r) =>
        feedbackEntrySchema.parse({
          time: r.time.toISOString(),
          kind: r.kind,
          user: r.user,
          question: r.question,
          ...(r.fact_id !== null && { factId: r.fact_id }),
          ...(r.answer !== null && { answer: r.answer }),
          ...(r.book !== null && { book: r.book }),
        }),
      );
      return { entries, skipped: 0 };
    },
    close: () => pool.end(),
  };
}
