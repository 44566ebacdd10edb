import fc from 'fast-check';
import { useFakeSlack } from '../helpers/bot';
import { directMessageEvent, mentionEvent } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { expectWithinSlackLimits } from '../helpers/slack-limits';
import { engine } from '../helpers/bot';
import { answerMessage, noAnswerMessage } from '../../src/slack/blocks';
import { questionFromMessage } from '../../src/slack/mrkdwn';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { tokenize } from '../../src/engine/analyse';

const PINGS = /<!(channel|here|everyone|subteam)|<@[UW]/;
const rendered = (m: { text: string; blocks: unknown[] }) => JSON.stringify([m.text, m.blocks], (key, v: unknown) => (key === 'value' ? undefined : v));

const dari = fc.constantFrom('اهداف جبهه مقاومت ملی چیست؟', 'احمد مسعود', 'پنجشیر', 'د ملي مقاومت جبهه', '\u200F', '\u202B', '\u2067');
const markup = fc.constantFrom('<!channel>', '<!here>', '<!everyone>', '<@U123|bob>', '<#C1|general>', '<https://x.y|<!here>>', '<<!channel>>', '<<@U1>|x>', '&lt;!channel&gt;', '<!subteam^S1|@all>', '<!date^1392734382^{date}|Feb 18>', '`<!channel>`', '*<!here>*');
const controls = fc.string({ unit: 'binary', maxLength: 40 });
const hostile = fc.array(fc.oneof(dari, markup, controls, fc.constantFrom('NRF goals', '🇦🇫🔥', 'Massoud?', '\u0000\u0007\u001b[31m')), { maxLength: 30 }).map((p) => p.join(' '));

describe('hostile input through the Slack text path', () => {
  it('never throws, never pings, and stays within Slack limits', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const question = questionFromMessage(text);
        const answer = engine.ask(question);
        const message = answer.answered ? answerMessage(answer, { shareable: true }) : noAnswerMessage(answer, engine);
        expect(rendered(message)).not.toMatch(PINGS);
        expectWithinSlackLimits(message);
        expect(message.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('bounds the work per question: at most maxQueryTokens words are considered, however long the message', () => {
    const long = `${'<!channel> NRF goals پنجشیر 🙂 '.repeat(1500)}`;
    expect(long.length).toBeGreaterThan(40_000);
    expect(tokenize(questionFromMessage(long), ENGINE_DEFAULTS.maxQueryTokens)).toHaveLength(ENGINE_DEFAULTS.maxQueryTokens);
  });
});

describe('hostile input end to end', () => {
  const slack = useFakeSlack();
  beforeEach(() => slack.start());

  it('answers a 40,000-character mention full of markup once, politely, pinging no one', async () => {
    const text = `${'<!channel> <@U999> <https://evil.example|<!here>> '.repeat(800)} what are the NRF goals?`;
    expect(text.length).toBeGreaterThan(40_000);
    expect((await sendSigned(slack.bot!.eventsUrl, JSON.stringify(mentionEvent(text)))).status).toBe(200);
    const post = await slack.fake.waitFor(() => slack.fake.callsTo('chat.postMessage')[0]);
    expect(JSON.stringify(post.params)).not.toMatch(PINGS);
    expectWithinSlackLimits({ blocks: post.params.blocks as unknown[] });
  });

  it('answers a DM in Dari with the help of its closest topics, not a crash', async () => {
    await sendSigned(slack.bot!.eventsUrl, JSON.stringify(directMessageEvent('اهداف جبهه مقاومت ملی چیست؟')));
    const post = await slack.fake.waitFor(() => slack.fake.callsTo('chat.postMessage')[0]);
    expect(String(post.params.text)).toContain("The knowledge base doesn't cover that");
  });
});
