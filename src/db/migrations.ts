import type { Pool } from 'pg';

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
  // OAuth installs, one row per workspace ('T:{team}') or organisation ('E:{enterprise}'); Bolt's Installation as is.
  `CREATE TABLE brief_installations (
     key text PRIMARY KEY,
     installation jsonb NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
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

/** A pool on DATABASE_URL (pg is loaded only here), migrated before it is handed out. */
export async function openPool(url: string): Promise<Pool> {
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
  return pool;
}
