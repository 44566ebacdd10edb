import { answerQuestion } from '../../answering';
import { helpMessage } from '../../blocks';
import { isFromPerson, type IncomingMessage } from '../../incoming';
import { questionFromMessage } from '../../mrkdwn';
import { reply as replyTo } from '../../post';
import type { Listener } from '../types';

/** A direct message to the bot: answered in the conversation (in the thread, if it was written in one). */
export const directMessage: Listener = {
  kind: 'event',
  name: 'message.im',
  register(app, deps) {
    app.event('message', async ({ event, context, client, next }) => {
      const message = event as unknown as IncomingMessage;
      if (message.channel_type !== 'im') return next();
      if (!isFromPerson(message) || !deps.answeredMessages.firstTime(`${message.channel}:${message.ts}`)) return;
      const question = questionFromMessage(message.text ?? '');
      const answer =
        question && !/^(help|hi|hello|hey)\W*$/i.test(question)
          ? (await answerQuestion(deps, question, { user: message.user!, team: context.teamId, channel: message.channel, surface: 'dm' })).message
          : helpMessage(deps.engine);
      await replyTo(client, deps.logger, { channel: message.channel, threadTs: message.thread_ts }, answer);
    });
  },
};
