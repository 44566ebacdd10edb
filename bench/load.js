#!/usr/bin/env node
'use strict';
/**
 * npm run load [-- --quick] [-- --replicas N]
 * Drives the real bot (node dist/main.js, HTTP mode) on loopback with signed app_mention events:
 * a steady 100 events/s for 20 s, then a burst of 500 at concurrency 50, plus Slack-style retries
 * of some events. A fake Web API in this process counts the replies. Reports ack latency p50/p99,
 * errors, and whether every event was answered exactly once. Only loopback addresses are used.
 * With --replicas N, N bots share the Redis at REDIS_URL; events go round-robin and each retry goes
 * to another replica than its first delivery (as a load balancer may send it).
 */
const { spawn } = require('node:child_process');
const { createHmac } = require('node:crypto');
const { createServer } = require('node:http');
const { mkdirSync, mkdtempSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { msSince, percentile } = require('./stats');

const quick = process.argv.includes('--quick');
const replicasArg = process.argv.indexOf('--replicas');
const REPLICAS = replicasArg > 0 ? Number(process.argv[replicasArg + 1]) : 1;
if (!(REPLICAS >= 1) || (REPLICAS > 1 && !process.env.REDIS_URL)) {
  console.error('--replicas N needs a whole number N >= 1, and REDIS_URL for N > 1 (npm run services -- start prints one)');
  process.exit(2);
}
/** Ids and timestamps unique to this run: with Redis, claims outlive a run by 15 minutes. */
const RUN = Math.floor(Date.now() / 1000);
const PLAN = quick ? { rate: 100, seconds: 3, burst: 100, concurrency: 20, retries: 20 } : { rate: 100, seconds: 20, burst: 500, concurrency: 50, retries: 100 };
const SECRET = '10ad7e5751c9a15ec7e7000000000000';
const QUESTIONS = ["What are the NRF's stated goals?", 'Who leads the NRF?', 'Where is the NRF based?', 'How many fighters does the NRF have?', "What's the weather in Kabul tomorrow?"];
/** @param {import('node:net').Server} server listening on a TCP port */
const portOf = (server) => /** @type {import('node:net').AddressInfo} */ (server.address()).port;

/** Counts chat.postMessage calls per thread_ts (one thread per event). */
function startFakeApi() {
  /** @type {Map<string | null, number>} */
  const replies = new Map();
  /** When each thread's first reply came (performance.now()). @type {Map<string | null, number>} */
  const repliedAt = new Map();
  let calls = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const method = (req.url || '').replace('/api/', '');
      const params = new URLSearchParams(raw);
      if (method === 'chat.postMessage') {
        calls++;
        const thread = params.get('thread_ts');
        replies.set(thread, (replies.get(thread) || 0) + 1);
        if (!repliedAt.has(thread)) repliedAt.set(thread, performance.now());
      }
      const body = method === 'auth.test' ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T111' } : { ok: true, ts: `${Date.now() / 1000}` };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  /** @type {Promise<{ server: typeof server, replies: typeof replies, repliedAt: typeof repliedAt, calls: () => number, port: number }>} */
  const ready = new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, replies, repliedAt, calls: () => calls, port: portOf(server) })));
  return ready;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = portOf(s);
      s.close(() => resolve(port));
    });
  });
}

let counter = 0;
function mention() {
  const n = ++counter;
  const ts = `${RUN}.${String(n).padStart(6, '0')}`;
  return {
    ts,
    /** When it was first sent (performance.now()), for the reply latency. */
    sentAt: 0,
    body: JSON.stringify({
      token: 'x',
      team_id: 'T111',
      api_app_id: 'A111',
      type: 'event_callback',
      event_id: `EvLOAD${RUN}X${n}`,
      event_time: 1700000000,
      event: { type: 'app_mention', user: `U${1000 + (n % 400)}`, text: `<@UBOT> ${QUESTIONS[n % QUESTIONS.length]}`, ts, channel: 'C111', event_ts: ts },
    }),
  };
}

/** @param {string} url @param {string} body @param {Record<string, string>} [headers] */
async function send(url, body, headers = {}) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const start = process.hrtime.bigint();
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature, ...headers }, body });
    await res.text();
    return { ok: res.status === 200, ms: msSince(start) };
  } catch {
    return { ok: false, ms: msSince(start) };
  }
}

