import { excerptContext } from '../../../curation/context';
import { slackMessages } from '../../../messages';
import { ACTIONS, inContextMessage, noticeMessage } from '../../blocks';
import type { Listener } from '../types';
import { findFact, readButtonValue } from './button-value';

/** "In context": the sentence before and after the excerpt in its source's stored text, to whoever clicked. */
export const inContextAction: Listener = {
  kind: 'action',
  name: ACTIONS.inContext,
  register(app, deps) {
    app.action(ACTIONS.inContext, async ({ ack, body, respond }) => {
      await ack();
      const value = readButtonValue(body);
      const fact = value && findFact(deps.engines.current(), value);
      if (!value || !fact) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(slackMessages.answerGone()) });
        return;
      }
      const context = excerptContext(fact, process.cwd());
      await respond({ response_type: 'ephemeral', replace_original: false, ...inContextMessage(fact, context) });
    });
  },
};
