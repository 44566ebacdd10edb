import { answerQuestion } from '../../answering';
import { isFromPerson, looksLikeQuestion, type IncomingMessage } from '../../incoming';
import { mentions, questionFromMessage } from '../../mrkdwn';
import { reply } from '../../post';
import type { Listener } from '../types';

/**
 * Channel messages. The bot speaks unprompted only in AUTO_ANSWER_CHANNELS, only to questions, and
 * only with a confident answer, in a thread. Messages that mention the bot are answered by the
 * app_mention listener: Slack delivers them twice, and they are answered once.
 */
export const channelMessage: Listener = {
  kind: 'event',
  name: 'message.channels',
  register(app, deps) {
    app.event('message', async ({ event, context, client, next }) => {
      const message = event as unknown as IncomingMessage;
      if (message.channel_type !== 'channel') return next();
      if (!isFromPerson(message) || !deps.autoAnswerChannels.has(message.channel)) return;
      const text = message.text ?? '';
      if (context.botUserId && mentions(text, context.botUserId)) return;
      const question = questionFromMessage(text);
      if (!question || !looksLikeQuestion(question)) return;
      if (!deps.answeredMessages.firstTime(`${message.channel}:${message.ts}`)) return;
      const ctx = { user: message.user!, team: context.teamId, channel: message.channel, surface: 'auto' as const };
      const answer = await answerQuestion(deps, question, ctx, true);
      if (answer) await reply(client, deps.logger, { channel: message.channel, threadTs: message.thread_ts ?? message.ts }, answer.message);
    });
  },
};
