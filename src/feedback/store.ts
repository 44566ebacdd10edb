import { existsSync } from 'node:fs';
import { appendFeedback, readFeedback, type FeedbackEntry } from './log';

/** Where feedback goes: the JSON Lines file (FEEDBACK_LOG), or PostgreSQL when DATABASE_URL is set. */
export interface FeedbackStore {
  /** Named in messages and logs (a file path, or "PostgreSQL"); never a URL with its password. */
  readonly where: string;
  append(entry: FeedbackEntry): Promise<void>;
  /** Undefined when nothing was ever recorded there. */
  read(): Promise<{ entries: FeedbackEntry[]; skipped: number } | undefined>;
  close(): Promise<void>;
}

export function fileFeedback(file: string): FeedbackStore {
  return {
    where: file,
    append: (entry) => appendFeedback(file, entry),
    read: async () => (existsSync(file) ? readFeedback(file) : undefined),
    close: async () => undefined,
  };
}

/** PostgreSQL with DATABASE_URL (the client is loaded only then), else the file. */
export async function openFeedback(options: { feedbackLog: string; databaseUrl?: string }): Promise<FeedbackStore> {
  if (!options.databaseUrl) return fileFeedback(options.feedbackLog);
  const { postgresFeedback } = await import('./postgres');
  return postgresFeedback(options.databaseUrl);
}
