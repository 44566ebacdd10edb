import { existsSync, readFileSync } from 'node:fs';
import { startBot } from '../helpers/bot';
import { BOT_USER_ID, FakeSlack } from '../helpers/fake-slack';
import { blockActionForm, channelMessageEvent, directMessageEvent, mentionEvent, sharedPayload, slashCommandForm } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { ACTIONS } from '../../src/slack/blocks';

const FORM = 'application/x-www-form-urlencoded';
const GOALS_EXCERPT = 'the resistance fights for a democratic, decentralized Afghanistan';

let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startBot>>;

beforeEach(async () => {
  fake = await new FakeSlack().start();
  bot = await startBot(fake, { AUTO_ANSWER_CHANNELS: 'C111' });
});
afterEach(async () => {
  await bot.stop();
  await fake.stop();
});

const posts = () => fake.callsTo('chat.postMessage');
const allText = (value: unknown) => JSON.stringify(value);
const sendEvent = (body: object, headers?: Record<string, string>) => sendSigned(bot.eventsUrl, JSON.stringify(body), { headers });

describe('/brief over HTTP', () => {
  it("acks at once and answers only the asker, with the excerpt, source and buttons", async () => {
    const result = await sendSigned(bot.eventsUrl, slashCommandForm("what are NRF's stated goals?", fake.responseUrl('cmd1')), { contentType: FORM });
    expect(result.status).toBe(200);
    expect(result.ms).toBeLessThan(3000);
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/cmd1'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    const blocks = reply.body.blocks as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(blocks[0]!.text.text).toBe('*Q:* what are NRF\'s stated goals?');
    expect(blocks[1]!.text.text).toContain(`>According to NRF's strategy, ${GOALS_EXCERPT}`);
    expect(blocks[2]!.elements[0].text).toBe('Source: *Copenhagen Democracy Summit - #CDS2023*');
    expect(blocks[3]!.elements.map((e: { text: { text: string } }) => e.text.text)).toEqual(['Share in channel', 'Other matches', 'In context', '👍', '👎']);
    expect(reply.body.text).toContain(GOALS_EXCERPT);
    expect(posts()).toHaveLength(0);
  });

  it.each(['', 'help', 'hi!', 'Good morning'])('/brief %j shows how to ask, three examples and the sources, and searches nothing', async (text) => {
    await sendSigned(bot.eventsUrl, slashCommandForm(text, fake.responseUrl('help')), { contentType: FORM });
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/help'));
    const json = allText(reply.body);
    expect(json).toContain('Ask me a briefing question.');
    expect((json.match(/• \/brief /g) ?? []).length).toBe(3);
    expect(json).toContain('*Sources (6):*');
    expect(json).toContain('Copenhagen Democracy Summit - #CDS2023');
    // Help, not a search: neither an excerpt nor a "not covered" reply.
    expect(json).not.toContain("The knowledge base doesn't cover that");
    expect(json).not.toContain('Closest topics');
    expect(existsSync(bot.feedbackLog) ? readFileSync(bot.feedbackLog, 'utf8') : '').not.toContain('unanswered');
  });

  it('says plainly when the knowledge base does not cover a question, and logs it for the curators', async () => {
    await sendSigned(bot.eventsUrl, slashCommandForm("What's the weather in Kabul tomorrow?", fake.responseUrl('none')), { contentType: FORM });
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/none'));
    const json = allText(reply.body);
    expect(json).toContain("The knowledge base doesn't cover that");
    expect(json).toContain('Closest topics I can answer:');
    expect(json).not.toContain('mastermind behind a Kabul bombing');
    const log = readFileSync(bot.feedbackLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toEqual([expect.objectContaining({ kind: 'unanswered', user: 'W111', question: "What's the weather in Kabul tomorrow?" })]);
  });
});

