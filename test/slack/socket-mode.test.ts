import type { WebSocket } from 'ws';
import { APP_TOKEN, startBot } from '../helpers/bot';
import { FakeSlack } from '../helpers/fake-slack';
import { mentionEvent, messageShortcutPayload, sharedPayload } from '../helpers/payloads';

let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startBot>>;
let socket: WebSocket;
const acks: Array<Record<string, unknown>> = [];

beforeEach(async () => {
  acks.length = 0;
  fake = await new FakeSlack().start();
  bot = await startBot(fake, { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' });
  socket = await fake.waitFor(() => fake.sockets[0]);
  socket.on('message', (data) => acks.push(JSON.parse(String(data))));
});
afterEach(async () => {
  await bot.stop();
  await fake.stop();
});

function envelope(file: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const base = sharedPayload(file);
  return { ...base, envelope_id: `env-${Math.random().toString(36).slice(2)}`, payload: { ...base.payload, ...payload }, ...extra };
}

describe('Socket Mode', () => {
  it('opens the connection with the app-level token', () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('acks an app_mention envelope and answers once in the thread', async () => {
    const event = mentionEvent("what are NRF's stated goals?");
    const env = envelope('socket_mode.events_api.envelope.bolt-python-fixture.json', event, { retry_attempt: 0 });
    socket.send(JSON.stringify(env));
    await fake.waitFor(() => acks.find((a) => a.envelope_id === env.envelope_id));
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0]);
    expect(post.params).toMatchObject({ channel: 'C111', thread_ts: event.event.ts });
    expect(post.params.text).toContain('democratic, decentralized');

    // The same event again, as Slack's retry (retry_attempt 1): acked, not answered twice.
    const retry = { ...env, envelope_id: 'env-retry', retry_attempt: 1, retry_reason: 'timeout' };
    socket.send(JSON.stringify(retry));
    await fake.waitFor(() => acks.find((a) => a.envelope_id === 'env-retry'));
    await fake.quietFor();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('acks a /brief envelope and answers only the asker through the response URL', async () => {
    const env = envelope('socket_mode.slash_commands.envelope.bolt-python-fixture.json', {
      command: '/brief',
      text: 'Who leads the National Resistance Front?',
      response_url: fake.responseUrl('socket-cmd'),
    });
    socket.send(JSON.stringify(env));
    await fake.waitFor(() => acks.find((a) => a.envelope_id === env.envelope_id));
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/socket-cmd'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(reply.body)).toMatch(/led by Ahmad Massoud|leader of the National Resistance Front/);
  });

  it('never pings @channel from a Socket Mode question', async () => {
    const event = mentionEvent('<!channel> <!here> <@U999> who leads the NRF?');
    socket.send(JSON.stringify(envelope('socket_mode.events_api.envelope.bolt-python-fixture.json', event)));
    const post = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0]);
    for (const ping of ['<!channel', '<!here', '<@U999']) expect(JSON.stringify(post.params)).not.toContain(ping);
  });

  it('acks a "Check the briefing" shortcut envelope and answers the user only, through the response URL', async () => {
    const payload = messageShortcutPayload('brief_check_message', 'The NRF controls the Panjshir Valley.', fake.responseUrl('socket-check'));
    const env = { ...envelope('socket_mode.events_api.envelope.bolt-python-fixture.json', {}), type: 'interactive', payload, accepts_response_payload: false };
    socket.send(JSON.stringify(env));
    await fake.waitFor(() => acks.find((a) => a.envelope_id === env.envelope_id));
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/socket-check'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(reply.body)).toContain('*The briefing says:*\\n>The NRF exercises de facto control over the Panjshir Valley');
  });
});
