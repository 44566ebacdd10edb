import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { loadConfig, secretsOf } from '../../src/config';
import { ConfigError, readEnvOptions } from '../../src/env-options';
import { environmentWithDotEnv } from '../../src/env';
import { configMessages } from '../../src/messages';
import { REPO } from '../helpers/paths';

const SECRET = '8f742231b10e8888abcd99e3f0c285a5';
const errorOf = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env, '/srv/bot');
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('reads HTTP mode with defaults', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: SECRET }, '/srv/bot');
    expect(config).toMatchObject({ mode: 'http', port: 3000, apiTimeoutMs: 10000, feedbackLog: '/srv/bot/feedback.jsonl', logLevel: 'info', logQuestions: false });
    expect(config.apiUrl).toBeUndefined();
    expect([...config.autoAnswerChannels]).toEqual([]);
  });

  it('reads Socket Mode, the API URL (with its trailing slash) and channel lists', () => {
    const config = loadConfig(
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-2', SLACK_API_URL: 'http://127.0.0.1:9/api', AUTO_ANSWER_CHANNELS: 'C111, C222' },
      '/srv/bot',
    );
    expect(config).toMatchObject({ mode: 'socket', apiUrl: 'http://127.0.0.1:9/api/' });
    expect([...config.autoAnswerChannels]).toEqual(['C111', 'C222']);
  });

  it('reads CURATOR_IDS, and names it with what a valid value looks like when it is not user IDs', () => {
    expect([...loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, CURATOR_IDS: 'U0123ABCD, W0456EFGH' }).curatorIds]).toEqual(['U0123ABCD', 'W0456EFGH']);
    expect([...loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET }).curatorIds]).toEqual([]);
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, CURATOR_IDS: 'U0123ABCD,@alice' }).problems).toEqual([
      'CURATOR_IDS is malformed: expected user IDs separated by commas, e.g. U0123ABCD,U0456EFGH.',
    ]);
  });

  it('reads EXPERTS_CHANNEL as one channel ID', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, EXPERTS_CHANNEL: ' C0EXPERTS ' }).expertsChannel).toBe('C0EXPERTS');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET }).expertsChannel).toBeUndefined();
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, EXPERTS_CHANNEL: '#experts' }).problems).toEqual([
      'EXPERTS_CHANNEL is malformed: expected one public channel ID, e.g. C0123ABCD (the bot reads replies there with channels:history).',
    ]);
  });

  it('with no Slack settings at all, explains how to connect and how to try offline', () => {
    const error = errorOf({});
    expect(error.notConnected).toBe(true);
    expect(error.message).toContain('Briefing Bot is not connected to Slack yet');
    expect(error.message).toContain('npx --no-install brief ask "What are the NRF\'s stated goals?"');
  });

  it('lists every problem at once, naming each variable and where to find it', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxp-a-user-token', PORT: '70000' }).problems).toEqual([
      'SLACK_BOT_TOKEN is malformed: expected a bot token starting with xoxb-. Where to find it: Slack app settings → OAuth & Permissions → "Bot User OAuth Token" (starts with xoxb-; install the app to your workspace first)',
      'PORT is malformed: expected a port number from 1 to 65535.',
      'SLACK_SIGNING_SECRET is not set, and HTTP mode needs it (or set SLACK_APP_TOKEN to use Socket Mode instead). Where to find it: Slack app settings → Basic Information → App Credentials → "Signing Secret" (32 hexadecimal characters)',
    ]);
  });

  it('reads REDIS_URL for replicas, and names it when it is not a redis:// URL (without repeating it)', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: SECRET };
    expect(loadConfig(base).redisUrl).toBeUndefined();
    expect(loadConfig({ ...base, REDIS_URL: ' rediss://:pw@cache.internal:6380/2 ' }).redisUrl).toBe('rediss://:pw@cache.internal:6380/2');
    const error = errorOf({ ...base, REDIS_URL: 'cache.internal:6379' });
    expect(error.problems).toEqual(['REDIS_URL is malformed: expected a redis:// or rediss:// URL, e.g. redis://localhost:6379.']);
  });

  it('needs the bot token in Socket Mode too', () => {
    expect(errorOf({ SLACK_APP_TOKEN: 'xapp-1-A1-2' }).problems).toEqual([
      'SLACK_BOT_TOKEN is not set. Where to find it: Slack app settings → OAuth & Permissions → "Bot User OAuth Token" (starts with xoxb-; install the app to your workspace first)',
    ]);
  });

  it('never repeats a secret value in its messages', () => {
    const error = errorOf({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token-123', SLACK_APP_TOKEN: 'not-an-xapp-secret', SLACK_SIGNING_SECRET: 'bad secret!' });
    expect(error.message).not.toMatch(/secret-user-token|not-an-xapp|bad secret/);
    expect(error.problems).toHaveLength(3);
  });
});

