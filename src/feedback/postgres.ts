import type { Pool } from 'pg';
import { feedbackEntrySchema } from './log';
import type { FeedbackStore } from './store';

/** Schema changes, applied in order once each; never edit one that has shipped, add the next. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE brief_feedback (
     id bigserial PRIMARY KEY,
     time timestamptz NOT NULL,
     kind text NOT NULL CHECK (kind IN ('up', 'down', 'unanswered')),
     "user" text NOT NULL,
     question text NOT NULL,
     fact_id text
   )`,
  // Experts' replies to questions handed to EXPERTS_CHANNEL, with their answer.
  `ALTER TABLE brief_feedback DROP CONSTRAINT brief_feedback_kind_check;
   ALTER TABLE brief_feedback ADD CONSTRAINT brief_feedback_kind_check CHECK (kind IN ('up', 'down', 'unanswered', 'expert'));
   ALTER TABLE brief_feedback ADD COLUMN answer text`,
  // The briefing book asked, when the knowledge has several.
  `ALTER TABLE brief_feedback ADD COLUMN book text`,
];
/** Any fixed number: replicas starting together take this lock, so one of them migrates. */
const MIGRATION_LOCK = 7_415_220_011;

/** Brings the database up to date, under an advisory lock held for the transaction. */
export async function migrate(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS brief_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM brief_migrations');
    const from = rows[0]?.version ?? 0;
    for (let v = from + 1; v <= MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v - 1]!);
      await client.query('INSERT INTO brief_migrations (version) VALUES ($1)', [v]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length - from;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Feedback in the `brief_feedback` table of DATABASE_URL, migrated on open. */
export async function postgresFeedback(url: string): Promise<FeedbackStore> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  // An idle client's error (the server restarted) must not crash the bot: the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
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
