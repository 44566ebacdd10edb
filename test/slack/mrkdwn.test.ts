import fc from 'fast-check';
import { decodeSlackText, defang, escapeMrkdwn, link, questionFromMessage, truncate } from '../../src/slack/mrkdwn';
import { answerMessage, buttonValue, SLACK_LIMITS } from '../../src/slack/blocks';
import { createEngine } from '../../src/engine/engine';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { expectWithinSlackLimits } from '../helpers/slack-limits';

const PINGS = /<!(channel|here|everyone|subteam)|<@[UW]/;

describe('Slack text', () => {
  it('decodes mentions, links and entities for matching', () => {
    expect(decodeSlackText('see <https://x.org/a|the report> &amp; <#C123|general> &lt;b&gt;')).toBe('see the report & #general <b>');
    expect(questionFromMessage('<@UBOT> <!here> what are <@U1|bob> NRF goals?')).toBe('what are NRF goals?');
  });

  it('escapes &, < and > and breaks @-mentions in echoed text', () => {
    expect(escapeMrkdwn('a & <b> c')).toBe('a &amp; &lt;b&gt; c');
    expect(defang('@channel <!here>')).toBe('@\u200Bchannel &lt;!here&gt;');
  });

  it('links with an escaped label and a URL that cannot end the link early', () => {
    expect(link('https://x.org/a|b>c', 'R&D <1>')).toBe('<https://x.org/a%7Cb%3Ec|R&amp;D &lt;1&gt;>');
    expect(link('https://x.org', '@channel news')).toBe('<https://x.org|@\u200Bchannel news>');
  });

  it('truncates with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('keeps button values within Slack’s 2,000 characters', () => {
    const value = buttonValue({ q: '"x"'.repeat(5000), id: 'nrf-stated-goals' });
    expect(value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    expect(JSON.parse(value).id).toBe('nrf-stated-goals');
  });
});

describe('Slack text properties', () => {
  const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
  const slackish = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .array(fc.constantFrom('<!channel>', '<!here|here>', '<!everyone>', '<@U123>', '<@W9|x>', '<!subteam^S1|@t>', '<https://a.b|<!channel>>', '&lt;!channel&gt;', 'NRF goals', 'نیروی مقاومت', '🙂', '\u202E', '\u0000', '<<@U1>>'), { maxLength: 20 })
      .map((parts) => parts.join(' ')),
  );

  it('nothing a user writes can make an answer ping anyone', () => {
    fc.assert(
      fc.property(slackish, (text) => {
        const question = questionFromMessage(text);
        const answer = engine.ask(question || 'NRF goals');
        const forced = answer.answered ? answer : engine.ask('NRF goals');
        const message = answerMessage({ ...forced, question }, { shareable: true });
        // Everything Slack renders: the fallback text and every block (button values are never shown).
        const rendered = JSON.stringify([message.text, message.blocks], (key, v: unknown) => (key === 'value' ? undefined : v));
        expect(rendered).not.toMatch(PINGS);
        expectWithinSlackLimits(message);
      }),
      { numRuns: 300 },
    );
  });
});
