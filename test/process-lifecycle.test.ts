import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeSlack } from './helpers/fake-slack';
import { mentionEvent } from './helpers/payloads';
import { fixtureKnowledge, REPO } from './helpers/paths';
import { freePort } from './helpers/ports';
import { SIGNING_SECRET, sendSigned } from './helpers/signed';

let fake: FakeSlack;
let child: ChildProcess;
let output = '';
let port = 0;
let knowledgeDir = '';

beforeAll(async () => {
  fake = await new FakeSlack().start();
  port = await freePort();
  const work = mkdtempSync(path.join(tmpdir(), 'brief-life-'));
  knowledgeDir = path.join(work, 'knowledge');
  cpSync(fixtureKnowledge('basic'), knowledgeDir, { recursive: true });
  child = spawn(process.execPath, [path.join(REPO, 'dist', 'main.js')], {
    cwd: work,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-1-2-lifecycle',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      KNOWLEDGE_DIR: knowledgeDir,
      KNOWLEDGE_RELOAD_MS: '200',
      KNOWLEDGE_CACHE_DIR: path.join(work, 'cache'),
    },
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await fake.waitFor(() => output.includes('Briefing Bot is running'), 15000);
});
afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await fake.stop();
});

const health = async () => (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const events = () => `http://127.0.0.1:${port}/slack/events`;

describe('the running bot (npm start)', () => {
  it('reports the knowledge loaded on /healthz', async () => {
    expect(await health()).toMatchObject({ ok: true, facts: 2, sources: 1, knowledge: { loadedAt: expect.any(String) } });
  });

  it('picks up an added knowledge file within seconds and answers from it', async () => {
    writeFileSync(
      path.join(knowledgeDir, 'staff.yml'),
      'source:\n  title: Staff list\nfacts:\n  - id: programme-director\n    text: The programme director is Dana Weiss.\n    questions: [Who directs the programme?]\n',
    );
    let h = await health();
    const deadline = Date.now() + 8000;
    while (h.facts !== 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      h = await health();
    }
    expect(h).toMatchObject({ facts: 3, sources: 2, knowledge: { lastReload: { ok: true } } });
    await sendSigned(events(), JSON.stringify(mentionEvent('Who directs the programme?')));
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0]);
    expect(post.params.text).toContain('Dana Weiss');
  });

  it('keeps the last good knowledge when an edit breaks validation, and logs path:line', async () => {
    writeFileSync(path.join(knowledgeDir, 'staff.yml'), 'source:\n  title: Staff list\n  date: 2024-13\nfacts: []\n');
    await fake.waitFor(() => output.includes('knowledge_reload_failed'), 8000);
    expect(output).toMatch(/staff\.yml:3: source\.date \\"2024-13\\" is not a valid date/);
    expect(await health()).toMatchObject({ facts: 3, knowledge: { lastReload: { ok: false, problems: 2 } } });
  });

  it('on SIGTERM finishes the answer in flight, then exits 0', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    fake.on('chat.postMessage', () => ({ delayMs: 600, body: { ok: true, ts: '1.2' } }));
    await sendSigned(events(), JSON.stringify(mentionEvent('Where is the programme based?')));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length > before);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('"event":"stopped","waitedFor":1,"unfinished":0');
    expect(output).not.toContain('slack_api_error');
    expect(fake.callsTo('chat.postMessage').at(-1)!.params.text).toContain('Lyon');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
