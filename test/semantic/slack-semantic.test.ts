import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBotProcess } from '../helpers/bot-process';
import { FakeSlack } from '../helpers/fake-slack';
import { mentionEvent } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { slackMessages } from '../../src/messages';

let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startBotProcess>>;
let cacheDir = '';

beforeAll(async () => {
  fake = await new FakeSlack().start();
  const work = mkdtempSync(path.join(tmpdir(), 'brief-semantic-'));
  cacheDir = path.join(work, 'cache');
  // `npm start` as deployed: the semantic stage is on unless SEMANTIC_STAGE=off.
  bot = await startBotProcess(fake, work, { SEMANTIC_STAGE: '', KNOWLEDGE_CACHE_DIR: cacheDir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info' });
}, 30_000);
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
  }, 40_000);
});
