import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { loadBooks } from '../../src/cache/load-books';
import type { Books } from '../../src/knowledge/books';
import { ACTIONS, buttonValue } from '../../src/slack/blocks';
import { useFakeSlack } from '../helpers/bot';
import { appHomeOpenedEvent, blockActionForm, channelMessageEvent, directMessageEvent, formOf, mentionEvent, messageShortcutPayload, slashCommandForm } from '../helpers/payloads';
import { fixtureKnowledge, REPO } from '../helpers/paths';
import { sendSigned } from '../helpers/signed';

const FORM = 'application/x-www-form-urlencoded';
const HARBOUR = 'C0HARBOUR1';
const VALLEY = 'C0VALLEY01';
const EXPERTS = 'C0EXPERTS1';
// What each book says; the other book must never show it.
const SAYS = {
  harbour: ['affordable moorings', 'Ingrid Solberg', 'sailing school', 'Harbour Cooperative annual letter'],
  valley: ['water rights', 'Tomas Reyes', 'dues from its member farms', 'Valley Alliance founding charter'],
};

function twoBooks(): Books {
  const loaded = loadBooks(fixtureKnowledge('two-books'), REPO, undefined);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.books;
}

const slack = useFakeSlack();
const posts = () => slack.fake.callsTo('chat.postMessage');
const send = (body: object) => sendSigned(slack.bot!.eventsUrl, JSON.stringify(body));
const sendForm = (form: string) => sendSigned(slack.bot!.eventsUrl, form, { contentType: FORM });
const response = (id: string) => slack.fake.waitFor(() => slack.fake.responses.find((r) => r.path === `/response/${id}`));
const feedback = () => (existsSync(slack.bot!.feedbackLog) ? readFileSync(slack.bot!.feedbackLog, 'utf8') : '').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** Everything in `value` is from `book`: it quotes it, and nothing of the other book. */
function onlyFrom(book: keyof typeof SAYS, value: unknown, quoting: string) {
  const json = JSON.stringify(value);
  expect(json).toContain(quoting);
  const other = book === 'harbour' ? SAYS.valley : SAYS.harbour;
  for (const phrase of other) expect(json).not.toContain(phrase);
}

async function brief(question: string, channel: string, id: string) {
  await sendForm(slashCommandForm(question, slack.fake.responseUrl(id), { channel_id: channel }));
  return (await response(id)).body as { text: string; blocks: Array<{ elements?: Array<{ action_id: string; value: string }> }> };
}

async function click(action: string, value: string, channel: string, id: string) {
  await sendForm(blockActionForm(action, value, slack.fake.responseUrl(id), { channel: { id: channel, name: 'x' }, container: { type: 'message', message_ts: '111.222', channel_id: channel, is_ephemeral: true } }));
  return response(id);
}