describe('mentions, DMs and channel messages over HTTP', () => {
  it('answers an app_mention with exactly one chat.postMessage in the thread', async () => {
    const body = mentionEvent("what are NRF's stated goals?");
    expect((await sendEvent(body)).status).toBe(200);
    await fake.waitFor(() => posts().length === 1);
    await fake.quietFor();
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!.params;
    expect(post).toMatchObject({ channel: 'C111', thread_ts: body.event.ts, unfurl_links: 'false', unfurl_media: 'false' });
    expect(post.text).toContain(GOALS_EXCERPT);
    expect(allText(post.blocks)).toContain('Source: *Copenhagen Democracy Summit - #CDS2023*');
    expect(allText(post.blocks)).not.toContain('Share in channel');
    expect(fake.callsTo('chat.postMessage')[0]!.authorization).toBe('Bearer xoxb-1111-2222-testbottoken');
  });

  it('replies inside the existing thread when mentioned in one', async () => {
    await sendEvent(mentionEvent('who leads the NRF?', { thread_ts: '1595926000.000001' }));
    const post = await fake.waitFor(() => posts()[0]);
    expect(post.params.thread_ts).toBe('1595926000.000001');
  });

  it.each(['', 'help', 'Hello!', 'hi there'])('answers a mention of %j with the help text, not searching the knowledge', async (text) => {
    await sendEvent(mentionEvent(text));
    const post = await fake.waitFor(() => posts()[0]);
    expect(allText(post.params)).toContain('Ask me a briefing question.');
    expect(allText(post.params)).not.toContain("The knowledge base doesn't cover that");
    // Not a question the knowledge failed to cover: nothing for the curators' to-do list.
    expect(existsSync(bot.feedbackLog) ? readFileSync(bot.feedbackLog, 'utf8') : '').not.toContain('unanswered');
  });

  it('answers thanks with a short reply in a DM, a mention and /brief, and a greeting that asks a question with the answer', async () => {
    await sendEvent(directMessageEvent('thanks!'));
    await sendEvent(mentionEvent('Thank you very much'));
    await sendSigned(bot.eventsUrl, slashCommandForm('thx', fake.responseUrl('thanks')), { contentType: FORM });
    await sendEvent(directMessageEvent('hi, who leads the NRF?'));
    await fake.waitFor(() => posts().length === 3 && fake.responses.length === 1);
    const texts = [...posts().map((p) => String(p.params.text)), String(fake.responses[0]!.body.text)];
    expect(texts.filter((t) => t === "You're welcome. Ask me another briefing question any time.")).toHaveLength(3);
    expect(texts.find((t) => t.includes('Ahmad Massoud'))).toBeDefined();
    expect(existsSync(bot.feedbackLog) ? readFileSync(bot.feedbackLog, 'utf8') : '').not.toContain('unanswered');
  });

  it('answers a DM in the DM', async () => {
    await sendEvent(directMessageEvent('Who was Ahmad Massoud\u2019s father?'));
    await fake.waitFor(() => posts().length === 1);
    await fake.quietFor();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.params).toMatchObject({ channel: 'D024BE91L' });
    expect(posts()[0]!.params.text).toContain('Ahmad Shah Massoud');
    expect(posts()[0]!.params.thread_ts).toBeUndefined();
  });

  it('answers a retried delivery (same event_id, X-Slack-Retry-Num) once', async () => {
    const body = mentionEvent('NRF goals');
    await sendEvent(body);
    await fake.waitFor(() => posts().length === 1);
    expect((await sendEvent(body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    await fake.quietFor();
    expect(posts()).toHaveLength(1);
  });

  it('ignores bot messages, its own included, and edits and deletions', async () => {
    await sendEvent(directMessageEvent('NRF goals', { bot_id: 'BBOT0001', user: BOT_USER_ID }));
    await sendEvent(directMessageEvent('NRF goals', { bot_id: 'B999' }));
    await sendEvent(directMessageEvent('NRF goals', { subtype: 'message_changed' }));
    await sendEvent(directMessageEvent('NRF goals', { subtype: 'message_deleted', user: undefined }));
    await sendEvent(mentionEvent('NRF goals', { bot_id: 'B999' }));
    await fake.quietFor(400);
    expect(posts()).toHaveLength(0);
  });

  it('never lets echoed text ping @channel, @here, @everyone or a user', async () => {
    const body = mentionEvent("<!channel> <!here> <!everyone|@everyone> <@U999> <!subteam^S1|@team> what are NRF's stated goals?");
    await sendEvent(body);
    await sendSigned(bot.eventsUrl, slashCommandForm('<!channel> <@U999> who is <!here|here> &lt;!channel&gt; @everyone', fake.responseUrl('ping')), { contentType: FORM });
    await fake.waitFor(() => posts().length === 1 && fake.responses.length === 1);
    const everything = allText([posts().map((p) => p.params), fake.responses.map((r) => r.body)]);
    for (const ping of ['<!channel', '<!here', '<!everyone', '<@U999', '<!subteam']) expect(everything).not.toContain(ping);
    expect(posts()[0]!.params.text).toContain(GOALS_EXCERPT);
  });

  it('auto-answers confident questions in AUTO_ANSWER_CHANNELS, in thread, and nothing else', async () => {
    const question = channelMessageEvent('Where is the NRF based?');
    await sendEvent(question);
    await sendEvent(channelMessageEvent('the NRF is on the agenda today'));
    await sendEvent(channelMessageEvent("What's the weather in Kabul tomorrow?"));
    await sendEvent(channelMessageEvent('Where is the NRF based?', { channel: 'C999' }));
    await fake.waitFor(() => posts().length === 1);
    await fake.quietFor(400);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.params).toMatchObject({ channel: 'C111', thread_ts: question.event.ts });
    expect(posts()[0]!.params.text).toContain('Panjshir');
  });

  it('answers a mention once although Slack delivers it as app_mention and as message.channels', async () => {
    const mention = mentionEvent('Where is the NRF based?');
    const asMessage = channelMessageEvent(mention.event.text, { ts: mention.event.ts });
    await Promise.all([sendEvent(mention), sendEvent(asMessage)]);
    await fake.waitFor(() => posts().length === 1);
    await fake.quietFor(400);
    expect(posts()).toHaveLength(1);
  });
});

describe('buttons over HTTP', () => {
  const value = JSON.stringify({ q: "what are NRF's stated goals?", id: 'nrf-stated-goals' });

  it('Share in channel posts the same answer to the channel, noting who shared it', async () => {
    await sendSigned(bot.eventsUrl, blockActionForm(ACTIONS.share, value, fake.responseUrl('share')), { contentType: FORM });
    const post = await fake.waitFor(() => posts()[0]);
    expect(post.params).toMatchObject({ channel: 'C111', unfurl_links: 'false' });
    expect(post.params.text).toContain(GOALS_EXCERPT);
    expect(allText(post.params.blocks)).toContain('Shared by <@W111>');
    expect(allText(post.params.blocks)).not.toContain('"type":"actions"');
    const done = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/share'));
    expect(done.body).toMatchObject({ delete_original: true });
  });

  it('Share in channel falls back to the response URL where the bot is not a member', async () => {
    fake.on('chat.postMessage', () => ({ body: { ok: false, error: 'not_in_channel' } }));
    await sendSigned(bot.eventsUrl, blockActionForm(ACTIONS.share, value, fake.responseUrl('share2')), { contentType: FORM });
    await fake.waitFor(() => fake.responses.filter((r) => r.path === '/response/share2').length === 2);
    const [inChannel, done] = fake.responses;
    expect(inChannel!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(allText(inChannel!.body)).toContain('Shared by <@W111>');
    expect(done!.body).toMatchObject({ delete_original: true });
  });

  it.each([
    ['an ok:false', { body: { ok: false, error: 'msg_too_long' } }, 'msg_too_long'],
    ['a 500', { status: 500, body: 'internal error' }, 'slack_webapi_http_error'],
  ])('a Share in channel that Slack refuses with %s gets the asker an apology and keeps the answer', async (_kind, reply, code) => {
    fake.on('chat.postMessage', () => reply);
    await sendSigned(bot.eventsUrl, blockActionForm(ACTIONS.share, value, fake.responseUrl('share3')), { contentType: FORM });
    const apology = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/share3'), 15000);
    expect(apology.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'Sorry, Slack did not accept my answer. Please try again in a moment.' });
    await fake.quietFor();
    expect(fake.responses).toHaveLength(1);
    expect(bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ event: 'slack_api_error', method: 'chat.postMessage', error: code, channel: 'C111' }),
    );
  }, 25000);

  it('In context shows the sentences around the excerpt in its stored source text, to the clicker only', async () => {
    await sendSigned(bot.eventsUrl, blockActionForm(ACTIONS.inContext, value, fake.responseUrl('context')), { contentType: FORM });
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/context'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = allText(reply.body);
    expect(text).toContain('In context, from sources/briefing-notes-nrf.txt:');
    expect(text).toContain('_It is also the only prominent anti-Taliban insurgency claiming to have over a few thousand armed fighters._');
    expect(text).toContain(GOALS_EXCERPT);
    expect(text).toContain('_The second Press Conference of Ahmad Massoud in Vienna_');
    expect(posts()).toHaveLength(0);
  });

  it('Other matches shows the next two facts to the clicker only', async () => {
    await sendSigned(bot.eventsUrl, blockActionForm(ACTIONS.otherMatches, value, fake.responseUrl('other')), { contentType: FORM });
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/other'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const quotes = (reply.body.blocks as Array<{ text?: { text: string } }>).filter((b) => b.text?.text.startsWith('>'));
    expect(quotes).toHaveLength(2);
    expect(allText(reply.body)).not.toContain(GOALS_EXCERPT);
  });

  it.each([
    [ACTIONS.feedbackUp, 'up'],
    [ACTIONS.feedbackDown, 'down'],
  ])('%s is appended to the feedback log with time, user, question and fact', async (actionId, kind) => {
    await sendSigned(bot.eventsUrl, blockActionForm(actionId, value, fake.responseUrl('vote')), { contentType: FORM });
    await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/vote'));
    const entries = readFileSync(bot.feedbackLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(entries).toEqual([{ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), kind, user: 'W111', question: "what are NRF's stated goals?", factId: 'nrf-stated-goals' }]);
  });

  it('a button with a tampered value gets a polite reply, not a crash', async () => {
    await sendSigned(bot.eventsUrl, blockActionForm(ACTIONS.otherMatches, 'not json', fake.responseUrl('bad')), { contentType: FORM });
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/bad'));
    expect(allText(reply.body)).toContain('Sorry, I could not read that button.');
    expect(existsSync(bot.feedbackLog)).toBe(false);
  });
});

