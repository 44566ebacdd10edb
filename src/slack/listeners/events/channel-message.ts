import { answerQuestion } from '../../answering';
import { looksLikeQuestion } from '../../incoming';
import { mentions, questionFromMessage } from '../../mrkdwn';
import { reply } from '../../post';
import type { Listener } from '../types';
import { claimMessage } from '../../middleware';
import { onPersonMessage } from './person-message';

/**
 * Channel messages. The bot speaks unprompted only in AUTO_ANSWER_CHANNELS, only to questions, and
 * only with a confident answer, in a thread. Messages that mention the bot are answered by the
 * app_mention listener: Slack delivers them twice, and they are answered once.
 */
export const channelMessage: Listener = {
  kind: 'event',
  name: 'message.channels',
  register(app, deps) {
    onPersonMessage(app, 'channel', async (message, context, client) => {
      if (!deps.autoAnswerChannels.has(message.channel)) return;
      const text = message.text ?? '';
      if (context.botUserId && mentions(text, context.botUserId)) return;
      const question = questionFromMessage(text);
      if (!question || !looksLikeQuestion(question)) return;
      if (!(await claimMessage(context, `${context.teamId}:${message.channel}:${message.ts}`))) return;
      const ctx = { user: message.user!, team: context.teamId, channel: message.channel, surface: 'auto' as const };
      const answer = await answerQuestion(deps, question, ctx, true);
      if (answer) await reply(client, deps.logger, { channel: message.channel, threadTs: message.thread_ts ?? message.ts }, answer.message);
    });
  },
};
