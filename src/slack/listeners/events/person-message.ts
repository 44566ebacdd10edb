import type { App, Context, webApi } from '@slack/bolt';
import { isFromPerson, type IncomingMessage } from '../../incoming';

/**
 * Registers `handle` for messages a person wrote in one kind of conversation. Other kinds go on to
 * the next `message` listener; bots, edits, deletions and system notices stop here.
 */
export function onPersonMessage(
  app: App,
  channelType: 'im' | 'channel',
  handle: (message: IncomingMessage, context: Context, client: webApi.WebClient) => Promise<void>,
): void {
  app.event('message', async ({ event, context, client, next }) => {
    const message = event as unknown as IncomingMessage;
    if (message.channel_type !== channelType) return next();
    if (!isFromPerson(message)) return;
    await handle(message, context, client);
  });
}
