import { loadConfig } from '../../src/config';
import { startupMessages } from '../../src/messages';
import { createLogger } from '../../src/slack/logger';
import { StartupError, verifyBotToken } from '../../src/slack/startup-checks';
import { BOT_TOKEN } from '../helpers/bot';
import { FakeSlack } from '../helpers/fake-slack';
import { SIGNING_SECRET } from '../helpers/signed';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await new FakeSlack().start();
});
afterEach(() => fake.stop());

async function verify(env: NodeJS.ProcessEnv = {}) {
  const logs: string[] = [];
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, ...env });
  const logger = createLogger({ level: 'debug', write: (line) => logs.push(line), secrets: [config.botToken] });
  const outcome = await verifyBotToken(config, logger).catch((error: unknown) => error);
  return { outcome, logs };
}

describe('verifyBotToken (auth.test at start-up)', () => {
  it('returns the bot identity Bolt needs', async () => {
    expect((await verify()).outcome).toEqual({ botId: 'BBOT0001', botUserId: 'UBOT0001', team: 'Test' });
    expect(fake.callsTo('auth.test')[0]!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it.each(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked'])('on %s names SLACK_BOT_TOKEN and where to get a new one, without retrying', async (error) => {
    fake.on('auth.test', () => ({ body: { ok: false, error } }));
    const { outcome } = await verify();
    expect(outcome).toBeInstanceOf(StartupError);
    const { message } = outcome as Error;
    expect(message).toBe(startupMessages.tokenRejected('SLACK_BOT_TOKEN', error));
    // What the message must say, whatever its wording: which variable, the code, and where to get a value.
    for (const part of ['SLACK_BOT_TOKEN', error, 'OAuth & Permissions', 'xoxb-']) expect(message).toContain(part);
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('reports any other refusal with the method and error code', async () => {
    fake.on('auth.test', () => ({ body: { ok: false, error: 'team_disabled' } }));
    const { message } = (await verify()).outcome as Error;
    expect(message).toBe(startupMessages.refused('auth.test', 'team_disabled'));
    for (const part of ['auth.test', 'team_disabled', 'https://api.slack.com/apps']) expect(message).toContain(part);
  });

  it('retries a 5xx until Slack answers, logging each failed try in one line', async () => {
    let calls = 0;
    fake.on('auth.test', () => (++calls <= 2 ? { status: 503, body: 'upstream unavailable' } : undefined));
    const { outcome, logs } = await verify({ SLACK_STARTUP_RETRY_MS: '5000' });
    expect(outcome).toMatchObject({ botUserId: 'UBOT0001' });
    const tries = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'slack_unreachable');
    expect(tries).toEqual([
      expect.objectContaining({ attempt: 1, method: 'auth.test', retryInMs: 500 }),
      expect.objectContaining({ attempt: 2, method: 'auth.test', retryInMs: 1000 }),
    ]);
    expect(logs.join('\n')).not.toContain(BOT_TOKEN);
  });

  it('with SLACK_STARTUP_RETRY_MS=0 tries once and gives up with a clear message', async () => {
    fake.on('auth.test', () => ({ status: 502, body: 'bad gateway' }));
    const { outcome, logs } = await verify({ SLACK_STARTUP_RETRY_MS: '0' });
    const { message } = outcome as Error;
    expect(message).toBe(startupMessages.unreachable(fake.apiUrl, 0, 'An HTTP protocol error occurred: statusCode = 502'));
    for (const part of [fake.apiUrl, '502', 'SLACK_API_URL']) expect(message).toContain(part);
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(logs).toHaveLength(1);
  });
});
