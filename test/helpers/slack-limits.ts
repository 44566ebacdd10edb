import { SLACK_LIMITS } from '../../src/slack/blocks';

type Block = { text?: { text: string }; elements?: Array<{ text?: unknown }> };

/** What Slack rejects a message for: a section or context text over its limit, or too many blocks. */
export function expectWithinSlackLimits(message: { blocks: readonly unknown[] }): void {
  for (const block of message.blocks as readonly Block[]) {
    const texts = [block.text?.text, ...(block.elements ?? []).map((e) => e.text)].filter((t): t is string => typeof t === 'string');
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  }
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
}
