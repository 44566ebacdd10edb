import { existsSync } from 'node:fs';
import { readFeedback, type FeedbackEntry } from '../feedback/log';

/** What the curators' App Home lists from the feedback log, newest first. */
export interface CuratorFeed {
  unanswered: FeedbackEntry[];
  disliked: FeedbackEntry[];
}

/** The log is appended in time order, so its end is the newest; no log yet means nothing to do yet. */
export function readCuratorFeed(file: string): CuratorFeed {
  const entries = existsSync(file) ? readFeedback(file).entries : [];
  return {
    unanswered: entries.filter((e) => e.kind === 'unanswered').reverse(),
    disliked: entries.filter((e) => e.kind === 'down').reverse(),
  };
}
