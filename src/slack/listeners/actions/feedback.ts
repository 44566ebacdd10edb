import type { App } from '@slack/bolt';
import { slackMessages } from '../../../messages';
import { bookField, recordFeedback } from '../../answering';
import { ACTIONS, askExpertBlock, noticeMessage } from '../../blocks';
import type { BotDeps, Listener } from '../types';
import { readButtonValue } from './button-value';

function registerVote(app: App, deps: BotDeps, actionId: string, kind: 'up' | 'down') {
  app.action(actionId, async ({ ack, body, respond }) => {
    await ack();
    const value = readButtonValue(body);
    if (!value) return;
    await recordFeedback(deps, { kind, user: value.user, question: value.q, factId: value.id, ...bookField(deps.engines.current(), value.channel) });
    const thanks = noticeMessage(kind === 'up' ? slackMessages.thanksUp() : slackMessages.thanksDown());
    if (kind === 'down' && deps.expertsChannel) thanks.blocks.push(askExpertBlock(value.q));
    await respond({ response_type: 'ephemeral', replace_original: false, ...thanks });
  });
}

/** 👍 / 👎 on an answer, appended to the feedback log for `brief gaps`. */
export const feedbackUpAction: Listener = {
  kind: 'action',
  name: ACTIONS.feedbackUp,
  register: (app, deps) => registerVote(app, deps, ACTIONS.feedbackUp, 'up'),
};

export const feedbackDownAction: Listener = {
  kind: 'action',
  name: ACTIONS.feedbackDown,
  register: (app, deps) => registerVote(app, deps, ACTIONS.feedbackDown, 'down'),
};
