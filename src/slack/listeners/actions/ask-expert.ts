import { expertMessages, slackMessages } from '../../../messages';
import { ACTIONS, noticeMessage, section } from '../../blocks';
import { bookField } from '../../answering';
import { handToExperts, type ClickedIn } from '../../experts';
import type { Listener } from '../types';
import { readButtonValue } from './button-value';

/** "Ask an expert" (on "not covered" and after a 👎): the question goes to EXPERTS_CHANNEL, with who asked and where. */
export const askExpertAction: Listener = {
  kind: 'action',
  name: ACTIONS.askExpert,
  register(app, deps) {
    app.action(ACTIONS.askExpert, async ({ ack, body, client, respond }) => {
      await ack();
      const value = readButtonValue(body);
      const expertsChannel = deps.expertsChannel;
      if (!value || !expertsChannel) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(slackMessages.unreadableButton()) });
        return;
      }
      const container = (body as { container?: ClickedIn }).container;
      const posted = await handToExperts(client, deps, expertsChannel, { asker: value.user, question: value.q, container, ...bookField(deps.engines.current(), value.channel) });
      const text = posted ? expertMessages.asked(expertsChannel) : expertMessages.unreachable();
      await respond({ response_type: 'ephemeral', replace_original: false, text, blocks: [section(text)] });
    });
  },
};
