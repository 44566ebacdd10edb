import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBotProcess } from './helpers/bot-process';
import { FakeSlack } from './helpers/fake-slack';
import { mentionEvent } from './helpers/payloads';
import { fixtureKnowledge, REPO } from './helpers/paths';
import { sendSigned } from './helpers/signed';

/** Slack retries (and shows the user an error) when an event is not acked within 3 s. */
const SLACK_ACK_LIMIT_MS = 3000;
const SYNTHETIC_FACTS = 20_000;

let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startBotProcess>>;
let work = '';
let knowledgeDir = '';

beforeAll(async () => {
  fake = await new FakeSlack().start();
  work = mkdtempSync(path.join(tmpdir(), 'brief-reload-'));
  knowledgeDir = path.join(work, 'knowledge');
  cpSync(fixtureKnowledge('basic'), knowledgeDir, { recursive: true });
  bot = await startBotProcess(fake, work, { KNOWLEDGE_DIR: knowledgeDir, KNOWLEDGE_RELOAD_MS: '200', KNOWLEDGE_CACHE_DIR: path.join(work, 'cache'), RATE_LIMIT_PER_MINUTE: '0' });
});
afterAll(async () => {
  bot.kill();
  await fake.stop();
});

async function answerFor(question: string): Promise<string> {
  const before = fake.callsTo('chat.postMessage').length;
  await sendSigned(bot.events, JSON.stringify(mentionEvent(question)));
  return String((await fake.waitFor(() => fake.callsTo('chat.postMessage')[before], 8000)).params.text);
}

describe('reloading knowledge in the running bot', () => {
  it(`acks every request within 3 s while ${SYNTHETIC_FACTS.toLocaleString('en')} new facts are loaded and indexed`, async () => {
    // Written elsewhere and moved in, as a deployment would: the bot sees 40 complete files at once.
    const incoming = path.join(work, 'incoming');
    const written = spawnSync(process.execPath, ['-e', `require('./bench/synthetic').writeKnowledgeFolder(${JSON.stringify(incoming)}, ${SYNTHETIC_FACTS})`], { cwd: REPO, encoding: 'utf8' });
    expect(written.stderr).toBe('');
    cpSync(incoming, knowledgeDir, { recursive: true });

    const sent: Array<Promise<{ status: number; ms: number }>> = [];
    let reloadMs = 0;
    const sending = setInterval(() => sent.push(sendSigned(bot.events, JSON.stringify(mentionEvent('Where is the programme based?')))), 100);
    try {
      const h = await bot.healthWhen((h) => h.facts === SYNTHETIC_FACTS + 2, 90_000);
      expect(h).toMatchObject({ facts: SYNTHETIC_FACTS + 2, knowledge: { lastReload: { ok: true }, loadMs: expect.any(Number) } });
      expect(h.knowledge.loadMs).toBe(h.knowledge.lastReload.durationMs);
      reloadMs = h.knowledge.loadMs;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      clearInterval(sending);
    }
    // Every request answered and timed, the last ones too, before anything is asserted of them.
    const replies = await Promise.all(sent);
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    const acks = replies.map((r) => r.ms);
    expect(acks.length).toBeGreaterThan(10);
    // Also relative to the reload itself, so that this fails on a fast machine too if the reload blocked requests.
    expect(Math.max(...acks)).toBeLessThan(Math.min(SLACK_ACK_LIMIT_MS, reloadMs / 2));
    expect(bot.output).toMatch(/"event":"knowledge_reloaded","facts":20002,"sources":21,"fingerprint":"\w+","durationMs":\d+,"mainThreadMs":\d+,"longestStepMs":\d+/);
    expect(await answerFor('Where is the programme based?')).toContain('Lyon');
  }, 120_000);

  it('keeps answering from the last good knowledge when the folder is moved away, reports it on /healthz, and recovers when it is back', async () => {
    const moved = path.join(work, 'moved-away');
    renameSync(knowledgeDir, moved);
    const h = await bot.healthWhen((h) => h.knowledge.lastReload?.ok === false);
    expect(h).toMatchObject({ ok: true, facts: SYNTHETIC_FACTS + 2, knowledge: { lastReload: { ok: false, reason: 'folder-missing' } } });
    expect(bot.output).toContain('"event":"knowledge_reload_failed","reason":"folder-missing"');
    expect(await answerFor('Where is the programme based?')).toContain('Lyon');
    expect(bot.child.exitCode).toBeNull();

    renameSync(moved, knowledgeDir);
    expect(await bot.healthWhen((h) => h.knowledge.lastReload?.ok === true, 60_000)).toMatchObject({ facts: SYNTHETIC_FACTS + 2, knowledge: { lastReload: { ok: true } } });
  }, 90_000);
});