async function main() {
  const api = await startFakeApi();
  const work = mkdtempSync(path.join(os.tmpdir(), 'brief-load-'));
  let botLog = '';
  const bots = [];
  /** @type {string[]} */
  const urls = [];
  for (let b = 0; b < REPLICAS; b++) {
    const port = await freePort();
    // As `npm start` runs it (package.json).
    const bot = spawn(process.execPath, ['--v8-pool-size=1', path.resolve(__dirname, '..', 'dist', 'main.js')], {
      cwd: work,
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-load-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `http://127.0.0.1:${api.port}/api/`, PORT: String(port), RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', KNOWLEDGE_RELOAD_MS: '0', ...(REPLICAS > 1 && { REDIS_URL: process.env.REDIS_URL }) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    bot.stderr.on('data', (d) => (botLog += d));
    bots.push(bot);
    urls.push(`http://127.0.0.1:${port}/slack/events`);
    for (let i = 0; i < 100 && !(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  }
  /** @param {number} i */
  const url = (i) => /** @type {string} */ (urls[i % REPLICAS]);

  /** @type {number[]} */
  const acks = [];
  const sent = [];
  let errors = 0;
  /** @param {{ ok: boolean, ms: number }} r */
  const record = (r) => {
    acks.push(r.ms);
    if (!r.ok) errors++;
  };

  // Steady phase: one event every 10 ms, not waiting for replies (as Slack does).
  process.stderr.write(`steady: ${PLAN.rate} events/s for ${PLAN.seconds} s\n`);
  const pending = [];
  const total = PLAN.rate * PLAN.seconds;
  const began = Date.now();
  for (let i = 0; i < total; i++) {
    const due = began + (i * 1000) / PLAN.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const m = mention();
    m.sentAt = performance.now();
    sent.push(m);
    pending.push(send(url(i), m.body).then(record));
    // Slack redelivers some events (same event_id); each must still be answered once.
    if (i % Math.floor(total / PLAN.retries) === 0) pending.push(send(url(i + 1), m.body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }).then(record));
  }
  await Promise.all(pending);
  const steadySeconds = (Date.now() - began) / 1000;

  // Burst phase: PLAN.burst events with PLAN.concurrency in flight at once.
  process.stderr.write(`burst: ${PLAN.burst} events at concurrency ${PLAN.concurrency}\n`);
  const burst = Array.from({ length: PLAN.burst }, mention);
  sent.push(...burst);
  let next = 0;
  await Promise.all(
    Array.from({ length: PLAN.concurrency }, async () => {
      for (let m = burst[next++]; m; m = burst[next++]) {
        m.sentAt = performance.now();
        await send(url(next), m.body).then(record);
      }
    }),
  );

  // Wait for the replies to land, then check exactly-once.
  const deadline = Date.now() + 30000;
  while (api.calls() < sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
  const missing = sent.filter((m) => !api.replies.has(m.ts)).length;
  const duplicated = [...api.replies.values()].filter((n) => n > 1).length;
  const sorted = [...acks].sort((a, b) => a - b);
  const ackP99Ms = percentile(sorted, 0.99) ?? NaN;
  // How long a person waits for the answer: event sent to reply posted (not a target; Slack only needs the ack in 3 s).
  const waits = sent.flatMap((m) => (api.repliedAt.has(m.ts) ? [/** @type {number} */ (api.repliedAt.get(m.ts)) - m.sentAt] : [])).sort((a, b) => a - b);
  const result = {
    date: new Date().toISOString(),
    quick,
    replicas: REPLICAS,
    plan: PLAN,
    events: sent.length,
    requests: acks.length,
    steadySeconds,
    ackP50Ms: percentile(sorted, 0.5) ?? NaN,
    ackP99Ms,
    ackMaxMs: sorted.at(-1) ?? NaN,
    replyP50Ms: percentile(waits, 0.5) ?? NaN,
    replyP99Ms: percentile(waits, 0.99) ?? NaN,
    errors,
    answered: api.replies.size,
    missing,
    duplicated,
    targets: { zeroErrors: errors === 0, exactlyOnce: missing === 0 && duplicated === 0 && api.calls() === sent.length, ackP99Under500ms: ackP99Ms < 500 },
  };
  await Promise.all(bots.map((bot) => (bot.kill('SIGTERM'), new Promise((r) => bot.once('exit', r)))));
  api.server.close();

  console.log(`Load test${quick ? ' (quick)' : ''}${REPLICAS > 1 ? `, ${REPLICAS} replicas sharing Redis` : ''}: ${result.events} events (${PLAN.rate}/s for ${PLAN.seconds} s, then a burst of ${PLAN.burst} at concurrency ${PLAN.concurrency}), plus ${result.requests - result.events} Slack-style retries`);
  console.log(`  ack latency: p50 ${result.ackP50Ms.toFixed(1)} ms, p99 ${result.ackP99Ms.toFixed(1)} ms, max ${result.ackMaxMs.toFixed(1)} ms   (target p99 < 500 ms: ${result.targets.ackP99Under500ms ? 'met' : 'MISSED'})`);
  console.log(`  reply latency (event sent → answer posted): p50 ${result.replyP50Ms.toFixed(1)} ms, p99 ${result.replyP99Ms.toFixed(1)} ms`);
  console.log(`  errors: ${errors}   (target 0: ${result.targets.zeroErrors ? 'met' : 'MISSED'})`);
  console.log(`  answered: ${result.answered}/${result.events}, missing ${missing}, answered twice ${duplicated}, chat.postMessage calls ${api.calls()}   (exactly once: ${result.targets.exactlyOnce ? 'met' : 'MISSED'})`);
  if (/error/i.test(botLog)) console.log(`  bot log had errors:\n${botLog.slice(-1000)}`);
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', `load${REPLICAS > 1 ? `-replicas${REPLICAS}` : ''}${quick ? '-quick' : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = Object.values(result.targets).every(Boolean) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