describe('example values and the signing secret rule', () => {
  /** Every `NAME=value` in .env.example, commented out or not. */
  const examples = Object.fromEntries(
    [...readFileSync(path.join(REPO, '.env.example'), 'utf8').matchAll(/^#?\s*(SLACK_[A-Z_]+)=(\S+)/gm)].map((m) => [m[1]!, m[2]!]),
  );

  it('rejects each Slack credential left at its .env.example value, naming the variable', () => {
    expect(Object.keys(examples)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']));
    expect(errorOf({ SLACK_BOT_TOKEN: examples.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: examples.SLACK_SIGNING_SECRET }).problems).toEqual([
      configMessages.exampleValue('SLACK_BOT_TOKEN'),
      configMessages.exampleValue('SLACK_SIGNING_SECRET'),
    ]);
    expect(configMessages.exampleValue('SLACK_BOT_TOKEN')).toBe(
      'SLACK_BOT_TOKEN is still the example value from .env.example: replace it with your own. Where to find it: Slack app settings → OAuth & Permissions → "Bot User OAuth Token" (starts with xoxb-; install the app to your workspace first)',
    );
  });

  it('does not let an example SLACK_APP_TOKEN switch an HTTP set-up to Socket Mode', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: examples.SLACK_APP_TOKEN, SLACK_SIGNING_SECRET: SECRET }).problems).toEqual([
      'SLACK_APP_TOKEN is still the example value from .env.example: for Socket Mode replace it with your app-level token (Slack app settings → Basic Information → App-Level Tokens → "Generate Token and Scopes" with the connections:write scope (starts with xapp-)); for HTTP mode delete the line.',
    ]);
  });

  it.each(['8f742231b10e8888abcd99yyyzzz85a5', '8f742231b10e8888abcd99e3f0c285a', '8f742231b10e8888abcd99e3f0c285a5f'])(
    'wants the signing secret as 32 hexadecimal characters (%s is not)',
    (secret) => {
      expect(errorOf({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: secret }).problems).toEqual([
        'SLACK_SIGNING_SECRET is malformed: expected 32 hexadecimal characters. Where to find it: Slack app settings → Basic Information → App Credentials → "Signing Secret" (32 hexadecimal characters)',
      ]);
    },
  );

  it('accepts a 32-hex signing secret in either case', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SECRET.toUpperCase() }).signingSecret).toBe(SECRET.toUpperCase());
  });
});

describe('readEnvOptions (the settings every entry point shares)', () => {
  it('needs no Slack settings and resolves paths against the working directory', () => {
    expect(readEnvOptions({ XDG_CACHE_HOME: '/home/ann/.xdg' }, '/srv/bot')).toEqual({
      knowledgeDir: BUNDLED_KNOWLEDGE,
      feedbackLog: '/srv/bot/feedback.jsonl',
      knowledgeCacheDir: '/home/ann/.xdg/briefing-bot',
    });
    expect(readEnvOptions({ KNOWLEDGE_DIR: 'kb', FEEDBACK_LOG: 'logs/f.jsonl', KNOWLEDGE_CACHE_DIR: ' /var/cache/bb ' }, '/srv/bot')).toEqual({
      knowledgeDir: '/srv/bot/kb',
      feedbackLog: '/srv/bot/logs/f.jsonl',
      knowledgeCacheDir: '/var/cache/bb',
    });
  });

  it('reads DATABASE_URL (for the bot and brief gaps), and names it when it is not a postgres:// URL', () => {
    expect(readEnvOptions({ DATABASE_URL: 'postgresql://bot:pw@db:5432/briefing' }, '/srv/bot').databaseUrl).toBe('postgresql://bot:pw@db:5432/briefing');
    expect(() => readEnvOptions({ DATABASE_URL: 'mysql://bot@db/briefing' })).toThrow(
      'DATABASE_URL is malformed: expected a postgres:// or postgresql:// URL, e.g. postgres://bot@db.internal:5432/briefing.',
    );
  });

  it('is what npm start reads too', () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SECRET, KNOWLEDGE_DIR: 'kb', KNOWLEDGE_CACHE_DIR: 'cache' };
    expect(loadConfig(env, '/srv/bot')).toMatchObject(readEnvOptions(env, '/srv/bot'));
  });
});

describe('.env', () => {
  it('fills in what the environment does not set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-env-'));
    writeFileSync(path.join(dir, '.env'), 'SLACK_BOT_TOKEN=xoxb-from-file\nPORT=4000\n');
    expect(environmentWithDotEnv({ PORT: '5000' }, dir)).toEqual({ SLACK_BOT_TOKEN: 'xoxb-from-file', PORT: '5000' });
    expect(environmentWithDotEnv({ PORT: '5000' }, tmpdir() + '/no-such-dir')).toEqual({ PORT: '5000' });
  });
});

describe('secretsOf', () => {
  it('lists the tokens, secrets and URL passwords the logger must remove, as written and decoded', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: SECRET,
      REDIS_URL: 'redis://:p%40ss-word@127.0.0.1:6390',
      DATABASE_URL: 'postgres://bot:db-password@127.0.0.1:5433/briefing',
    });
    expect(secretsOf(config)).toEqual(['xoxb-1-2-abc', SECRET, 'p%40ss-word', 'p@ss-word', 'db-password']);
  });

  it('lists the OAuth and app-level secrets, and nothing for URLs without a password', () => {
    const STATE = 'a-state-secret-of-at-least-32-characters';
    const config = loadConfig({
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: SECRET,
      SLACK_STATE_SECRET: STATE,
      SLACK_APP_TOKEN: 'xapp-1-A1-2',
      DATABASE_URL: 'postgres://bot@127.0.0.1:5433/briefing',
      REDIS_URL: 'redis://127.0.0.1:6390',
    });
    expect(secretsOf(config)).toEqual(['xapp-1-A1-2', SECRET, STATE]);
  });
});
