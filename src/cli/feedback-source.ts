import type { FeedbackEntry } from '../feedback/log';
import { openFeedback, type FeedbackStore } from '../feedback/store';
import { cliMessages as msg } from '../messages';
import type { ChosenBook } from './book';
import type { CliIO } from './io';

export interface FeedbackRead {
  /** The file's path, or "PostgreSQL": never a URL with its password. */
  where: string;
  /** Undefined when nothing was ever recorded there. */
  read: Awaited<ReturnType<FeedbackStore['read']>>;
}

/**
 * The feedback `brief gaps` and `brief stats` read, from where the bot writes it: PostgreSQL with DATABASE_URL,
 * else the log file. Undefined when the store could not be read, which has then been said on stderr.
 */
export async function readFeedbackFor(settings: { feedbackLog: string; databaseUrl?: string }, io: CliIO): Promise<FeedbackRead | undefined> {
  let store: FeedbackStore | undefined;
  try {
    store = await openFeedback(settings);
    return { where: store.where, read: await store.read() };
  } catch (error) {
    io.err(msg.feedbackUnavailable(store?.where ?? 'PostgreSQL', (error as Error).message));
    return undefined;
  } finally {
    await store?.close();
  }
}

/** Only the chosen book's feedback; entries written before there were books are the default book's. */
export function ofBook(entries: readonly FeedbackEntry[], book: Pick<ChosenBook, 'name' | 'defaultName'>): FeedbackEntry[] {
  return entries.filter((e) => (e.book ?? book.defaultName) === book.name);
}
