import { performance } from 'node:perf_hooks';
import { LogLevel } from '@slack/bolt';
import { openCacheFolder } from './cache/cache-folder';
import { loadBooks } from './cache/load-books';
import { loadConfig, secretsOf } from './config';
import { ConfigError } from './env-options';
import { environmentWithDotEnv } from './env';
import { openFeedback } from './feedback/store';
import { openInstallations } from './install/installation-store';
import { INSTALL_PATH } from './install/oauth-options';
import { EngineHolder } from './knowledge/engine-holder';
import { KnowledgeError } from './knowledge/load';
import { watchKnowledge } from './knowledge/watch';
import { warmInBackground } from './knowledge/warm';
import { startupMessages } from './messages';
import { createBot } from './slack/app';
import { semanticStage } from './slack/semantic-stage';
import { createLogger } from './slack/logger';
import { openSharedState } from './slack/shared-state';
import { startFailure, StartupError, verifyBotToken } from './slack/startup-checks';

/** Wiring only: environment -> config -> knowledge -> Slack checks -> Slack app -> start, reloads, shutdown. */
async function main(): Promise<void> {
  const config = loadConfig(environmentWithDotEnv());
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  // The per-user, checked cache shared with `brief`; one holder for the engine in service; reloads in a worker.
  const cache = openCacheFolder(config.knowledgeCacheDir, (message) => logger.event(LogLevel.WARN, 'knowledge_cache_refused', { message }));
  const started = performance.now();
  const loaded = loadBooks(config.knowledgeDir, process.cwd(), cache);
  if (!loaded.ok) throw new KnowledgeError(loaded.problems);
  const engines = new EngineHolder(loaded.books, performance.now() - started);
  // Facts and the knowledge's frequent words are read ahead of their first questions, in the background
  // (reloads do the same: watch.ts).
  void warmInBackground(loaded.books, (error) => logger.event(LogLevel.ERROR, 'knowledge_warm_failed', { error: error.message }));
  // One workspace: its token is checked now. Many (OAuth): each workspace's token comes with its installation.
  const identity = config.botToken ? await verifyBotToken(config, logger) : undefined;
  const installations = config.oauth ? await openInstallations(config.databaseUrl!) : undefined;
  const shared = await openSharedState(config, logger);
  const feedback = await openFeedback(config);
  const semantic = config.semanticStage ? semanticStage(cache, logger) : undefined;
  // Fact vectors are computed (or read from the cache) in the background; questions are answered lexically meanwhile.
  for (const { engine } of engines.current().all) void semantic?.prepare(engine).catch(() => undefined);
  const bot = createBot({ config, engines, logger, identity, installations, shared, feedback, ...(semantic && { semantic }) });
  const { port } = await bot.start().catch((error: unknown) => Promise.reject(startFailure(error, config)));
  const stopWatching = config.knowledgeReloadMs
    ? watchKnowledge(engines, { dir: config.knowledgeDir, cwd: process.cwd(), intervalMs: config.knowledgeReloadMs, cache }, (level, event, fields) =>
        logger.event(level === 'info' ? LogLevel.INFO : LogLevel.ERROR, event, fields),
      )
    : () => undefined;
  const { facts, sources } = loaded.books.totals;
  const mode = config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`;
  logger.info(identity ? startupMessages.running(mode, facts, sources, identity.team) : startupMessages.runningOAuth(mode, facts, sources, INSTALL_PATH));
  const shutdown = () => {
    stopWatching();
    bot.stop().then(() => Promise.all([shared.close(), feedback.close(), installations?.close()])).then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StartupError;
  process.stderr.write(`${known ? (error as Error).message : startupMessages.failed((error as Error).message)}\n`);
  process.exit(1);
});
