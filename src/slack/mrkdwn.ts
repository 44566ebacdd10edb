/**
 * Slack text in and out. Incoming text arrives encoded (`<@U123>`, `<!channel>`, `<https://x|label>`,
 * `&amp;`); it is decoded to plain text for matching. Anything echoed back is defanged and escaped,
 * so no question can make the bot ping @channel, @here, @everyone, a group or a user.
 */

const ZERO_WIDTH_SPACE = '\u200B';
const SPECIAL_MENTIONS = /<!(channel|here|everyone)(?:\|[^>]*)?>/g;

/** Plain text of a Slack message: mentions and links to their labels, entities decoded. */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `@${label || id}`)
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, label?: string) => `#${label || id}`)
    .replace(SPECIAL_MENTIONS, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_, label?: string) => label || '@group')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!([^>|]*)(?:\|([^>]*))?>/g, (_, name: string, label?: string) => label || name)
    .replace(/<((?:https?|mailto|tel):[^>|]*)(?:\|([^>]*))?>/g, (_, url: string, label?: string) => label || url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const ANY_MENTION = /<(?:@[UW][A-Z0-9]+|!(?:channel|here|everyone)|!subteam\^[A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * The question in a message to the bot: mentions of people, groups, @channel/@here and the bot
 * itself say who is addressed, not what is asked, so they are dropped; the rest is decoded.
 */
export function questionFromMessage(text: string): string {
  return decodeSlackText(text.replace(ANY_MENTION, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Breaks "@channel", "@here", "@everyone" and "@name" so they stay inert text, then escapes. */
export function defang(text: string): string {
  return escapeMrkdwn(text.replace(/@/g, `@${ZERO_WIDTH_SPACE}`));
}

/** `text` cut to at most `max` characters, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** A mrkdwn link, its label defanged like any echoed text; the URL's own `|` and `>` would end the link early, so they are encoded. */
export function link(url: string, label: string): string {
  return `<${url.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${defang(label)}>`;
}

/** Does this Slack text mention the given user? */
export function mentions(text: string, userId: string): boolean {
  return new RegExp(`<@${userId}(?:\\|[^>]*)?>`).test(text);
}
