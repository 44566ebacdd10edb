import { LogLevel, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import type { BotLogger } from './logger';
import { RecentKeys } from './recent';

/** Counts requests being handled, so that stopping can let answers in flight finish. */
export function inFlightCounter(): { middleware: Middleware<AnyMiddlewareArgs>; count: () => number } {
  let inFlight = 0;
  return {
    middleware: async ({ next }) => {
      inFlight++;
      try {
        await next();
      } finally {
        inFlight--;
      }
    },
    count: () => inFlight,
  };
}

/** Slack redelivers an event it thinks was lost (same event_id, X-Slack-Retry-Num): it is answered once. */
export function dedupeDeliveries(logger: BotLogger): Middleware<AnyMiddlewareArgs> {
  const deliveries = new RecentKeys();
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !deliveries.firstTime(eventId)) {
      logger.event(LogLevel.DEBUG, 'duplicate_delivery', { eventId });
      return;
    }
    await next();
  };
}
