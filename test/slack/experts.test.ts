import { readFileSync } from 'node:fs';
import { useFakeSlack } from '../helpers/bot';
import { blockActionForm, channelMessageEvent, slashCommandForm } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { ACTIONS } from '../../src/slack/blocks';

const FORM = 'application/x-www-form-urlencoded';
const EXPERTS = 'C0EXPERTS';
const QUESTION = "What's the weather in Kabul tomorrow?";
const slack = useFakeSlack();
const send = (body: string, contentType = FORM) => sendSigned(slack.bot!.eventsUrl, body, { contentType });
const response = (id: string) => slack.fake.waitFor(() => slack.fake.responses.find((r) => r.path === `/response/${id}`));
const postsTo = (channel: string) => slack.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel);
const buttons = (body: Record<string, unknown>) =>
  (body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; text: { text: string } }> }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
const value = JSON.stringify({ q: QUESTION });

describe('"Ask an expert" over HTTP', () => {
  it('is offered on "not covered" only when EXPERTS_CHANNEL is set', async () => {
    await slack.start();
    await send(slashCommandForm(QUESTION, slack.fake.responseUrl('plain')));
    expect(buttons((await response('plain')).body)).toEqual([]);
    await slack.bot!.stop();
    slack.fake.responses.length = 0;
    await slack.start({ EXPERTS_CHANNEL: EXPERTS });
    await send(slashCommandForm(QUESTION, slack.fake.responseUrl('offer')));
    expect(buttons((await response('offer')).body)).toMatchObject([{ action_id: ACTIONS.askExpert, text: { text: 'Ask an expert' } }]);
  });

  it('is offered after a 👎', async () => {
    await slack.start({ EXPERTS_CHANNEL: EXPERTS });
    await send(blockActionForm(ACTIONS.feedbackDown, JSON.stringify({ q: 'Where is the NRF based?', id: 'nrf-base-and-reach' }), slack.fake.responseUrl('down')));
    const reply = (await response('down')).body;
    expect(reply.text).toBe('Thanks, noted: the curators review answers marked 👎.');
    expect(buttons(reply).map((b) => b.action_id)).toEqual([ACTIONS.askExpert]);
  });

  it('posts question, asker and a permalink to EXPERTS_CHANNEL; an expert reply goes to the asker and into the log', async () => {
    await slack.start({ EXPERTS_CHANNEL: EXPERTS });
    slack.fake.on('chat.getPermalink', (p) => ({ body: { ok: true, channel: p.channel, permalink: `https://test.slack.com/archives/${p.channel}/p${String(p.message_ts).replace('.', '')}` } }));
    const threadTs = '1700000999.000100';
    slack.fake.on('chat.postMessage', (p) => (p.channel === EXPERTS ? { body: { ok: true, channel: EXPERTS, ts: threadTs } } : undefined));
    const container = { type: 'message', message_ts: '1595926230.000100', channel_id: 'C111', is_ephemeral: false };
    await send(blockActionForm(ACTIONS.askExpert, JSON.stringify({ q: `<!channel> ${QUESTION}` }), slack.fake.responseUrl('ask'), { container }));
    const told = (await response('ask')).body;
    expect(told.text).toBe(`I've passed your question to the experts in <#${EXPERTS}>. When one of them replies, I'll send you the answer here in a direct message.`);
    const post = await slack.fake.waitFor(() => postsTo(EXPERTS)[0]);
    const json = JSON.stringify(post.params.blocks);
    expect(json).toContain('*Question from <@W111>:*');
    expect(json).toContain(`&lt;!channel&gt; ${QUESTION}`);
    expect(json).toContain('Asked in <https://test.slack.com/archives/C111/p1595926230000100|this conversation>');
    expect(JSON.stringify(post.params)).not.toContain('<!channel>');

    await send(JSON.stringify(channelMessageEvent('Sunny, 25°C — per <https://weather.example|the forecast>.', { channel: EXPERTS, thread_ts: threadTs, user: 'W333' })), 'application/json');
    const relayed = await slack.fake.waitFor(() => postsTo('W111')[0]);
    expect(relayed.params.text).toContain('Sunny, 25°C — per the forecast.');
    expect(JSON.stringify(relayed.params.blocks)).toContain("*<@W333> from the experts' channel answered your question:*");
    expect(JSON.stringify(relayed.params.blocks)).toContain("This answer is from a person, not from the briefing's knowledge base.");
    const log = readFileSync(slack.bot!.feedbackLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toContainEqual(expect.objectContaining({ kind: 'expert', user: 'W333', question: `<!channel> ${QUESTION}`, answer: 'Sunny, 25°C — per the forecast.' }));
  });

  it('ignores replies in threads of the experts channel it did not start', async () => {
    await slack.start({ EXPERTS_CHANNEL: EXPERTS });
    await send(JSON.stringify(channelMessageEvent('Sunny.', { channel: EXPERTS, thread_ts: '1.000001', user: 'W333' })), 'application/json');
    await slack.fake.quietFor(400);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('says so when the experts channel cannot be reached', async () => {
    await slack.start({ EXPERTS_CHANNEL: EXPERTS });
    slack.fake.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await send(blockActionForm(ACTIONS.askExpert, value, slack.fake.responseUrl('fail')));
    expect((await response('fail')).body.text).toBe("Sorry, I couldn't reach the experts' channel. Please ask them directly.");
  });
});
