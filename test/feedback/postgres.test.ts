import { Pool } from 'pg';
import { startBot, type StartedBot } from '../helpers/bot';
import { brief } from '../helpers/cli';
import { FakeSlack } from '../helpers/fake-slack';
import { directMessageEvent, mentionEvent } from '../helpers/payloads';
import { fixtureKnowledge, REPO } from '../helpers/paths';
import { describeWith, testDatabase } from '../helpers/services';
import { sendSigned } from '../helpers/signed';
import { loadBooks } from '../../src/cache/load-books';
import { migrate } from '../../src/db/migrations';

/** Each run gets a database of its own on the test server, dropped after. */
const db = testDatabase('brief_test');
const databaseUrl = db?.url;

describeWith(databaseUrl)('feedback in PostgreSQL (DATABASE_URL)', () => {
  beforeAll(() => db!.create());
  afterAll(() => db!.drop());

  it('migrates once when replicas start together (advisory lock), and again is a no-op', async () => {
    const pools = [1, 2, 3].map(() => new Pool({ connectionString: databaseUrl }));
    try {
      const applied = await Promise.all(pools.map((p) => migrate(p)));
      expect(applied.reduce((a, b) => a + b, 0)).toBe(4);
      expect(await migrate(pools[0]!)).toBe(0);
      const { rows } = await pools[0]!.query('SELECT version FROM brief_migrations');
      expect(rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('records an unanswered question from Slack there, and brief gaps reads it', async () => {
    const fake = await new FakeSlack().start();
    let bot: StartedBot | undefined;
    try {
      bot = await startBot(fake, { DATABASE_URL: databaseUrl });
      await sendSigned(bot.eventsUrl, JSON.stringify(directMessageEvent("What's the weather in Kabul tomorrow?")));
      await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    } finally {
      await bot?.stop();
      await fake.stop();
    }
    const { code, out } = await brief(['gaps'], { env: { DATABASE_URL: databaseUrl } });
    expect(code).toBe(0);
    expect(out).toContain("   1× What's the weather in Kabul tomorrow?");
    // brief stats counts it from the same place, not from a log file.
    const stats = await brief(['stats'], { env: { DATABASE_URL: databaseUrl } });
    expect(stats.code).toBe(0);
    expect(stats.out).toMatch(/\nQuestions per week \(PostgreSQL \(brief_feedback\)\):\n {2}week .+\n {2}\d{4}-W\d\d {6}1 {9}0 {11}1 {4}0 {4}0\n/);
  });

  it('keeps the book of a question asked in a channel mapped to one, and brief gaps --book reads only that book', async () => {
    const loaded = loadBooks(fixtureKnowledge('two-books'), REPO, undefined);
    if (!loaded.ok) throw new Error('two-books must load');
    const fake = await new FakeSlack().start();
    let bot: StartedBot | undefined;
    try {
      bot = await startBot(fake, { DATABASE_URL: databaseUrl }, { books: loaded.books });
      await sendSigned(bot.eventsUrl, JSON.stringify(mentionEvent('How much water may each farm draw?', { channel: 'C0VALLEY01' })));
      await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    } finally {
      await bot?.stop();
      await fake.stop();
    }
    const gaps = (book: string) => brief(['gaps', '--knowledge', fixtureKnowledge('two-books'), '--book', book], { env: { DATABASE_URL: databaseUrl } });
    expect((await gaps('valley')).out).toContain('   1× How much water may each farm draw?');
    expect((await gaps('harbour')).out).not.toContain('How much water');
  });

  it('brief gaps says which store it could not read, without the password', async () => {
    const url = Object.assign(new URL(db!.admin), { password: 'sekret-pw', port: '1' }).toString();
    const { code, err } = await brief(['gaps'], { env: { DATABASE_URL: url } });
    expect(code).toBe(1);
    expect(err).toMatch(/^Could not read the feedback in PostgreSQL: .+\. Check DATABASE_URL and that the database is up\.$/);
    expect(err).not.toContain('sekret-pw');
    const stats = await brief(['stats'], { env: { DATABASE_URL: url } });
    expect(stats.code).toBe(1);
    expect(stats.err).toMatch(/^Could not read the feedback in PostgreSQL: .+\. Check DATABASE_URL and that the database is up\.$/);
    expect(stats.err).not.toContain('sekret-pw');
  });
});
