import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createEngine, type Engine } from '../../src/engine/engine';
import { openFeedback } from '../../src/feedback/store';
import { openInstallations } from '../../src/install/installation-store';
import { Books } from '../../src/knowledge/books';
import { EngineHolder } from '../../src/knowledge/engine-holder';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { createBot } from '../../src/slack/app';
import { createLogger } from '../../src/slack/logger';
import { openSharedState } from '../../src/slack/shared-state';
import { verifyBotToken } from '../../src/slack/startup-checks';
import { FakeSlack } from './fake-slack';
import { SIGNING_SECRET } from './signed';

export const BOT_TOKEN = 'xoxb-1111-2222-testbottoken';
export const APP_TOKEN = 'xapp-1-A111-3333-testapptoken';
export const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));

/**
 * Starts the real app (HTTP mode unless SLACK_APP_TOKEN is given) against the fake Web API on loopback;
 * with SLACK_CLIENT_ID etc. (and SLACK_BOT_TOKEN: ''), OAuth installs kept in DATABASE_URL.
 */
/** The knowledge the bot serves: one engine (the book "default"), or several books with their channel map. */
export type BotKnowledge = { engine?: Engine; books?: Books };

export async function startBot(fake: FakeSlack, env: NodeJS.ProcessEnv = {}, options: BotKnowledge = {}) {
  const feedbackLog = path.join(mkdtempSync(path.join(tmpdir(), 'brief-bot-')), 'feedback.jsonl');
  const config = {
    ...loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      FEEDBACK_LOG: feedbackLog,
      SLACK_API_TIMEOUT_MS: '2000',
      ...env,
    }),
    // Any free port, unless the test needs a known one (the OAuth pages of Socket Mode, which Bolt does not report).
    port: env.PORT ? Number(env.PORT) : 0,
  };
  const logs: string[] = [];
  // Everything, unless the test sets LOG_LEVEL itself.
  const logger = createLogger({ level: env.LOG_LEVEL ? config.logLevel : 'debug', write: (line) => logs.push(line), secrets: [config.botToken, config.appToken, config.signingSecret] });
  const shared = await openSharedState(config, logger);
  const feedback = await openFeedback(config);
  const identity = config.botToken ? await verifyBotToken(config, logger) : undefined;
  const installations = config.oauth ? await openInstallations(config.databaseUrl!) : undefined;
  const bot = createBot({ config, engines: new EngineHolder(options.books ?? Books.single(options.engine ?? engine), 0), logger, identity, installations, shared, feedback });
  const { port } = await bot.start();
  return {
    bot,
    logs,
    feedbackLog,
    base: `http://127.0.0.1:${port}`,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    stop: () => bot.stop().then(() => Promise.all([shared.close(), feedback.close(), installations?.close()])),
  };
}

export type StartedBot = Awaited<ReturnType<typeof startBot>>;

/**
 * A fresh fake Slack for each test, and `start(env)` to run the bot against it; both are stopped
 * after each test. Returns a live context object (its fields change per test).
 */
export function useFakeSlack() {
  const ctx = {
    fake: undefined as unknown as FakeSlack,
    bot: undefined as StartedBot | undefined,
    async start(env: NodeJS.ProcessEnv = {}, options: BotKnowledge = {}): Promise<StartedBot> {
      ctx.bot = await startBot(ctx.fake, env, options);
      return ctx.bot;
    },
  };
  beforeEach(async () => {
    ctx.fake = await new FakeSlack().start();
  });
  afterEach(async () => {
    await ctx.bot?.stop();
    ctx.bot = undefined;
    await ctx.fake.stop();
  });
  return ctx;
}
