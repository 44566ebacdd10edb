import { LogLevel } from '@slack/bolt';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { BotLogger } from './logger';
import type { UserRateLimit } from './rate-limit';
import type { SharedRedis } from './redis';

/**
 * The per-user limit counted in Redis, so that replicas share it (a fixed one-minute window per user).
 * While Redis is unreachable it fails open: questions are answered, and the outage is logged once.
 */
export function redisRateLimit(redis: SharedRedis, perMinute: number, logger: BotLogger): UserRateLimit {
  const limiter = new RateLimiterRedis({
    storeClient: redis.client,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: 'brief:rate',
    points: perMinute,
    duration: 60,
  });
  let warned = false;
  return {
    async take(user) {
      try {
        await limiter.consume(user);
        warned = false;
        return 0;
      } catch (result) {
        if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
        if (!warned) logger.event(LogLevel.WARN, 'rate_limit_open', { reason: (result as Error).message });
        warned = true;
        return 0;
      }
    },
  };
}
