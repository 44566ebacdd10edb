import { answerQuestion } from '../../answering';
import { relayExpertReply } from '../../experts';
import { withThreadSubject } from '../../follow-up';
import { looksLikeQuestion, smallTalk } from '../../incoming';
import { mentions, questionFromMessage } from '../../mrkdwn';
import { reply } from '../../post';
import type { Listener } from '../types';
import { claimMessage } from '../../middleware';
import { onPersonMessage } from './person-message';

/**
 * Channel messages. A reply in the thread of a question handed to EXPERTS_CHANNEL goes to the asker.
 * Otherwise the bot speaks unprompted only to questions: in the thread of a mention it
 * answered (a follow-up, answered like a mention, borrowing the thread's subject), and in
 * AUTO_ANSWER_CHANNELS only with a confident answer, in a thread. Messages that mention the bot are
 * answered by the app_mention listener: Slack delivers them twice, and they are answered once.
 */
export const channelMessage: Listener = {
  kind: 'event',
  name: 'message.channels',
  register(app, deps) {
    onPersonMessage(app, 'channel', async (message, context, client) => {
      const handoff = message.thread_ts && message.channel === deps.expertsChannel && deps.expertThreads.recall(message.channel, message.thread_ts);
      if (handoff) {
        if (await claimMessage(context, `${context.teamId}:${message.channel}:${message.ts}`)) await relayExpertReply(client, deps, handoff, message);
        return;
      }
      // '' is a thread the bot opened with a help reply: its own, with no subject to borrow.
      const threadQuestion = message.thread_ts ? deps.answeredThreads.recall(message.channel, message.thread_ts) : undefined;
      if (threadQuestion === undefined && !deps.autoAnswerChannels.has(message.channel)) return;
      const text = message.text ?? '';
      if (context.botUserId && mentions(text, context.botUserId)) return;
      const question = questionFromMessage(text);
      if (smallTalk(question) || !looksLikeQuestion(question)) return;
      if (!(await claimMessage(context, `${context.teamId}:${message.channel}:${message.ts}`))) return;
      const threadTs = message.thread_ts ?? message.ts;
      const ctx = { user: message.user!, team: context.teamId, channel: message.channel };
      const answer =
        threadQuestion !== undefined
          ? await answerQuestion(deps, withThreadSubject(question, threadQuestion), { ...ctx, surface: 'follow-up' })
          : await answerQuestion(deps, question, { ...ctx, surface: 'auto' }, true);
      if (answer) await reply(client, deps.logger, { channel: message.channel, threadTs }, answer.message);
    });
  },
};
