import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@redis/client';
import { FakeSlack } from './helpers/fake-slack';
import { mentionEvent } from './helpers/payloads';
import { startBotProcess } from './helpers/bot-process';
import { describeWith, serviceUrl } from './helpers/services';
import { sendSigned } from './helpers/signed';

/** Two `node dist/main.js` replicas behind a (pretend) load balancer, sharing Redis database 2. */
const base = serviceUrl('TEST_REDIS_URL');
const redisUrl = base && Object.assign(new URL(base), { pathname: '/2' }).toString();

let fake: FakeSlack;
let replicas: Array<Awaited<ReturnType<typeof startBotProcess>>> = [];

describeWith(redisUrl)('two replicas sharing Redis (npm start x2)', () => {
  beforeAll(async () => {
    const client = createClient({ url: redisUrl });
    await client.connect();
    await client.flushDb();
    client.destroy();
    fake = await new FakeSlack().start();
    const work = mkdtempSync(path.join(tmpdir(), 'brief-replicas-'));
    const env = { REDIS_URL: redisUrl, KNOWLEDGE_RELOAD_MS: '0', KNOWLEDGE_CACHE_DIR: path.join(work, 'cache') };
    replicas = await Promise.all([startBotProcess(fake, work, env), startBotProcess(fake, work, env)]);
  });
  afterAll(async () => {
    replicas.forEach((r) => r.kill());
    await fake?.stop();
  });

  it("answers once when Slack's retry of an event goes to the other replica", async () => {
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const body = JSON.stringify(mentionEvent('NRF goals'));
    expect((await sendSigned(a.events, body)).status).toBe(200);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    expect((await sendSigned(b.events, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await fake.quietFor(1000);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await b.health()).not.toHaveProperty('status');
  });
});
