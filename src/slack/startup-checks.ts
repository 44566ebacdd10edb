import { LogLevel, webApi } from '@slack/bolt';
import type { Config } from '../config';
import { startupMessages as msg } from '../messages';
import type { BotLogger } from './logger';
import { slackErrorCode } from './post';

/** A start-up failure whose message is complete and safe to print as is (one line, no token, no stack). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Who the bot token belongs to: Bolt needs the ids to ignore the bot's own messages. */
export interface BotIdentity {
  botId?: string;
  botUserId?: string;
  team: string;
}

/** Slack's answers that mean the token itself is wrong: retrying cannot help, a new token can. */
const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked']);
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 5_000;

const isPlatformError = (error: unknown): boolean => (error as { code?: unknown }).code === webApi.ErrorCode.PlatformError;

function refusal(name: string, method: string, code: string): StartupError {
  return new StartupError(REJECTED_TOKEN.has(code) ? msg.tokenRejected(name, code) : msg.refused(method, code));
}

/**
 * Calls auth.test before anything listens, so a bad token is reported as such instead of "running".
 * Slack's "no" ends start-up at once; no answer at all (network, 5xx, 429) is retried with doubling
 * waits until `config.startupRetryMs` has passed, one log line per failed try.
 */
export async function verifyBotToken(config: Config, logger: BotLogger, now: () => number = Date.now): Promise<BotIdentity> {
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
    timeout: config.apiTimeoutMs,
    retryConfig: { retries: 0 },
    // Errors only: the client's own "request failed" warning would double each try's line below.
    logger: { ...logger, debug: () => undefined, info: () => undefined, warn: () => undefined },
  });
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await client.auth.test();
      return { botId: result.bot_id, botUserId: result.user_id, team: result.team ?? result.team_id ?? '?' };
    } catch (error) {
      if (isPlatformError(error)) throw refusal('SLACK_BOT_TOKEN', 'auth.test', slackErrorCode(error) ?? 'unknown');
      const detail = (error as Error).message;
      const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_RETRY_MS);
      const giveUp = now() - started + wait > config.startupRetryMs;
      logger.event(LogLevel.WARN, 'slack_unreachable', { method: 'auth.test', attempt, error: detail, ...(giveUp ? {} : { retryInMs: wait }) });
      if (giveUp) throw new StartupError(msg.unreachable(config.apiUrl ?? 'https://slack.com/api/', config.startupRetryMs / 1000, detail));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Explains a failed `app.start()`: in Socket Mode, apps.connections.open is where Slack judges the app token. */
export function startFailure(error: unknown, config: Config): StartupError {
  if (config.mode === 'socket' && isPlatformError(error)) return refusal('SLACK_APP_TOKEN', 'apps.connections.open', slackErrorCode(error) ?? 'unknown');
  return new StartupError(msg.failed((error as Error).message));
}
