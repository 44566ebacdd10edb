import { LogLevel, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import { slackMessages as msg } from '../messages';
import { noticeMessage } from './blocks';
import type { BotLogger } from './logger';
import { originOf, type Origin } from './origin';
import { postMessage } from './post';
import type { UserRateLimit } from './rate-limit';
import { RecentKeys } from './recent';

export interface GuardOptions {
  allowedTeams: ReadonlySet<string>;
  allowedChannels: ReadonlySet<string>;
  rateLimitPerMinute: number;
  /** Counts questions against `rateLimitPerMinute` (in this process, or shared through Redis). */
  rateLimit: UserRateLimit;
  logger: BotLogger;
}

const allowed = (set: ReadonlySet<string>, id: string | undefined) => set.size === 0 || (id !== undefined && set.has(id));

/** Counts as a question for the rate limit: a command with text, a mention, a DM from a person. */
function isQuestion(origin: Origin): boolean {
  if (origin.kind === 'command') return !!origin.text?.trim() && !/^\s*help\s*$/i.test(origin.text);
  return origin.kind === 'event' && origin.addressed && origin.fromPerson;
}

/**
 * Allowlists and the per-user rate limit, before any listener runs. Outside the allowlists the bot
 * answers nothing: it declines once per channel when addressed there, and ignores channel chatter.
 * Over the limit, the user is told (once per minute) when to ask again.
 */
export function guards(options: GuardOptions): Middleware<AnyMiddlewareArgs> {
  const declined = new RecentKeys(24 * 60 * 60 * 1000);
  const warned = new RecentKeys(60 * 1000);

  return async (args) => {
    const origin = originOf(args.body);
    const { respond, ack } = args as unknown as {
      respond?: (m: object) => Promise<unknown>;
      ack?: () => Promise<void>;
    };
    const client = (args as unknown as { client: Parameters<typeof postMessage>[0] }).client;
    const tell = async (text: string) => {
      if (origin.kind === 'command' || origin.kind === 'action') {
        await ack?.();
        await respond?.({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(text) });
      } else if (origin.channel) {
        await postMessage(client, origin.channel, noticeMessage(text), origin.threadTs ?? origin.ts);
      }
    };

    if (!allowed(options.allowedTeams, origin.team) || (origin.channel && !allowed(options.allowedChannels, origin.channel))) {
      options.logger.event(LogLevel.INFO, 'declined_not_allowed', { team: origin.team, channel: origin.channel, user: origin.user });
      if (origin.addressed && origin.fromPerson && (origin.kind !== 'event' || declined.firstTime(`${origin.team}:${origin.channel}`))) {
        await tell(msg.notEnabledHere());
      } else {
        await ack?.();
      }
      return;
    }

    if (origin.user && isQuestion(origin)) {
      const wait = await options.rateLimit.take(origin.user);
      if (wait > 0) {
        options.logger.event(LogLevel.INFO, 'rate_limited', { team: origin.team, channel: origin.channel, user: origin.user });
        if (origin.kind === 'command' || warned.firstTime(origin.user)) await tell(msg.rateLimited(options.rateLimitPerMinute, wait));
        return;
      }
    }
    await args.next();
  };
}
