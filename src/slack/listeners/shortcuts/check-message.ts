import { LogLevel } from '@slack/bolt';
import { claimCheckMessage } from '../../check-blocks';
import { checkClaims, splitClaims } from '../../claim-check';
import type { Listener } from '../types';

export const CHECK_MESSAGE_SHORTCUT = 'brief_check_message';

/**
 * "Check against the briefing" on a message: what the knowledge says on each of its sentences,
 * shown only to the user who asked, in that conversation (through the response URL, which works
 * in channels the bot is not a member of).
 */
export const checkMessageShortcut: Listener = {
  kind: 'shortcut',
  name: CHECK_MESSAGE_SHORTCUT,
  register(app, deps) {
    app.shortcut({ callback_id: CHECK_MESSAGE_SHORTCUT, type: 'message_action' }, async ({ shortcut, ack, respond }) => {
      await ack();
      // The book of the conversation the message is in, as for a question asked there.
      const book = deps.engines.current().forChannel(shortcut.channel.id);
      const checked = checkClaims(book.engine, splitClaims(shortcut.message.text ?? ''));
      deps.logger.event(LogLevel.INFO, 'claim_check', {
        team: shortcut.team?.id,
        channel: shortcut.channel.id,
        user: shortcut.user.id,
        claims: checked.length,
        supported: checked.filter((c) => c.support.length > 0).length,
      });
      await respond({ response_type: 'ephemeral', replace_original: false, ...claimCheckMessage(checked) });
    });
  },
};