describe('briefing books per channel, over HTTP', () => {
  beforeEach(() => slack.start({ CURATOR_IDS: 'W111', EXPERTS_CHANNEL: EXPERTS }, { books: twoBooks() }));

  it('answers the same /brief question in two channels from each channel’s book', async () => {
    onlyFrom('harbour', await brief('What are the stated goals?', HARBOUR, 'h'), 'affordable moorings for every member');
    onlyFrom('valley', await brief('What are the stated goals?', VALLEY, 'v'), "protect the river's water rights");
  });

  it('answers mentions, DMs and unmapped channels from the right book', async () => {
    await send(mentionEvent('Who is the leader?', { channel: VALLEY }));
    onlyFrom('valley', (await slack.fake.waitFor(() => posts()[0])).params, 'Tomas Reyes');
    await send(directMessageEvent('Who is the leader?'));
    onlyFrom('harbour', (await slack.fake.waitFor(() => posts()[1])).params, 'Ingrid Solberg');
    await send(mentionEvent('Who is the leader?', { channel: 'C0UNMAPPED' }));
    onlyFrom('harbour', (await slack.fake.waitFor(() => posts()[2])).params, 'Ingrid Solberg');
  });

  it('answers a thread follow-up from the thread’s book', async () => {
    const asked = mentionEvent('What are the stated goals?', { channel: VALLEY });
    await send(asked);
    await slack.fake.waitFor(() => posts()[0]);
    await send(channelMessageEvent('Who is the leader?', { channel: VALLEY, thread_ts: asked.event.ts }));
    const followUp = await slack.fake.waitFor(() => posts()[1]);
    expect(followUp.params).toMatchObject({ channel: VALLEY, thread_ts: asked.event.ts });
    onlyFrom('valley', followUp.params, 'Tomas Reyes');
  });

  it('lists "Other matches" from the channel’s book only, whatever the button value says', async () => {
    const answer = await brief('What are the stated goals?', HARBOUR, 'h');
    const buttons = answer.blocks.at(-1)!.elements!;
    const other = buttons.find((b) => b.action_id === ACTIONS.otherMatches)!;
    onlyFrom('harbour', (await click(ACTIONS.otherMatches, other.value, HARBOUR, 'o1')).body, 'sailing school');
    // The harbour answer's button clicked in the valley channel lists the valley book.
    onlyFrom('valley', (await click(ACTIONS.otherMatches, buttonValue({ q: 'What are the stated goals?', id: 'harbour-sailing-school' }), VALLEY, 'o2')).body, 'dues from its member farms');
  });

  it('shares the fact of the channel’s book, and refuses a crafted value naming the other book’s fact', async () => {
    // Both books have a fact "leader": Share in the harbour channel posts the harbour one.
    const answer = await brief('Who is the leader?', HARBOUR, 'h');
    const share = answer.blocks.at(-1)!.elements!.find((b) => b.action_id === ACTIONS.share)!;
    expect(JSON.parse(share.value)).toEqual({ q: 'Who is the leader?', id: 'leader' });
    await click(ACTIONS.share, share.value, HARBOUR, 's1');
    const shared = await slack.fake.waitFor(() => posts()[0]);
    expect(shared.params.channel).toBe(HARBOUR);
    onlyFrom('harbour', shared.params, 'Ingrid Solberg');

    const crafted = buttonValue({ q: 'Who is the leader?', id: 'valley-dues' });
    expect((await click(ACTIONS.share, crafted, HARBOUR, 's2')).body).toMatchObject({ text: "That answer is no longer in the knowledge base: ask again to get a fresh one." });
    expect((await click(ACTIONS.inContext, crafted, HARBOUR, 'c1')).body).toMatchObject({ text: "That answer is no longer in the knowledge base: ask again to get a fresh one." });
    await slack.fake.quietFor(300);
    expect(posts()).toHaveLength(1);
  });

  it('checks a message against the book of the channel it is in', async () => {
    const payload = messageShortcutPayload('brief_check_message', 'Their stated goals are clear. The leader was elected.', slack.fake.responseUrl('m'));
    payload.channel = { id: VALLEY, name: 'valley' };
    await sendForm(formOf(payload));
    const reply = (await response('m')).body;
    onlyFrom('valley', reply, 'water rights');
  });

  it('shows the default book on App Home, and each 👎 with the fact of the book it was given from', async () => {
    const entry = (book: string) => ({ time: '2026-11-20T10:00:00.000Z', kind: 'down', user: 'W9', question: 'Who is the leader?', factId: 'leader', book });
    appendFileSync(slack.bot!.feedbackLog, `${JSON.stringify(entry('valley'))}\n${JSON.stringify(entry('harbour'))}\n`);
    await send(appHomeOpenedEvent('W111'));
    const view = (await slack.fake.waitFor(() => slack.fake.callsTo('views.publish')[0])).params.view as { blocks: Array<{ text?: { text: string } }> };
    const texts = view.blocks.map((b) => b.text?.text ?? '');
    expect(texts.find((t) => t.startsWith('*Sources (1):*'))).toContain('Harbour Cooperative annual letter');
    const disliked = texts.filter((t) => t.includes('↳'));
    expect(disliked).toEqual([expect.stringContaining('↳ Who leads the cooperative? (`leader`)'), expect.stringContaining('↳ Who leads the alliance? (`leader`)')]);
  });

  it('records the book with feedback and unanswered questions', async () => {
    await brief('What is the price of moorings in winter storms?', VALLEY, 'u');
    await click(ACTIONS.feedbackDown, buttonValue({ q: 'Who is the leader?', id: 'leader' }), HARBOUR, 'd');
    await slack.fake.waitFor(() => feedback().length === 2);
    expect(feedback()).toEqual([
      expect.objectContaining({ kind: 'unanswered', question: 'What is the price of moorings in winter storms?', book: 'valley' }),
      expect.objectContaining({ kind: 'down', factId: 'leader', book: 'harbour' }),
    ]);
  });

  it('records an expert’s answer with the book of the channel the question was handed over from', async () => {
    const threadTs = '1700000999.000100';
    slack.fake.on('chat.postMessage', (p) => (p.channel === EXPERTS ? { body: { ok: true, channel: EXPERTS, ts: threadTs } } : undefined));
    await click(ACTIONS.askExpert, buttonValue({ q: 'When are the dues paid?' }), VALLEY, 'x');
    await slack.fake.waitFor(() => posts().find((p) => p.params.channel === EXPERTS));
    await send(channelMessageEvent('Each spring, at the general meeting.', { channel: EXPERTS, thread_ts: threadTs, user: 'W333' }));
    await slack.fake.waitFor(() => feedback().some((e) => e.kind === 'expert'));
    expect(feedback()).toEqual([expect.objectContaining({ kind: 'expert', user: 'W333', question: 'When are the dues paid?', answer: 'Each spring, at the general meeting.', book: 'valley' })]);
  });
});
