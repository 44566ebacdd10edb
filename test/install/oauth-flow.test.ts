import { APP_TOKEN, startBot, type StartedBot } from '../helpers/bot';
import { FakeSlack, type Grant } from '../helpers/fake-slack';
import { mentionEvent, sharedPayload, slashCommandForm } from '../helpers/payloads';
import { freePort } from '../helpers/ports';
import { describeWith, sql, testDatabase } from '../helpers/services';
import { sendSigned } from '../helpers/signed';
import { installMessages } from '../../src/messages';

/** Each run gets a database of its own on the test server, dropped after. */
const db = testDatabase('brief_oauth');
const databaseUrl = db?.url;

const CLIENT_SECRET = '0123456789abcdef0123456789abcdef';
const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: 'a-state-secret-of-at-least-32-characters',
};
const FORM = 'application/x-www-form-urlencoded';
const ONE: Grant = { team: 'T111', token: 'xoxb-111-workspace-one' };
const TWO: Grant = { team: 'T222', token: 'xoxb-222-workspace-two' };

/** What a browser does: open /slack/install, follow Slack back to /slack/oauth_redirect with the state cookie. */
async function install(bot: Pick<StartedBot, 'base'>, code: string, cookie?: string) {
  const start = await fetch(`${bot.base}/slack/install`, { redirect: 'manual' });
  const location = new URL(start.headers.get('location') ?? 'http://missing/');
  const setCookie = start.headers.get('set-cookie') ?? '';
  const state = location.searchParams.get('state') ?? '';
  const back = await fetch(`${bot.base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    redirect: 'manual',
    headers: { cookie: cookie ?? setCookie.split(';')[0]! },
  });
  return { start, location, setCookie, back, text: await back.text() };
}

const mentionFrom = (team: string, text: string) => {
  const body = mentionEvent(text);
  return { ...body, team_id: team, enterprise_id: undefined, event: { ...body.event, team } };
};
const uninstalledFrom = (team: string) => ({ type: 'event_callback', team_id: team, api_app_id: 'A111', event_id: `EvU${team}${Date.now()}`, event_time: 1, event: { type: 'app_uninstalled' } });
const commandFrom = (team: string, text: string, responseUrl: string) => {
  const form = new URLSearchParams(slashCommandForm(text, responseUrl));
  form.set('team_id', team);
  form.delete('enterprise_id');
  return form.toString();
};

describeWith(databaseUrl)('OAuth installs in many workspaces (PostgreSQL)', () => {
  let fake: FakeSlack;
  let bot: StartedBot | undefined;
  const posts = () => fake.callsTo('chat.postMessage');
  const rows = () => sql<{ key: string; token: string }>(databaseUrl!, `SELECT key, installation->'bot'->>'token' AS token FROM brief_installations ORDER BY key`);

  beforeAll(() => db!.create());
  afterAll(() => db!.drop());
  beforeEach(async () => {
    fake = await new FakeSlack().start();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await fake.stop();
    await sql(databaseUrl!, 'DELETE FROM brief_installations').catch(() => undefined);
  });

  it('installs two workspaces, answers each with its own token, and forgets the one that uninstalls', async () => {
    fake.grant('code-one', ONE);
    fake.grant('code-two', TWO);
    bot = await startBot(fake, { ...OAUTH_ENV, DATABASE_URL: databaseUrl });

    const first = await install(bot, 'code-one');
    expect(first.start.status).toBe(302);
    expect(first.location.origin + first.location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(first.location.searchParams.get('client_id')).toBe('1111.2222');
    expect(first.location.searchParams.get('scope')).toBe('app_mentions:read,channels:history,chat:write,commands,im:history');
    expect(first.setCookie).toMatch(/^slack-app-oauth-state=/);
    expect(first.back.status).toBe(200);
    expect((await install(bot, 'code-two')).back.status).toBe(200);
    expect(fake.callsTo('oauth.v2.access').map((c) => [c.params.code, c.params.client_secret])).toEqual([
      ['code-one', CLIENT_SECRET],
      ['code-two', CLIENT_SECRET],
    ]);
    expect(await rows()).toEqual([
      { key: 'T:T111', token: ONE.token },
      { key: 'T:T222', token: TWO.token },
    ]);

    for (const [team, token] of [['T111', ONE.token], ['T222', TWO.token]] as const) {
      const before = posts().length;
      expect((await sendSigned(bot.eventsUrl, JSON.stringify(mentionFrom(team, "what are NRF's stated goals?")))).status).toBe(200);
      const post = await fake.waitFor(() => posts().length === before + 1 && posts()[before]);
      expect(post.authorization).toBe(`Bearer ${token}`);
      expect(String(post.params.text)).toContain('democratic, decentralized Afghanistan');
    }
    const questions = bot.logs.map((l) => JSON.parse(l)).filter((l) => l.event === 'question');
    expect(questions.map((l) => l.team)).toEqual(['T111', 'T222']);

    await sendSigned(bot.eventsUrl, commandFrom('T222', "what are NRF's stated goals?", fake.responseUrl('cmd-two')), { contentType: FORM });
    await fake.waitFor(() => fake.responses.find((r) => r.path === '/response/cmd-two'));

    expect((await sendSigned(bot.eventsUrl, JSON.stringify(uninstalledFrom('T222')))).status).toBe(200);
    await waitUntil(async () => (await rows()).length === 1);
    expect(await rows()).toEqual([{ key: 'T:T111', token: ONE.token }]);
    expect(bot.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'uninstalled')).toMatchObject({ team: 'T222', why: 'app_uninstalled' });

    // Slack may deliver the uninstall twice: a missing row is fine.
    expect((await sendSigned(bot.eventsUrl, JSON.stringify(uninstalledFrom('T222')))).status).toBe(200);
    const before = posts().length;
    await sendSigned(bot.eventsUrl, JSON.stringify(mentionFrom('T222', "what are NRF's stated goals?")));
    await fake.quietFor();
    expect(posts()).toHaveLength(before);
    expect(bot.logs.map((l) => JSON.parse(l)).filter((l) => l.event === 'listener_error').map((l) => l.team)).toEqual(['T222']);

    await sendSigned(bot.eventsUrl, JSON.stringify(mentionFrom('T111', 'who leads the NRF?')));
    const post = await fake.waitFor(() => posts().length === before + 1 && posts()[before]);
    expect(post.authorization).toBe(`Bearer ${ONE.token}`);
  });

  it('forgets a workspace whose bot token is revoked, not one whose installer only revoked their own token', async () => {
    fake.grant('code-one', ONE);
    bot = await startBot(fake, { ...OAUTH_ENV, DATABASE_URL: databaseUrl });
    await install(bot, 'code-one');
    const revoked = (tokens: object) => ({ ...uninstalledFrom('T111'), event_id: `EvR${JSON.stringify(tokens).length}`, event: { type: 'tokens_revoked', tokens } });
    await sendSigned(bot.eventsUrl, JSON.stringify(revoked({ oauth: ['UINSTALLER'] })));
    await fake.quietFor(200);
    expect(await rows()).toHaveLength(1);
    await sendSigned(bot.eventsUrl, JSON.stringify(revoked({ oauth: [], bot: ['BT111'] })));
    await waitUntil(async () => (await rows()).length === 0);
    expect(bot.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'uninstalled')).toMatchObject({ team: 'T111', why: 'tokens_revoked' });
  });

  it('in Socket Mode serves the install pages on PORT and answers events from the socket with the workspace token', async () => {
    fake.grant('code-two', TWO);
    const port = await freePort();
    bot = await startBot(fake, { ...OAUTH_ENV, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '', PORT: String(port), DATABASE_URL: databaseUrl });
    expect((await install({ base: `http://127.0.0.1:${port}` }, 'code-two')).back.status).toBe(200);
    expect(await rows()).toEqual([{ key: 'T:T222', token: TWO.token }]);
    const socket = await fake.waitFor(() => fake.sockets[0]);
    const base = sharedPayload('socket_mode.events_api.envelope.bolt-python-fixture.json');
    socket.send(JSON.stringify({ ...base, envelope_id: 'env-oauth', payload: mentionFrom('T222', "what are NRF's stated goals?") }));
    const post = await fake.waitFor(() => posts()[0]);
    expect(post.authorization).toBe(`Bearer ${TWO.token}`);
  });

  it('keeps installations across a restart (another replica sees them)', async () => {
    fake.grant('code-one', ONE);
    bot = await startBot(fake, { ...OAUTH_ENV, DATABASE_URL: databaseUrl });
    await install(bot, 'code-one');
    await bot.stop();
    bot = await startBot(fake, { ...OAUTH_ENV, DATABASE_URL: databaseUrl });
    await sendSigned(bot.eventsUrl, JSON.stringify(mentionFrom('T111', "what are NRF's stated goals?")));
    const post = await fake.waitFor(() => posts()[0]);
    expect(post.authorization).toBe(`Bearer ${ONE.token}`);
  });

  it('re-installing a workspace replaces its token (upsert)', async () => {
    fake.grant('code-old', ONE);
    fake.grant('code-new', { ...ONE, token: 'xoxb-111-reinstalled' });
    bot = await startBot(fake, { ...OAUTH_ENV, DATABASE_URL: databaseUrl });
    await install(bot, 'code-old');
    await install(bot, 'code-new');
    expect(await rows()).toEqual([{ key: 'T:T111', token: 'xoxb-111-reinstalled' }]);
  });

  it('refuses a redirect without the state cookie set by /slack/install, before asking Slack for a token', async () => {
    fake.grant('code-one', ONE);
    bot = await startBot(fake, { ...OAUTH_ENV, DATABASE_URL: databaseUrl });
    const forged = await install(bot, 'code-one', 'slack-app-oauth-state=forged');
    expect(forged.back.status).toBe(400);
    expect(fake.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await rows()).toEqual([]);
  });

  it('refuses an install with token rotation on, and one from a workspace outside ALLOWED_TEAM_IDS, saying why', async () => {
    fake.grant('code-rotating', { ...ONE, refreshToken: 'xoxe-1-refresh' });
    fake.grant('code-other', TWO);
    bot = await startBot(fake, { ...OAUTH_ENV, DATABASE_URL: databaseUrl, ALLOWED_TEAM_IDS: 'T111' });
    const rotating = await install(bot, 'code-rotating');
    expect([rotating.back.status, rotating.text]).toEqual([403, installMessages.rotationRefused()]);
    const other = await install(bot, 'code-other');
    expect([other.back.status, other.text]).toEqual([403, installMessages.teamNotAllowed('T222')]);
    expect(await rows()).toEqual([]);
    expect(bot.logs.map((l) => JSON.parse(l)).filter((l) => l.event === 'install_refused').map((l) => l.team)).toEqual(['T111', 'T222']);
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('waitUntil timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
