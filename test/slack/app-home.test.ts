import { appendFileSync } from 'node:fs';
import { engine, useFakeSlack } from '../helpers/bot';
import { appHomeOpenedEvent } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { createEngine } from '../../src/engine/engine';
import type { Fact, KnowledgeBase } from '../../src/knowledge/schema';

const slack = useFakeSlack();
type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };

async function openHome(user: string, tab: 'home' | 'messages' = 'home') {
  const bot = slack.bot!;
  const before = slack.fake.callsTo('views.publish').length;
  expect((await sendSigned(bot.eventsUrl, JSON.stringify(appHomeOpenedEvent(user, tab)))).status).toBe(200);
  const call = await slack.fake.waitFor(() => slack.fake.callsTo('views.publish')[before]);
  const view = call.params.view as { type: string; blocks: Block[] };
  return { userId: call.params.user_id, view, texts: view.blocks.map((b) => b.text?.text ?? b.elements?.[0]?.text ?? '') };
}

const log = (entries: object[]) => appendFileSync(slack.bot!.feedbackLog, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));

describe('App Home over HTTP', () => {
  it('shows how to ask, three live examples from the knowledge, and the sources with dates and fact counts', async () => {
    await slack.start();
    const { userId, view, texts } = await openHome('W222');
    expect(userId).toBe('W222');
    expect(view.type).toBe('home');
    expect(texts[0]).toBe('Briefing Bot');
    expect(texts[1]).toContain('*Ask me a briefing question.*');
    expect(texts[1]).toContain('*⋮ → Check the briefing*');
    const examples = texts[2]!.split('\n').slice(1);
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const question = example.replace(/^• \/brief /, '');
      expect(engine.facts.some((f) => f.questions.includes(question))).toBe(true);
    }
    const sources = texts.find((t) => t.startsWith('*Sources (6):*'))!;
    expect(sources).toContain('• *Interview with Ahmad Massoud (Atlantic Council\'s South Asia Center)* — Atlantic Council, South Asia Center, August 11, 2021 — 3 facts');
    expect(sources).toContain('• *Copenhagen Democracy Summit - #CDS2023* — ');
    expect(texts).not.toContain('For curators');
  });

  it('opens with ALLOWED_CHANNEL_IDS set: the Home tab is not a channel', async () => {
    await slack.start({ ALLOWED_CHANNEL_IDS: 'C111' });
    expect((await openHome('W222')).texts[0]).toBe('Briefing Bot');
  });

  it('does nothing when the Messages tab is opened', async () => {
    await slack.start();
    await sendSigned(slack.bot!.eventsUrl, JSON.stringify(appHomeOpenedEvent('W222', 'messages')));
    await slack.fake.quietFor();
    expect(slack.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it('shows CURATOR_IDS the newest unanswered questions and 👎 with the fact they got, escaped; others not', async () => {
    await slack.start({ CURATOR_IDS: 'W111' });
    log([
      { time: '2026-11-20T10:00:00.000Z', kind: 'unanswered', user: 'W9', question: 'older question' },
      { time: '2026-11-21T10:00:00.000Z', kind: 'down', user: 'W9', question: 'Where is the NRF based?', factId: 'nrf-base-and-reach' },
      { time: '2026-11-22T10:00:00.000Z', kind: 'up', user: 'W9', question: 'liked', factId: 'nrf-base-and-reach' },
      { time: '2026-11-23T10:00:00.000Z', kind: 'unanswered', user: 'W9', question: '<!channel> what is <b>new</b>?' },
      { time: '2026-11-24T10:00:00.000Z', kind: 'down', user: 'W9', question: 'gone', factId: 'removed-fact' },
    ]);
    const { texts } = await openHome('W111');
    const from = texts.indexOf('For curators');
    expect(texts.slice(from)).toEqual([
      'For curators',
      '*Recent questions I could not answer* (2 in the feedback log, newest first):',
      '• &lt;!channel&gt; what is &lt;b&gt;new&lt;/b&gt;? — <!date^1795428000^{date_short_pretty} {time}|2026-11-23T10:00:00.000Z>',
      '• older question — <!date^1795168800^{date_short_pretty} {time}|2026-11-20T10:00:00.000Z>',
      '*Recent 👎* (2 in the feedback log, newest first):',
      '• gone — <!date^1795514400^{date_short_pretty} {time}|2026-11-24T10:00:00.000Z>\n   ↳ fact removed-fact, no longer in the knowledge base',
      '• Where is the NRF based? — <!date^1795255200^{date_short_pretty} {time}|2026-11-21T10:00:00.000Z>\n   ↳ ' +
        `${engine.facts.find((f) => f.id === 'nrf-base-and-reach')!.questions[0]} (\`nrf-base-and-reach\`)`,
    ]);
    const other = await openHome('W222');
    expect(other.texts).not.toContain('For curators');
  });

  it('stays within 100 blocks with a long log, saying how many more there are', async () => {
    await slack.start({ CURATOR_IDS: 'W111' });
    const entries = Array.from({ length: 500 }, (_, i) => ({ time: '2026-11-20T10:00:00.000Z', kind: i % 2 ? 'down' : 'unanswered', user: 'W9', question: `q${i} ${'long '.repeat(200)}`, factId: 'nrf-base-and-reach' }));
    log(entries);
    const { view, texts } = await openHome('W111');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(texts).toContain('… and 240 more questions');
    expect(texts).toContain('… and 240 more 👎s');
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(3000);
  });

  it('lists at most 20 sources, then how many more', async () => {
    const facts: Fact[] = Array.from({ length: 25 }, (_, i) => ({ id: `f${i}`, text: `Fact number ${i}.`, questions: [`Question ${i}?`], tags: [], source: { title: `Source ${i}` }, file: `s${i}.yml`, line: 3 }));
    const knowledge: KnowledgeBase = { facts, sources: facts.map((f) => ({ ...f.source, file: f.file })), aliases: [], fingerprint: 'x' };
    await slack.start({}, { engine: createEngine(knowledge) });
    const { texts } = await openHome('W222');
    const sources = texts.find((t) => t.startsWith('*Sources (25):*'))!.split('\n');
    expect(sources).toHaveLength(22);
    expect(sources.at(-1)).toBe('… and 5 more sources');
  });
});
