import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import type { ConfigError } from '../../src/env-options';
import { configMessages } from '../../src/messages';
import { REPO } from '../helpers/paths';

const SIGNING = '8f742231b10e8888abcd99e3f0c285a5';
const OAUTH = {
  SLACK_CLIENT_ID: '1234567890.0987654321',
  SLACK_CLIENT_SECRET: '0123456789abcdef0123456789abcdef',
  SLACK_STATE_SECRET: 'x'.repeat(32),
  SLACK_SIGNING_SECRET: SIGNING,
  DATABASE_URL: 'postgres://bot@db.internal:5432/briefing',
};
const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env, '/srv/bot');
  } catch (error) {
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('OAuth settings (many workspaces)', () => {
  it('reads the three OAuth settings instead of a bot token', () => {
    const config = loadConfig(OAUTH, '/srv/bot');
    expect(config.oauth).toEqual({ clientId: OAUTH.SLACK_CLIENT_ID, clientSecret: OAUTH.SLACK_CLIENT_SECRET, stateSecret: OAUTH.SLACK_STATE_SECRET });
    expect(config.botToken).toBeUndefined();
    expect(config.mode).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SIGNING }).oauth).toBeUndefined();
  });

  it('refuses SLACK_BOT_TOKEN together with OAuth settings', () => {
    expect(problemsOf({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1-2' })).toEqual([
      'SLACK_BOT_TOKEN is set together with the OAuth settings (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET): choose one. One workspace: keep SLACK_BOT_TOKEN and delete the OAuth settings. Many workspaces (installed through /slack/install): delete SLACK_BOT_TOKEN.',
    ]);
  });

  it('names each missing OAuth setting and where to get it', () => {
    expect(problemsOf({ ...OAUTH, SLACK_CLIENT_SECRET: undefined, SLACK_STATE_SECRET: ' ' })).toEqual([
      'SLACK_CLIENT_SECRET is not set, and installing in many workspaces (OAuth) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together. Where to find it: Slack app settings → Basic Information → App Credentials → "Client Secret" (32 hexadecimal characters)',
      'SLACK_STATE_SECRET is not set, and installing in many workspaces (OAuth) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together. Where to find it: any random string of at least 32 characters you make up and keep secret, e.g. the output of `openssl rand -hex 32` (it signs the install state cookie)',
    ]);
    expect(problemsOf({ SLACK_CLIENT_SECRET: OAUTH.SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: OAUTH.SLACK_STATE_SECRET, SLACK_SIGNING_SECRET: SIGNING, DATABASE_URL: OAUTH.DATABASE_URL })).toEqual([
      configMessages.missingForOAuth('SLACK_CLIENT_ID'),
    ]);
    expect(configMessages.missingForOAuth('SLACK_CLIENT_ID')).toContain('Slack app settings → Basic Information → App Credentials → "Client ID"');
  });

  it('refuses OAuth without DATABASE_URL: installations would live in memory only', () => {
    expect(problemsOf({ ...OAUTH, DATABASE_URL: undefined })).toEqual([
      "DATABASE_URL is not set, and installing in many workspaces (OAuth: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET) needs it: the workspaces' tokens are kept in PostgreSQL, so that they survive a restart and every replica sees them. Set DATABASE_URL=postgres://USER@HOST:5432/DATABASE.",
    ]);
  });

  it('names malformed OAuth settings without repeating their values', () => {
    const problems = problemsOf({ ...OAUTH, SLACK_CLIENT_ID: 'client-id-secretish', SLACK_CLIENT_SECRET: 'not-hex-secretish', SLACK_STATE_SECRET: 'short-secretish' });
    expect(problems).toEqual([
      'SLACK_CLIENT_ID is malformed: expected digits, a dot and digits, e.g. 1234567890.0987654321. Where to find it: Slack app settings → Basic Information → App Credentials → "Client ID" (digits, a dot, digits)',
      'SLACK_CLIENT_SECRET is malformed: expected 32 hexadecimal characters. Where to find it: Slack app settings → Basic Information → App Credentials → "Client Secret" (32 hexadecimal characters)',
      'SLACK_STATE_SECRET is malformed: expected at least 32 characters, e.g. the output of `openssl rand -hex 32`.',
    ]);
    expect(problems.join('\n')).not.toContain('secretish');
  });

  it('npm start stops with that message before anything listens', async () => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'main.js')], {
      cwd: mkdtempSync(path.join(tmpdir(), 'brief-oauth-')),
      env: { PATH: process.env.PATH ?? '', ...OAUTH, DATABASE_URL: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise((resolve) => child.on('exit', resolve));
    expect(status).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([configMessages.header, `  - ${configMessages.oauthNeedsDatabase()}`]);
  });
});
