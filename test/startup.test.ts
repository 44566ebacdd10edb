import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configMessages, startupMessages } from '../src/messages';
import { FakeSlack } from './helpers/fake-slack';
import { REPO } from './helpers/paths';
import { freePort } from './helpers/ports';
import { SIGNING_SECRET } from './helpers/signed';

const BOT_TOKEN = 'xoxb-1-2-startupsecret';
const APP_TOKEN = 'xapp-1-A1-2-startupsecret';

/** `npm start` (node dist/main.js) in an empty folder with only `env`; resolves when it exits (or is killed after 20 s). */
function start(env: Record<string, string>, cwd = mkdtempSync(path.join(tmpdir(), 'brief-startup-'))) {
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'main.js')], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
}

/** The last line is the whole explanation; nothing before it is a stack trace or a secret. */
function expectCleanExit(result: { status: number | null; stdout: string; stderr: string }, message: string) {
  expect(result.status).toBe(1);
  expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(message);
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(/\n\s+at |\n\s+throw |Node\.js v/);
  expect(output).not.toContain('startupsecret');
  expect(output).not.toContain(SIGNING_SECRET);
  expect(output).not.toContain('Briefing Bot is running');
}

let fake: FakeSlack;
let port = 0;
beforeEach(async () => {
  fake = await new FakeSlack().start();
  port = await freePort();
});
afterEach(() => fake.stop());

const http = () => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) });

describe('npm start checks Slack before saying it is running', () => {
  it('exits 1 naming SLACK_BOT_TOKEN when Slack rejects it (invalid_auth)', async () => {
    fake.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const result = await start(http());
    expectCleanExit(result, startupMessages.tokenRejected('SLACK_BOT_TOKEN', 'invalid_auth'));
    expect(result.stderr).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth). Get a current value from Slack app settings → OAuth & Permissions');
  });

  it('in Socket Mode, exits 1 naming SLACK_APP_TOKEN when apps.connections.open rejects it', async () => {
    fake.on('apps.connections.open', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const result = await start({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    expectCleanExit(result, startupMessages.tokenRejected('SLACK_APP_TOKEN', 'invalid_auth'));
    expect(result.stderr).toContain('Basic Information → App-Level Tokens');
  });

  it('retries an unreachable Web API for SLACK_STARTUP_RETRY_MS, one log line per try, then exits 1', async () => {
    const url = `http://127.0.0.1:${await freePort()}/api/`;
    const result = await start({ ...http(), SLACK_API_URL: url, SLACK_STARTUP_RETRY_MS: '1500' });
    expectCleanExit(result, startupMessages.unreachable(url, 1.5, 'A request error occurred: fetch failed'));
    const tries = result.stderr.split('\n').filter((l) => l.includes('"event":"slack_unreachable"')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(tries.map((t) => t.attempt)).toEqual(tries.map((_, i) => i + 1));
    expect(tries.at(0)).toMatchObject({ level: 'warn', method: 'auth.test', error: 'A request error occurred: fetch failed', retryInMs: 500 });
    expect(tries.at(-1)).not.toHaveProperty('retryInMs');
  });

  it('with an unedited copy of .env.example, exits 1 saying each token is still the example value, before calling Slack', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'brief-startup-'));
    copyFileSync(path.join(REPO, '.env.example'), path.join(cwd, '.env'));
    const result = await start({ SLACK_API_URL: fake.apiUrl }, cwd);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      [configMessages.header, `  - ${configMessages.exampleValue('SLACK_BOT_TOKEN')}`, `  - ${configMessages.exampleAppToken()}`, ''].join('\n'),
    );
    expect(fake.calls).toEqual([]);
  });

  it('in HTTP mode, a leftover example SLACK_APP_TOKEN is an error, not a silent switch to Socket Mode', async () => {
    const result = await start({ ...http(), SLACK_APP_TOKEN: 'xapp-your-app-level-token' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe([configMessages.header, `  - ${configMessages.exampleAppToken()}`, ''].join('\n'));
    expect(fake.callsTo('apps.connections.open')).toEqual([]);
  });
});
