import { LogLevel } from '@slack/bolt';
import type { BotLogger } from './logger';
import { RecentKeys } from './recent';
import type { SharedRedis } from './redis';

/**
 * Who answers a delivery. Keys: `evt:{event_id}` for an event, `msg:{team}:{channel}:{ts}` for a
 * message (a mention arrives twice, as app_mention and message.channels, with two event ids).
 * `owner` names the delivery holding the claim, so one delivery never frees another's.
 */
export interface DeliveryClaims {
  /** True for the first delivery to claim `key`; false while another holds it or has handled it. */
  claim(key: string, owner: string): Promise<boolean>;
  /** Handled: the key stays claimed until it expires. */
  done(key: string, owner: string): Promise<void>;
  /** Handling failed: the key is freed so that Slack's retry can be answered. */
  release(key: string, owner: string): Promise<void>;
}

/** One process: keys remembered in memory (an hour, capped), never freed. */
export function inProcessClaims(recent = new RecentKeys()): DeliveryClaims {
  return {
    claim: async (key) => recent.firstTime(key),
    done: async () => undefined,
    release: async () => undefined,
  };
}

/** Longer than Slack's retries (three, over about six minutes). */
export const CLAIM_TTL_S = 900;
const PREFIX = 'brief:';
/** Frees a claim only if `owner` still holds it (atomically). */
const RELEASE_IF_OWNER = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

/**
 * Replicas sharing Redis: `SET NX EX` claims a key for one of them. While Redis is unreachable, claims
 * fall back to this process's memory (logged once per outage), so the bot keeps answering.
 */
export function redisClaims(redis: SharedRedis, logger: BotLogger): DeliveryClaims {
  const local = inProcessClaims();
  let warned = false;
  const shared = async <T>(op: () => Promise<T>, fallback: () => Promise<T>): Promise<T> => {
    if (redis.up()) {
      try {
        const result = await op();
        warned = false;
        return result;
      } catch (error) {
        if (!warned) logger.event(LogLevel.WARN, 'claims_in_process', { reason: (error as Error).message });
        warned = true;
        return fallback();
      }
    }
    if (!warned) logger.event(LogLevel.WARN, 'claims_in_process', { reason: 'redis unavailable' });
    warned = true;
    return fallback();
  };
  return {
    claim: (key, owner) => shared(async () => (await redis.client.set(PREFIX + key, owner, { NX: true, EX: CLAIM_TTL_S })) === 'OK', () => local.claim(key, owner)),
    done: (key) => shared(async () => void (await redis.client.set(PREFIX + key, 'done', { XX: true, EX: CLAIM_TTL_S })), async () => undefined),
    release: (key, owner) => shared(async () => void (await redis.client.eval(RELEASE_IF_OWNER, { keys: [PREFIX + key], arguments: [owner] })), async () => undefined),
  };
}
