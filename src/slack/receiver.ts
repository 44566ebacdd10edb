import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Config } from '../config';
import type { OAuthReceiverOptions } from '../install/oauth-options';
import type { BotLogger } from './logger';

export const EVENTS_PATH = '/slack/events';
/** Bolt rejects requests older than 5 minutes; a timestamp this far ahead is as suspect. */
const MAX_FUTURE_SKEW_S = 5 * 60;

/** Web API client settings: bounded retries (Bolt's default keeps retrying for ~30 minutes) and a timeout. */
export function clientOptions(config: Config) {
  return {
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
    timeout: config.apiTimeoutMs,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true },
  };
}

/** Rejects requests stamped more than 5 minutes in the future before Bolt (which checks only the past) sees them. */
function rejectFutureTimestamps(receiver: HTTPReceiver, logger: BotLogger, now: () => number): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    if (req.method === 'POST' && Number.isFinite(stamp) && stamp - now() / 1000 > MAX_FUTURE_SKEW_S) {
      logger.event(LogLevel.WARN, 'request_rejected', { reason: 'timestamp in the future', path: req.url });
      res.writeHead(401).end();
      return;
    }
    next(req, res);
  };
}

/**
 * How Slack reaches the bot: a Socket Mode connection, or an HTTP server with `POST /slack/events`
 * (signature-checked, future timestamps refused) and `GET /healthz` answering `health()`; with `oauth`,
 * also the install pages (see oauthReceiverOptions).
 */
export function createReceiver(config: Config, logger: BotLogger, health: () => unknown, now: () => number, oauth?: OAuthReceiverOptions): Receiver {
  if (config.mode === 'socket') {
    return new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions: clientOptions(config) }, ...oauth });
  }
  const http = new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: EVENTS_PATH,
    logger,
    processBeforeResponse: false,
    ...oauth,
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(health()));
        },
      },
    ],
  });
  rejectFutureTimestamps(http, logger, now);
  return http;
}
