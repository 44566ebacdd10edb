import { worthListing } from '../../../engine/explain';
import { slackMessages } from '../../../messages';
import { rankAnswers } from '../../answering';
import { ACTIONS, noticeMessage, otherMatchesMessage } from '../../blocks';
import type { Listener } from '../types';
import { readButtonValue } from './button-value';

/** "Other matches": the next two facts for the same question, shown only to whoever asked for them. */
export const otherMatchesAction: Listener = {
  kind: 'action',
  name: ACTIONS.otherMatches,
  register(app, deps) {
    app.action(ACTIONS.otherMatches, async ({ ack, body, respond }) => {
      await ack();
      const value = readButtonValue(body);
      if (!value) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(slackMessages.unreadableButton()) });
        return;
      }
      const { engine } = deps.engines.current().forChannel(value.channel);
      const others = (await rankAnswers(deps, engine, value.q, 3)).results.filter((r) => r.fact.id !== value.id && worthListing(r)).slice(0, 2);
      await respond({ response_type: 'ephemeral', replace_original: false, ...otherMatchesMessage(value.q, others) });
    });
  },
};
