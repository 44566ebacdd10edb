import { appendFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * One line of the feedback log (JSON Lines): a 👍/👎 on an answer, a question the bot could not
 * answer, or an expert's reply to a question handed to EXPERTS_CHANNEL (`user` is the expert).
 */
export const feedbackEntrySchema = z.object({
  time: z.string(),
  kind: z.enum(['up', 'down', 'unanswered', 'expert']),
  user: z.string(),
  question: z.string(),
  factId: z.string().optional(),
  answer: z.string().optional(),
  /** The briefing book asked, when the knowledge has several (see knowledge/README.md). */
  book: z.string().optional(),
});
export type FeedbackEntry = z.infer<typeof feedbackEntrySchema>;

/** Appends one entry; appends are atomic per line for small writes, so concurrent listeners don't interleave. */
export async function appendFeedback(file: string, entry: FeedbackEntry): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(entry)}\n`, 'utf8');
}

/** Reads the log, skipping lines that are not valid entries (a half-written last line must not hide the rest). */
export function readFeedback(file: string): { entries: FeedbackEntry[]; skipped: number } {
  const entries: FeedbackEntry[] = [];
  let skipped = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(feedbackEntrySchema.parse(JSON.parse(line)));
    } catch {
      skipped++;
    }
  }
  return { entries, skipped };
}
