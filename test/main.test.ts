import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO } from './helpers/paths';

/** `npm start` is `node dist/main.js`; run it in an empty folder (no .env) with only the given variables. */
function start(env: Record<string, string>) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'brief-start-'));
  return spawnSync(process.execPath, [path.join(REPO, 'dist', 'main.js')], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });
}

describe('npm start', () => {
  it('with nothing set, exits 1 explaining how to connect and how to try offline', () => {
    const result = start({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Briefing Bot is not connected to Slack yet');
    expect(result.stderr).toContain('SLACK_APP_TOKEN=xapp-');
    expect(result.stderr).toContain('npx --no-install brief ask');
  });

  it('with a malformed token, exits 1 naming the variable, without echoing it', () => {
    const result = start({ SLACK_BOT_TOKEN: 'xoxp-user-token-not-bot', SLACK_APP_TOKEN: 'xapp-1-A1-2' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN is malformed: expected a bot token starting with xoxb-');
    expect(result.stderr).not.toContain('xoxp-user-token-not-bot');
  });

  it('with broken knowledge, exits 1 with every path:line problem', () => {
    const result = start({
      SLACK_BOT_TOKEN: 'xoxb-1-2',
      SLACK_APP_TOKEN: 'xapp-1-A1-2',
      KNOWLEDGE_DIR: path.join(REPO, 'test', 'fixtures', 'knowledge', 'bad-date'),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/dated\.yml:3: source\.date "2024-13-01" is not a valid date/);
  });

  it('with channels.yml naming a book that does not exist, exits 1 naming the books there are', () => {
    const knowledge = path.join(mkdtempSync(path.join(tmpdir(), 'brief-books-')), 'knowledge');
    cpSync(path.join(REPO, 'test', 'fixtures', 'knowledge', 'two-books'), knowledge, { recursive: true });
    writeFileSync(path.join(knowledge, 'channels.yml'), 'default: harbour\nchannels:\n  C0VALLEY01: ukraine\n');
    const result = start({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-A1-2', KNOWLEDGE_DIR: knowledge });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `${path.join(knowledge, 'channels.yml')}:3: channels.C0VALLEY01 "ukraine" is not a book: the books are harbour, valley (one per sub-folder of the knowledge folder; "default" is the files at its top)`,
    );
  });
});
