import { LogLevel } from '@slack/bolt';
import type { RedisClientType } from '@redis/client';
import type { BotLogger } from './logger';

/** How long start-up waits for Redis before serving degraded (it keeps reconnecting in the background). */
const FIRST_CONNECT_WAIT_MS = 3000;

export interface SharedRedis {
  client: RedisClientType;
  /** Connected and ready for commands now. */
  up(): boolean;
  close(): Promise<void>;
}

/**
 * Connects to REDIS_URL (the client is loaded only here, so a bot without Redis never loads it).
 * Commands fail at once while disconnected (no offline queue: an answer must never wait on Redis),
 * and the client reconnects by itself; an outage is logged once when it starts and once when it ends.
 */
export async function connectRedis(url: string, logger: BotLogger): Promise<SharedRedis> {
  const { createClient } = await import('@redis/client');
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  }) as unknown as RedisClientType;
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.event(LogLevel.WARN, 'redis_unavailable', { error: error.message });
  });
  client.on('ready', () => {
    if (down) logger.event(LogLevel.INFO, 'redis_recovered', {});
    down = false;
  });
  const connected = client.connect().catch(() => undefined);
  await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())]);
  return {
    client,
    up: () => client.isReady,
    close: async () => {
      client.destroy();
    },
  };
}
