import { useFakeSlack } from '../helpers/bot';
import { mentionEvent, sharedPayload } from '../helpers/payloads';
import { sendSigned, signature } from '../helpers/signed';

const slack = useFakeSlack();
beforeEach(() => slack.start());
const eventsUrl = () => slack.bot!.eventsUrl;

const now = () => Math.floor(Date.now() / 1000);
const noWebApiCalls = async () => {
  await slack.fake.quietFor(300);
  expect(slack.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
};

describe('request signatures', () => {
  const body = () => JSON.stringify(mentionEvent('NRF goals'));

  it.each([
    ['a forged signature', (b: string) => sendSigned(eventsUrl(), b, { secret: 'someoneelsessecret0000000000000000' })],
    ['a tampered body', (b: string) => {
      const ts = now();
      return fetch(eventsUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(b, ts) }, body: b.replace('NRF goals', 'NRF money') });
    }],
    ['a stale timestamp (6 minutes old)', (b: string) => sendSigned(eventsUrl(), b, { timestamp: now() - 6 * 60 })],
    ['a timestamp 6 minutes in the future', (b: string) => sendSigned(eventsUrl(), b, { timestamp: now() + 6 * 60 })],
    ['no signature headers', (b: string) => fetch(eventsUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: b })],
  ])('rejects %s with 401 and calls no Web API', async (_name, send) => {
    const response = await send(body());
    expect(response.status).toBe(401);
    await noWebApiCalls();
  });

  it('accepts a timestamp a little in the future (clock skew)', async () => {
    const result = await sendSigned(eventsUrl(), body(), { timestamp: now() + 60 });
    expect(result.status).toBe(200);
    await slack.fake.waitFor(() => slack.fake.callsTo('chat.postMessage')[0]);
  });

  it('answers url_verification only when signed', async () => {
    const challenge = JSON.stringify(sharedPayload('url_verification.docs.json'));
    const unsigned = await fetch(eventsUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: challenge });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.text()).not.toContain('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect((await sendSigned(eventsUrl(), challenge)).status).toBe(200);
  });
});
