import { createClient } from '@redis/client';
import { engine, startBot, type StartedBot } from '../helpers/bot';
import { FakeSlack } from '../helpers/fake-slack';
import { directMessageEvent, mentionEvent } from '../helpers/payloads';
import { describeWith, serviceUrl, startPrivateRedis } from '../helpers/services';
import { sendSigned } from '../helpers/signed';
import type { Engine } from '../../src/engine/engine';

/** Two bots in this process sharing one Redis (database 1, emptied before each test), as two replicas would. */
const base = serviceUrl('TEST_REDIS_URL');
const redisUrl = base && Object.assign(new URL(base), { pathname: '/1' }).toString();

let fake: FakeSlack;
const bots: StartedBot[] = [];
const posts = () => fake.callsTo('chat.postMessage');
const send = (bot: StartedBot, body: object, headers?: Record<string, string>) => sendSigned(bot.eventsUrl, JSON.stringify(body), { headers });
const start = async (env: NodeJS.ProcessEnv = {}, options: { engine?: Engine } = {}) => {
  const bot = await startBot(fake, { REDIS_URL: redisUrl, ...env }, options);
  bots.push(bot);
  return bot;
};
/** Polls an async condition (FakeSlack.waitFor takes a synchronous one). */
async function until(done: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const logLines = (bot: StartedBot) => bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeEach(async () => {
  fake = await new FakeSlack().start();
});
afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.stop()));
  await fake.stop();
});

describeWith(redisUrl)('replicas sharing Redis', () => {
  beforeEach(async () => {
    const client = createClient({ url: redisUrl });
    await client.connect();
    await client.flushDb();
    client.destroy();
  });

  it("answers an event once when Slack's retry reaches the other replica", async () => {
    const [a, b] = [await start(), await start()];
    const body = mentionEvent('NRF goals');
    await send(a, body);
    await fake.waitFor(() => posts().length === 1);
    await send(b, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await fake.quietFor(500);
    expect(posts()).toHaveLength(1);
  });

  it('answers a message once when two deliveries with different event ids reach two replicas at once', async () => {
    const [a, b] = [await start(), await start()];
    const first = mentionEvent('NRF goals');
    const second = { ...first, event_id: `${first.event_id}X` };
    await Promise.all([send(a, first), send(b, second)]);
    await fake.waitFor(() => posts().length === 1);
    await fake.quietFor(500);
    expect(posts()).toHaveLength(1);
  });

  it('frees the claim when handling fails, so the retry on the other replica is answered', async () => {
    const broken: Engine = {
      ...engine,
      ask: () => {
        throw new Error('engine exploded');
      },
    };
    const [a, b] = [await start({}, { engine: broken }), await start()];
    const body = mentionEvent('NRF goals');
    await send(a, body);
    await fake.waitFor(() => logLines(a).some((l) => l.event === 'listener_error'));
    await send(b, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
    await fake.waitFor(() => posts().some((p) => String(p.params.text).includes('democratic, decentralized')));
    expect(posts()).toHaveLength(1);
  });

  it('counts the per-user rate limit across replicas', async () => {
    const [a, b] = [await start({ RATE_LIMIT_PER_MINUTE: '2' }), await start({ RATE_LIMIT_PER_MINUTE: '2' })];
    await send(a, directMessageEvent('NRF goals'));
    await send(b, directMessageEvent('Who leads the NRF?'));
    await fake.waitFor(() => posts().length === 2);
    await send(a, directMessageEvent('Where is the NRF based?'));
    await fake.waitFor(() => posts().length === 3);
    await fake.quietFor(300);
    expect(String(posts()[2]!.params.text)).toMatch(/^You've asked 2 questions in the last minute/);
  });
});

describeWith(redisUrl)('when Redis goes away', () => {
  it('keeps answering, reports degraded: redis on /healthz, and recovers by itself', async () => {
    const redis = await startPrivateRedis();
    try {
      const bot = await startBot(fake, { REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '5' });
      bots.push(bot);
      const health = async () => (await (await fetch(`${bot.base}/healthz`)).json()) as Record<string, unknown>;
      expect(await health()).not.toHaveProperty('status');

      await redis.stop();
      await until(async () => (await health()).status === 'degraded: redis');
      const body = mentionEvent('NRF goals');
      await send(bot, body);
      await fake.waitFor(() => posts().length === 1);
      await send(bot, body, { 'x-slack-retry-num': '1' });
      await fake.quietFor(300);
      expect(posts()).toHaveLength(1);
      const warnings = logLines(bot).filter((l) => l.event === 'redis_unavailable' || l.event === 'claims_in_process');
      expect(warnings.map((l) => l.event).sort()).toEqual(['claims_in_process', 'redis_unavailable']);

      await redis.restart();
      await until(async () => !('status' in (await health())), 8000);
      expect(logLines(bot)).toContainEqual(expect.objectContaining({ event: 'redis_recovered' }));
      await send(bot, mentionEvent('Who leads the NRF?'));
      await fake.waitFor(() => posts().length === 2);
    } finally {
      await redis.stop();
    }
  });
});
