import { useFakeSlack } from '../helpers/bot';
import { directMessageEvent, mentionEvent, slashCommandForm } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';

const FORM = 'application/x-www-form-urlencoded';
const slack = useFakeSlack();
const posts = () => slack.fake.callsTo('chat.postMessage');
const send = (body: object) => sendSigned(slack.bot!.eventsUrl, JSON.stringify(body));

describe('allowlists', () => {
  it('answers in allowed channels, declines once per channel elsewhere, and answers nothing there', async () => {
    await slack.start({ ALLOWED_CHANNEL_IDS: 'C111', ALLOWED_TEAM_IDS: 'T111' });
    await send(mentionEvent('NRF goals', { channel: 'C999' }));
    await send(mentionEvent('Who leads the NRF?', { channel: 'C999' }));
    await send(mentionEvent('NRF goals'));
    await slack.fake.waitFor(() => posts().length === 2);
    await slack.fake.quietFor(300);
    const [decline, answer] = [posts().find((p) => p.params.channel === 'C999')!, posts().find((p) => p.params.channel === 'C111')!];
    expect(posts()).toHaveLength(2);
    expect(decline.params.text).toContain("Briefing Bot isn't enabled in this channel or workspace");
    expect(answer.params.text).toContain('democratic, decentralized');
  });

  it('declines other workspaces, for slash commands only to the asker', async () => {
    const bot = await slack.start({ ALLOWED_TEAM_IDS: 'T222' });
    await sendSigned(bot.eventsUrl, slashCommandForm('NRF goals', slack.fake.responseUrl('deny')), { contentType: FORM });
    const reply = await slack.fake.waitFor(() => slack.fake.responses.find((r) => r.path === '/response/deny'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(reply.body)).toContain("isn't enabled");
    expect(JSON.stringify(reply.body)).not.toContain('democratic');
  });
});

describe('per-user rate limit', () => {
  it('answers up to the limit a minute, then says when to ask again, once', async () => {
    await slack.start({ RATE_LIMIT_PER_MINUTE: '2' });
    for (const q of ['NRF goals', 'Who leads the NRF?', 'Where is the NRF based?', 'How many fighters?']) await send(directMessageEvent(q));
    await slack.fake.waitFor(() => posts().length === 3);
    await slack.fake.quietFor(300);
    const texts = posts().map((p) => String(p.params.text));
    expect(texts).toHaveLength(3);
    expect(texts[2]).toMatch(/^You've asked 2 questions in the last minute, which is my limit per person\. Please try again in \d+ s\.$/);
  });

  it('counts per user', async () => {
    await slack.start({ RATE_LIMIT_PER_MINUTE: '1' });
    await send(directMessageEvent('NRF goals', { user: 'U1' }));
    await send(directMessageEvent('NRF goals', { user: 'U2' }));
    await slack.fake.waitFor(() => posts().length === 2);
    expect(posts().every((p) => String(p.params.text).includes('democratic'))).toBe(true);
  });
});
