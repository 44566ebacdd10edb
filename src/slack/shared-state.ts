import type { Config } from '../config';
import { inProcessClaims, redisClaims, type DeliveryClaims } from './claims';
import type { BotLogger } from './logger';
import { RateLimiter, type UserRateLimit } from './rate-limit';
import { connectRedis } from './redis';

/** What replicas must agree on: who answers a delivery, and how many questions a user asked. */
export interface SharedState {
  claims: DeliveryClaims;
  rateLimit: UserRateLimit;
  /** What is degraded now ('redis'), for /healthz; undefined when all is well. */
  degraded(): string | undefined;
  close(): Promise<void>;
}

/** In this process only: one bot, no Redis. */
export function inProcessState(config: Pick<Config, 'rateLimitPerMinute'>, now?: () => number): SharedState {
  return {
    claims: inProcessClaims(),
    rateLimit: new RateLimiter(config.rateLimitPerMinute, now),
    degraded: () => undefined,
    close: async () => undefined,
  };
}

/** With REDIS_URL, state shared through Redis (its modules are loaded only then); without, in this process. */
export async function openSharedState(config: Pick<Config, 'redisUrl' | 'rateLimitPerMinute'>, logger: BotLogger): Promise<SharedState> {
  if (!config.redisUrl) return inProcessState(config);
  const redis = await connectRedis(config.redisUrl, logger);
  const { redisRateLimit } = await import('./rate-limit-redis');
  return {
    claims: redisClaims(redis, logger),
    rateLimit: config.rateLimitPerMinute > 0 ? redisRateLimit(redis, config.rateLimitPerMinute, logger) : new RateLimiter(0),
    degraded: () => (redis.up() ? undefined : 'redis'),
    close: () => redis.close(),
  };
}