describe('HTTP endpoints', () => {
  it('GET /healthz reports the facts and sources loaded', async () => {
    const response = await fetch(`${bot.base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, facts: 16, sources: 6 });
  });

  it('answers a signed url_verification with its challenge', async () => {
    const body = sharedPayload('url_verification.docs.json');
    const result = await sendSigned(bot.eventsUrl, JSON.stringify(body));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toEqual({ challenge: body.challenge });
  });

  it('rejects a forged signature with 401 and calls no Web API', async () => {
    const result = await sendSigned(bot.eventsUrl, JSON.stringify(mentionEvent('NRF goals')), { secret: 'wrongsecretwrongsecret12' });
    expect(result.status).toBe(401);
    await fake.quietFor();
    expect(posts()).toHaveLength(0);
  });

  it('warns when the app is uninstalled from a workspace whose token comes from the environment (nothing stored)', async () => {
    const uninstalled = { type: 'event_callback', team_id: 'T111', api_app_id: 'A111', event_id: 'EvUninstall1', event_time: 1, event: { type: 'app_uninstalled' } };
    expect((await sendEvent(uninstalled)).status).toBe(200);
    await fake.waitFor(() => bot.logs.some((l) => l.includes('"event":"uninstalled"')));
    const logged = bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'uninstalled');
    expect(logged).toMatchObject({ level: 'warn', team: 'T111', why: 'app_uninstalled', stored: false });
  });

  it('never logs the tokens or the signing secret', async () => {
    fake.on('chat.postMessage', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    await sendEvent(mentionEvent('NRF goals'));
    await fake.waitFor(() => bot.logs.some((l) => l.includes('slack_api_error')));
    const logs = bot.logs.join('\n');
    expect(logs).toContain('"event":"question"');
    expect(logs).toContain('"event":"slack_api_error","method":"chat.postMessage","error":"invalid_auth"');
    expect(logs).not.toMatch(/xoxb-|8f742231b10e8888/);
  });
});
