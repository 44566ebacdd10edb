import { LogLevel, type Context, type Middleware, type AnyMiddlewareArgs } from '@slack/bolt';
import type { DeliveryClaims } from './claims';
import type { BotLogger } from './logger';

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

type ClaimMessage = (key: string) => Promise<boolean>;

/**
 * Slack redelivers an event it thinks was lost (same event_id, X-Slack-Retry-Num), possibly to another
 * replica: it is answered once. Listeners claim the message itself through `claimMessage`. When
 * handling fails, the claims are released so that the retry gets an answer. Commands and button
 * clicks carry no event id and are never retried: they pass straight through.
 */
export function dedupeDeliveries(claims: DeliveryClaims, logger: BotLogger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    const held = [`evt:${eventId}`];
    if (!(await claims.claim(held[0]!, eventId))) {
      logger.event(LogLevel.DEBUG, 'duplicate_delivery', { eventId });
      return;
    }
    const claimMessage: ClaimMessage = async (key) => {
      const mine = await claims.claim(`msg:${key}`, eventId);
      if (mine) held.push(`msg:${key}`);
      return mine;
    };
    context.claimMessage = claimMessage;
    try {
      await next();
    } catch (error) {
      await Promise.all(held.map((key) => claims.release(key, eventId)));
      throw error;
    }
    await Promise.all(held.map((key) => claims.done(key, eventId)));
  };
}

/** For a listener: true when this delivery is the one to answer the message `team:channel:ts`. */
export async function claimMessage(context: Context, key: string): Promise<boolean> {
  const claim = context.claimMessage as ClaimMessage | undefined;
  return claim ? claim(key) : true;
}
