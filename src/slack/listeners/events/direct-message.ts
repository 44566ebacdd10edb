import { answerQuestion } from '../../answering';
import { smallTalkMessage } from '../../blocks';
import { smallTalk } from '../../incoming';
import { questionFromMessage } from '../../mrkdwn';
import { reply as replyTo } from '../../post';
import type { Listener } from '../types';
import { claimMessage } from '../../middleware';
import { onPersonMessage } from './person-message';

/** A direct message to the bot: answered in the conversation (in the thread, if it was written in one). */
export const directMessage: Listener = {
  kind: 'event',
  name: 'message.im',
  register(app, deps) {
    onPersonMessage(app, 'im', async (message, context, client) => {
      if (!(await claimMessage(context, `${context.teamId}:${message.channel}:${message.ts}`))) return;
      const question = questionFromMessage(message.text ?? '');
      const talk = smallTalk(question);
      const answer = talk
        ? smallTalkMessage(talk, deps.engines.current().forChannel(message.channel).engine)
        : (await answerQuestion(deps, question, { user: message.user!, team: context.teamId, channel: message.channel, surface: 'dm' })).message;
      await replyTo(client, deps.logger, { channel: message.channel, threadTs: message.thread_ts }, answer);
    });
  },
};
