import { answerQuestion } from '../../answering';
import { smallTalkMessage } from '../../blocks';
import { smallTalk } from '../../incoming';
import { questionFromMessage } from '../../mrkdwn';
import type { Listener } from '../types';

/** `/brief QUESTION`: acked at once, answered only to the asker. `/brief`, `/brief help` or a greeting: how to ask (small talk, incoming.ts). */
export const briefCommand: Listener = {
  kind: 'command',
  name: '/brief',
  register(app, deps) {
    app.command('/brief', async ({ command, ack, respond }) => {
      await ack();
      const question = questionFromMessage(command.text ?? '');
      const talk = smallTalk(question);
      if (talk) {
        await respond({ response_type: 'ephemeral', ...smallTalkMessage(talk, deps.engines.current().forChannel(command.channel_id).engine) });
        return;
      }
      const { message } = await answerQuestion(deps, question, {
        user: command.user_id,
        team: command.team_id,
        channel: command.channel_id,
        surface: 'command',
      });
      await respond({ response_type: 'ephemeral', ...message });
    });
  },
};
