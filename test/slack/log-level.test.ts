import { startBot } from '../helpers/bot';
import { FakeSlack } from '../helpers/fake-slack';
import { mentionEvent } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';

describe('LOG_LEVEL', () => {
  let fake: FakeSlack;
  beforeAll(async () => (fake = await new FakeSlack().start()));
  afterAll(() => fake.stop());

  it.each(['warn', 'error'])('%s: a question answered writes no info line (Bolt must not reset the level)', async (level) => {
    const bot = await startBot(fake, { LOG_LEVEL: level });
    try {
      const before = fake.callsTo('chat.postMessage').length;
      await sendSigned(bot.eventsUrl, JSON.stringify(mentionEvent('Who leads the NRF?')));
      await fake.waitFor(() => fake.callsTo('chat.postMessage')[before], 10_000);
      expect(bot.logs.map((l) => (JSON.parse(l) as { level: string }).level).filter((l) => l === 'info' || l === 'debug')).toEqual([]);
    } finally {
      await bot.stop();
    }
  });

  it('info: the same question is logged', async () => {
    const bot = await startBot(fake, { LOG_LEVEL: 'info' });
    try {
      const before = fake.callsTo('chat.postMessage').length;
      await sendSigned(bot.eventsUrl, JSON.stringify(mentionEvent('Who leads the NRF?')));
      await fake.waitFor(() => fake.callsTo('chat.postMessage')[before], 10_000);
      expect(bot.logs.map((l) => JSON.parse(l) as { event?: string })).toContainEqual(expect.objectContaining({ event: 'question' }));
    } finally {
      await bot.stop();
    }
  });
});
