import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBotProcess } from '../helpers/bot-process';
import { FakeSlack } from '../helpers/fake-slack';
import { blockActionForm, mentionEvent } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { slackMessages } from '../../src/messages';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { createEngine } from '../../src/engine/engine';
import { worthListing } from '../../src/engine/explain';
import { SemanticAnswerer } from '../../src/engine/semantic/answerer';
import { loadEmbedder } from '../../src/engine/semantic/embedder';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { ACTIONS } from '../../src/slack/blocks';

let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startBotProcess>>;
let cacheDir = '';
/** Not one word matching is sure of (ENGINE_DEFAULTS.lexicalSure): the model orders its matches. */
const OTHER_MATCHES_QUESTION = 'What does the NRF want?';
/** The semantic stage's runners-up, and word matching's, computed here before any request: loading the
 * model takes seconds, and a pause that long between requests races the bot's keep-alive timeout. */
const expected = { runnersUp: [] as string[], lexical: [] as string[] };

beforeAll(async () => {
  fake = await new FakeSlack().start();
  const work = mkdtempSync(path.join(tmpdir(), 'brief-semantic-'));
  cacheDir = path.join(work, 'cache');
  // `npm start` as deployed: the semantic stage is on unless SEMANTIC_STAGE=off.
  bot = await startBotProcess(fake, work, { SEMANTIC_STAGE: '', KNOWLEDGE_CACHE_DIR: cacheDir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' });
  const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
  const ranked = await new SemanticAnswerer(loadEmbedder).ask(engine, OTHER_MATCHES_QUESTION, { wait: true, top: 3 });
  expected.runnersUp = ranked.results.slice(1).filter(worthListing).map((r) => r.fact.text);
  expected.lexical = engine.ask(OTHER_MATCHES_QUESTION, { top: 3 }).results.slice(1).map((r) => r.fact.text);
}, 60_000);
afterAll(async () => {
  bot.kill();
  await fake.stop();
});

async function reply(question: string): Promise<string> {
  const before = fake.callsTo('chat.postMessage').length;
  await sendSigned(bot.events, JSON.stringify(mentionEvent(question)));
  return String((await fake.waitFor(() => fake.callsTo('chat.postMessage')[before], 15_000)).params.text);
}

describe('the bot with the semantic stage (signed events over loopback)', () => {
  it('prepares the fact vectors in the background, says so in /healthz and the log, and caches them', async () => {
    const h = await bot.healthWhen((h) => h.semantic === 'ready', 60_000);
    expect(h.semantic).toBe('ready');
    expect(bot.output).toMatch(/semantic_ready/);
    expect(readdirSync(cacheDir).some((n) => n.startsWith('vectors-'))).toBe(true);
  }, 70_000);

  it('then declines the role swap that word matching alone would answer, and still answers the plain question', async () => {
    expect(await reply('Who supports the Taliban?')).toContain(slackMessages.notCovered());
    expect(await reply("What are the NRF's stated goals?")).toMatch(/democratic, decentralized/);
    // The log line says which part decided: the model declined the first; word matching was sure of the second.
    const stages = bot.output.split('\n').filter((l) => l.includes('"event":"question"')).map((l) => (JSON.parse(l) as { stage?: string; answered: boolean }));
    expect(stages.slice(-2)).toEqual([expect.objectContaining({ stage: 'semantic', answered: false }), expect.objectContaining({ stage: 'sure', answered: true })]);
  }, 40_000);

  it('lists under "Other matches" the runners-up the answer was chosen from', async () => {
    expect(expected.runnersUp.length).toBeGreaterThan(0);
    // Word matching alone would list other facts: the click must not fall back to it.
    expect(expected.lexical).not.toEqual(expected.runnersUp);

    const before = fake.callsTo('chat.postMessage').length;
    await sendSigned(bot.events, JSON.stringify(mentionEvent(OTHER_MATCHES_QUESTION)));
    const posted = await fake.waitFor(() => fake.callsTo('chat.postMessage')[before], 15_000);
    const blocks = (typeof posted.params.blocks === 'string' ? JSON.parse(posted.params.blocks) : posted.params.blocks) as Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
    const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTIONS.otherMatches)!;
    await sendSigned(bot.events, blockActionForm(ACTIONS.otherMatches, button.value!, fake.responseUrl('other')), { contentType: 'application/x-www-form-urlencoded' });
    const shown = JSON.stringify((await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/other'), 15_000)).body);
    for (const text of expected.runnersUp) expect(shown).toContain(text.slice(0, 60));
  }, 40_000);
});
