import { LogLevel, type webApi } from '@slack/bolt';
import { expertMessages as msg } from '../messages';
import { recordFeedback } from './answering';
import { context, quote, section, SLACK_LIMITS, type Message } from './blocks';
import type { IncomingMessage } from './incoming';
import type { BotDeps, Handoff } from './listeners/types';
import { defang, link, questionFromMessage, truncate } from './mrkdwn';
import { postMessage, slackErrorCode } from './post';

/** Where a button was clicked: the message it sits on, when that message is a real (not ephemeral) one. */
export interface ClickedIn {
  channel_id?: string;
  message_ts?: string;
  is_ephemeral?: boolean;
}

/** A link to the message the question came from, or the channel when the message is ephemeral or has no permalink. */
async function whereAsked(client: webApi.WebClient, container: ClickedIn | undefined): Promise<string | undefined> {
  if (!container?.channel_id) return undefined;
  if (container.message_ts && !container.is_ephemeral) {
    try {
      const { permalink } = await client.chat.getPermalink({ channel: container.channel_id, message_ts: container.message_ts });
      if (permalink) return link(permalink, 'this conversation');
    } catch {
      // No permalink (e.g. a DM the experts cannot open): the channel still says where.
    }
  }
  return `<#${container.channel_id}>`;
}

/** Posts the question in EXPERTS_CHANNEL and remembers the thread, so a reply there reaches the asker. True when posted. */
export async function handToExperts(
  client: webApi.WebClient,
  deps: BotDeps,
  expertsChannel: string,
  ask: Handoff & { container?: ClickedIn },
): Promise<boolean> {
  const where = await whereAsked(client, ask.container);
  const question = defang(truncate(ask.question, SLACK_LIMITS.echoedQuestion));
  const message: Message = {
    text: `${msg.question(ask.asker)} ${question}`,
    blocks: [section(`${msg.question(ask.asker)}\n${quote(ask.question)}`), ...(where ? [context(msg.askedIn(where))] : []), context(msg.replyHint())],
  };
  try {
    const posted = await client.chat.postMessage({ channel: expertsChannel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    if (posted.ts) deps.expertThreads.remember(expertsChannel, posted.ts, { asker: ask.asker, question: ask.question.slice(0, 500), ...(ask.book !== undefined && { book: ask.book }) });
    return true;
  } catch (error) {
    deps.logger.event(LogLevel.ERROR, 'slack_api_error', { method: 'chat.postMessage', error: slackErrorCode(error), channel: expertsChannel });
    return false;
  }
}

/** An expert's reply in a hand-off thread: sent to the asker in a DM, and logged for the curators. */
export async function relayExpertReply(client: webApi.WebClient, deps: BotDeps, handoff: Handoff, reply: IncomingMessage): Promise<void> {
  const answer = questionFromMessage(reply.text ?? '');
  if (!answer || !reply.user) return;
  await recordFeedback(deps, { kind: 'expert', user: reply.user, question: handoff.question, answer, ...(handoff.book !== undefined && { book: handoff.book }) });
  const message: Message = {
    text: defang(`${handoff.question}\n${answer}`),
    blocks: [section(`*Q:* ${defang(truncate(handoff.question, SLACK_LIMITS.echoedQuestion))}\n${msg.answered(reply.user)}\n${quote(answer)}`), context(msg.notFromBriefing())],
  };
  // A user ID as the channel posts in the bot's direct message with that person.
  await postMessage(client, handoff.asker, message);
}
