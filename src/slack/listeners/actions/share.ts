import { LogLevel } from '@slack/bolt';
import { slackMessages } from '../../../messages';
import { answerMessage, ACTIONS, noticeMessage } from '../../blocks';
import { postMessage, slackErrorCode } from '../../post';
import type { Listener } from '../types';
import { findFact, readButtonValue } from './button-value';

const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** "Share in channel": posts the same answer for everyone, noting who shared it. */
export const shareAction: Listener = {
  kind: 'action',
  name: ACTIONS.share,
  register(app, deps) {
    app.action(ACTIONS.share, async ({ ack, body, client, respond }) => {
      await ack();
      const value = readButtonValue(body);
      const fact = value && findFact(deps.engines.current(), value);
      if (!value || !fact || !value.channel) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(slackMessages.answerGone()) });
        return;
      }
      const message = answerMessage(
        { question: value.q, answered: true, ...(value.check && { toCheck: true as const }), results: [{ fact, score: 1, relevance: 1, matched: [] }] },
        { shareable: false, sharedBy: value.user },
      );
      try {
        await postMessage(client, value.channel, message);
      } catch (error) {
        const code = slackErrorCode(error);
        if (!code || !NOT_POSTABLE.has(code)) {
          // The answer stays with its Share button, so the user can try again after the apology.
          deps.logger.event(LogLevel.ERROR, 'slack_api_error', { method: 'chat.postMessage', error: code, channel: value.channel });
          await respond({ response_type: 'ephemeral', replace_original: false, ...noticeMessage(slackMessages.replyFailed()) });
          return;
        }
        // The bot is not a member of every channel /brief is used in; the response URL can still post there.
        await respond({ response_type: 'in_channel', replace_original: false, ...message });
      }
      await respond({ delete_original: true });
    });
  },
};
