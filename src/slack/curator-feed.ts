import type { FeedbackEntry } from '../feedback/log';
import type { FeedbackStore } from '../feedback/store';

/** What the curators' App Home lists from the feedback, newest first. */
export interface CuratorFeed {
  unanswered: FeedbackEntry[];
  disliked: FeedbackEntry[];
}

/** Feedback is kept in time order, so its end is the newest; no feedback yet means nothing to do yet. */
export async function readCuratorFeed(store: FeedbackStore): Promise<CuratorFeed> {
  const entries = (await store.read())?.entries ?? [];
  return {
    unanswered: entries.filter((e) => e.kind === 'unanswered').reverse(),
    disliked: entries.filter((e) => e.kind === 'down').reverse(),
  };
}
