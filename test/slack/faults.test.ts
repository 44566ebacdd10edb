import { engine, useFakeSlack } from '../helpers/bot';
import type { FakeSlack } from '../helpers/fake-slack';
import { mentionEvent } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import type { Engine } from '../../src/engine/engine';

const slack = useFakeSlack();
const posts = () => slack.fake.callsTo('chat.postMessage');
const send = (body: object) => sendSigned(slack.bot!.eventsUrl, JSON.stringify(body));
const logLines = () => slack.bot!.logs.map((l) => JSON.parse(l) as Record<string, unknown>);

/** Fails the first `n` calls of a method with `reply`, then lets it through. */
function failFirst(method: string, n: number, reply: Parameters<FakeSlack['on']>[1]) {
  let calls = 0;
  slack.fake.on(method, (params) => (++calls <= n ? reply(params) : undefined));
}

describe('Slack Web API faults', () => {
  it('waits out a 429 with Retry-After, then posts once', async () => {
    await slack.start();
    failFirst('chat.postMessage', 1, () => ({ status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }));
    await send(mentionEvent('NRF goals'));
    await slack.fake.waitFor(() => posts().length === 2, 8000);
    expect(String(posts()[1]!.params.text)).toContain('democratic, decentralized');
  });

  it('retries a 5xx with backoff', async () => {
    await slack.start();
    failFirst('chat.postMessage', 2, () => ({ status: 503, body: 'upstream unavailable' }));
    await send(mentionEvent('NRF goals'));
    await slack.fake.waitFor(() => posts().length === 3, 10000);
    expect(String(posts()[2]!.params.text)).toContain('democratic, decentralized');
  });

  it('logs an ok:false with the method and error code, and tells the user', async () => {
    await slack.start();
    failFirst('chat.postMessage', 1, () => ({ body: { ok: false, error: 'msg_too_long' } }));
    await send(mentionEvent('NRF goals'));
    await slack.fake.waitFor(() => posts().length === 2);
    expect(logLines()).toContainEqual(expect.objectContaining({ event: 'slack_api_error', method: 'chat.postMessage', error: 'msg_too_long' }));
    expect(posts()[1]!.params.text).toBe('Sorry, Slack did not accept my answer. Please try again in a moment.');
  });

  it('gives up on a hung call after the timeout and keeps serving', async () => {
    await slack.start({ SLACK_API_TIMEOUT_MS: '200' });
    let hung = 0;
    slack.fake.on('chat.postMessage', (params) => (String(params.text).includes('democratic') && hung++ < 10 ? { hang: true } : undefined));
    await send(mentionEvent('NRF goals'));
    await slack.fake.waitFor(() => logLines().some((l) => l.event === 'slack_api_error'), 15000);
    await send(mentionEvent('Who was Ahmad Massoud’s father?'));
    await slack.fake.waitFor(() => posts().some((p) => String(p.params.text).includes('Ahmad Shah Massoud')));
  }, 30000);

  it('survives a listener that throws: logs it, and serves the next request', async () => {
    const flaky: Engine = {
      ...engine,
      ask: (q, o) => {
        if (q.includes('explode')) throw new Error('engine exploded');
        return engine.ask(q, o);
      },
    };
    await slack.start({}, { engine: flaky });
    expect((await send(mentionEvent('please explode'))).status).toBe(200);
    await slack.fake.waitFor(() => logLines().some((l) => l.event === 'listener_error'));
    expect(logLines()).toContainEqual(expect.objectContaining({ event: 'listener_error', error: 'engine exploded' }));
    await send(mentionEvent('NRF goals'));
    await slack.fake.waitFor(() => posts().some((p) => String(p.params.text).includes('democratic')));
  });
});

describe('observability', () => {
  it('logs one structured line per question, without its text unless LOG_QUESTIONS=true', async () => {
    await slack.start();
    await send(mentionEvent('NRF goals'));
    await slack.fake.waitFor(() => posts().length === 1);
    const line = logLines().find((l) => l.event === 'question')!;
    expect(line).toEqual({
      time: expect.any(String),
      level: 'info',
      logger: expect.any(String),
      event: 'question',
      team: 'T111',
      channel: 'C111',
      user: 'W222',
      surface: 'mention',
      latencyMs: expect.any(Number),
      answered: true,
      factId: 'nrf-stated-goals',
      score: expect.any(Number),
    });
    await slack.bot!.stop();
    await slack.start({ LOG_QUESTIONS: 'true' });
    await send(mentionEvent('Who leads the NRF?'));
    await slack.fake.waitFor(() => logLines().some((l) => l.event === 'question'));
    expect(logLines().find((l) => l.event === 'question')).toMatchObject({ question: 'Who leads the NRF?' });
  });
});
