import { answerQuestion } from '../../answering';
import { smallTalkMessage } from '../../blocks';
import { smallTalk } from '../../incoming';
import { questionFromMessage } from '../../mrkdwn';
import { reply } from '../../post';
import { claimMessage } from '../../middleware';
import type { Listener } from '../types';

/** @mention in a channel: the answer goes in a thread under the question; later questions in that thread need no mention. */
export const appMention: Listener = {
  kind: 'event',
  name: 'app_mention',
  register(app, deps) {
    app.event('app_mention', async ({ event, context, client }) => {
      if (event.bot_id || !event.user) return;
      if (!(await claimMessage(context, `${context.teamId}:${event.channel}:${event.ts}`))) return;
      const threadTs = event.thread_ts ?? event.ts;
      const question = questionFromMessage(event.text);
      const talk = smallTalk(question);
      const message = talk
        ? smallTalkMessage(talk, deps.engines.current().forChannel(event.channel).engine)
        : (await answerQuestion(deps, question, { user: event.user, team: context.teamId, channel: event.channel, surface: 'mention' })).message;
      const posted = await reply(client, deps.logger, { channel: event.channel, threadTs }, message);
      // After a help reply the thread is the bot's too (its next question needs no mention), with no subject yet.
      if (posted) deps.answeredThreads.remember(event.channel, threadTs, talk ? '' : question.slice(0, 500));
    });
  },
};
