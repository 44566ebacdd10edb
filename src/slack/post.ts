import { LogLevel, type webApi } from '@slack/bolt';
import { slackMessages } from '../messages';
import { noticeMessage, type Message } from './blocks';
import type { BotLogger } from './logger';

/** Posts a bot message with link unfurls off: an excerpt's source must not balloon into a preview card. */
export async function postMessage(client: webApi.WebClient, channel: string, message: Message, threadTs?: string): Promise<void> {
  await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs && { thread_ts: threadTs }),
  });
}

/** Slack's error code of a failed Web API call ("not_in_channel", "ratelimited", …), or the client's. */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as { data?: { error?: string }; code?: string; original?: { data?: { error?: string } } };
  return e.data?.error ?? e.original?.data?.error ?? e.code;
}

/** Where another post would fail just the same, so no apology is attempted. */
const HOPELESS = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'missing_scope']);

/**
 * Posts a reply; when Slack refuses it, logs the method and error code and, where another post can
 * still get through, tells the user in the same place instead of leaving them without an answer.
 */
export async function reply(
  client: webApi.WebClient,
  logger: BotLogger,
  target: { channel: string; threadTs?: string },
  message: Message,
): Promise<boolean> {
  try {
    await postMessage(client, target.channel, message, target.threadTs);
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    logger.event(LogLevel.ERROR, 'slack_api_error', { method: 'chat.postMessage', error: code, channel: target.channel });
    if (code && HOPELESS.has(code)) return false;
    try {
      await postMessage(client, target.channel, noticeMessage(slackMessages.replyFailed()), target.threadTs);
    } catch (second) {
      logger.event(LogLevel.ERROR, 'slack_api_error', { method: 'chat.postMessage', error: slackErrorCode(second), channel: target.channel });
    }
    return false;
  }
}
