import type { webApi } from '@slack/bolt';
import type { Message } from './blocks';

/** Posts a bot message with link unfurls off: an excerpt's source must not balloon into a preview card. */
export async function postMessage(client: webApi.WebClient, channel: string, message: Message, threadTs?: string): Promise<void> {
  await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs && { thread_ts: threadTs }),
  });
}
