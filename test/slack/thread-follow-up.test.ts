import { readFileSync } from 'node:fs';
import { useFakeSlack } from '../helpers/bot';
import { channelMessageEvent, mentionEvent } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';

const slack = useFakeSlack();
const posts = () => slack.fake.callsTo('chat.postMessage');
const send = (body: object) => sendSigned(slack.bot!.eventsUrl, JSON.stringify(body));

/** Mentions the bot with `question` and waits for its answer; returns the thread it answered in. */
async function mention(question: string): Promise<string> {
  const event = mentionEvent(question);
  await send(event);
  await slack.fake.waitFor(() => posts().length === 1);
  return event.event.ts as string;
}

describe('follow-ups in the thread of an answer, over HTTP', () => {
  beforeEach(() => slack.start());

  it('answers a question in the thread without a new mention, borrowing the thread subject', async () => {
    const thread = await mention('Who leads the NRF?');
    await send(channelMessageEvent('what about its goals?', { thread_ts: thread }));
    const post = await slack.fake.waitFor(() => posts()[1]);
    expect(post.params).toMatchObject({ channel: 'C111', thread_ts: thread });
    expect(JSON.stringify(post.params.blocks)).toContain("*Q:* NRF's goals");
    expect(post.params.text).toContain('the resistance fights for a democratic, decentralized Afghanistan');

    await send(channelMessageEvent('Where is it based?', { thread_ts: thread }));
    const based = await slack.fake.waitFor(() => posts()[2]);
    expect(based.params.thread_ts).toBe(thread);
    expect(based.params.text).toContain('Panjshir');
  });

  it("says plainly when a follow-up is not covered, and logs it for the curators", async () => {
    const thread = await mention('Who leads the NRF?');
    await send(channelMessageEvent("What's the weather in Kabul tomorrow?", { thread_ts: thread }));
    const post = await slack.fake.waitFor(() => posts()[1]);
    expect(JSON.stringify(post.params.blocks)).toContain("The knowledge base doesn't cover that");
    const log = readFileSync(slack.bot!.feedbackLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toEqual([expect.objectContaining({ kind: 'unanswered', question: "What's the weather in Kabul tomorrow?" })]);
  });

  it('stays quiet on thread chatter, in threads it did not answer, and outside threads', async () => {
    const thread = await mention('Who leads the NRF?');
    await send(channelMessageEvent('thanks, that helps!', { thread_ts: thread }));
    await send(channelMessageEvent('Where is it based?', { thread_ts: '1595926000.999999' }));
    await send(channelMessageEvent('Where is the NRF based?'));
    await send(channelMessageEvent('Where is the NRF based?', { thread_ts: thread, channel: 'C999' }));
    await slack.fake.quietFor(400);
    expect(posts()).toHaveLength(1);
  });

  it('answers a question in the thread of its help reply to a greeting, and ignores small talk there', async () => {
    const thread = await mention('hello!');
    expect(JSON.stringify(posts()[0]!.params.blocks)).toContain('Ask me a briefing question.');
    await send(channelMessageEvent('help?', { thread_ts: thread }));
    await send(channelMessageEvent('Where is the NRF based?', { thread_ts: thread }));
    const post = await slack.fake.waitFor(() => posts()[1]);
    expect(post.params.thread_ts).toBe(thread);
    expect(post.params.text).toContain('Panjshir');
    await slack.fake.quietFor(300);
    expect(posts()).toHaveLength(2);
  });

  it('answers a follow-up that also mentions the bot once', async () => {
    const thread = await mention('Who leads the NRF?');
    const asMention = mentionEvent('Where is the NRF based?', { thread_ts: thread });
    await Promise.all([send(asMention), send(channelMessageEvent(asMention.event.text, { ts: asMention.event.ts, thread_ts: thread }))]);
    await slack.fake.waitFor(() => posts().length === 2);
    await slack.fake.quietFor(400);
    expect(posts()).toHaveLength(2);
  });

  it('does not take up a thread where its answer was refused', async () => {
    slack.fake.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    const event = mentionEvent('Who leads the NRF?');
    await send(event);
    await slack.fake.waitFor(() => posts().length === 1);
    await send(channelMessageEvent('Where is it based?', { thread_ts: event.event.ts }));
    await slack.fake.quietFor(400);
    expect(posts()).toHaveLength(1);
  });
});
