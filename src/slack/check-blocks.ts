import type { types as slack } from '@slack/bolt';
import { checkMessages as msg } from '../messages';
import { context, quote, section, SLACK_LIMITS, sourceMrkdwn, sourcePlain, type Message } from './blocks';
import { CLAIM_CHECK, type CheckedClaim } from './claim-check';
import { defang, truncate } from './mrkdwn';

/**
 * The reply to "Check against the briefing": the best-supported claims, each with the excerpt that
 * bears on it and its source, introduced as what the briefing says (the quote is the finding, not a verdict).
 */
export function claimCheckMessage(checked: readonly CheckedClaim[]): Message {
  if (checked.length === 0) return { text: msg.noText(), blocks: [section(msg.noText())] };
  const supported = checked.filter((c) => c.support.length > 0);
  if (supported.length === 0) {
    const text = msg.nothing(checked.length);
    return { text, blocks: [section(text)] };
  }
  const shown = supported.slice(0, CLAIM_CHECK.shown);
  const blocks: slack.KnownBlock[] = [];
  const lines: string[] = [];
  for (const { claim, support } of shown) {
    const best = support[0]!;
    const echoed = truncate(claim, SLACK_LIMITS.echoedQuestion);
    blocks.push(section(`*${msg.claim()}* ${defang(echoed)}\n*${msg.briefingSays()}*\n${quote(best.fact.text)}`), context(sourceMrkdwn(best)));
    lines.push(defang(`${msg.claim()} ${echoed}\n${msg.briefingSays()} “${best.fact.text}” — ${sourcePlain(best)}`));
  }
  const notes = [
    supported.length > shown.length ? msg.moreSupported(supported.length - shown.length) : '',
    checked.length > supported.length ? msg.unsupported(checked.length - supported.length) : '',
  ].filter(Boolean);
  if (notes.length) blocks.push(context(notes.join(' ')));
  return { text: [...lines, ...notes].join('\n'), blocks };
}
