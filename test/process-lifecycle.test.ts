import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeSlack } from './helpers/fake-slack';
import { mentionEvent } from './helpers/payloads';
import { startBotProcess } from './helpers/bot-process';
import { fixtureKnowledge } from './helpers/paths';
import { sendSigned } from './helpers/signed';

let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startBotProcess>>;
let knowledgeDir = '';

beforeAll(async () => {
  fake = await new FakeSlack().start();
  const work = mkdtempSync(path.join(tmpdir(), 'brief-life-'));
  knowledgeDir = path.join(work, 'knowledge');
  cpSync(fixtureKnowledge('basic'), knowledgeDir, { recursive: true });
  bot = await startBotProcess(fake, work, { KNOWLEDGE_DIR: knowledgeDir, KNOWLEDGE_RELOAD_MS: '200', KNOWLEDGE_CACHE_DIR: path.join(work, 'cache') });
});
afterAll(async () => {
  bot.kill();
  await fake.stop();
});

const health = () => bot.health();
const events = () => bot.events;

describe('the running bot (npm start)', () => {
  it('reports the knowledge loaded on /healthz', async () => {
    expect(await health()).toMatchObject({ ok: true, facts: 2, sources: 1, knowledge: { loadedAt: expect.any(String), loadMs: expect.any(Number) } });
  });

  it('picks up an added knowledge file within seconds and answers from it', async () => {
    writeFileSync(
      path.join(knowledgeDir, 'staff.yml'),
      'source:\n  title: Staff list\nfacts:\n  - id: programme-director\n    text: The programme director is Dana Weiss.\n    questions: [Who directs the programme?]\n',
    );
    const h = await bot.healthWhen((h) => h.facts === 3);
    expect(h).toMatchObject({ facts: 3, sources: 2, knowledge: { lastReload: { ok: true } } });
    await sendSigned(events(), JSON.stringify(mentionEvent('Who directs the programme?')));
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0]);
    expect(post.params.text).toContain('Dana Weiss');
  });

  it('keeps the last good knowledge when an edit breaks validation, and logs path:line', async () => {
    writeFileSync(path.join(knowledgeDir, 'staff.yml'), 'source:\n  title: Staff list\n  date: 2024-13\nfacts: []\n');
    await fake.waitFor(() => bot.output.includes('knowledge_reload_failed'), 8000);
    expect(bot.output).toMatch(/staff\.yml:3: source\.date \\"2024-13\\" is not a valid date/);
    expect(await health()).toMatchObject({ facts: 3, knowledge: { lastReload: { ok: false, problems: 2 } } });
  });

  it('on SIGTERM finishes the answer in flight, then exits 0', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    fake.on('chat.postMessage', () => ({ delayMs: 600, body: { ok: true, ts: '1.2' } }));
    await sendSigned(events(), JSON.stringify(mentionEvent('Where is the programme based?')));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length > before);
    const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
    bot.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(bot.output).toContain('"event":"stopped","waitedFor":1,"unfinished":0');
    expect(bot.output).not.toContain('slack_api_error');
    expect(fake.callsTo('chat.postMessage').at(-1)!.params.text).toContain('Lyon');
    await expect(fetch(bot.healthz)).rejects.toThrow();
  });
});
