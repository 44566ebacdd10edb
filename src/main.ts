import { performance } from 'node:perf_hooks';
import { LogLevel } from '@slack/bolt';
import { cacheDirFrom, openCacheFolder } from './cache/cache-folder';
import { loadEngine } from './cache/load-indexed';
import { ConfigError, loadConfig } from './config';
import { environmentWithDotEnv } from './env';
import { BUNDLED_KNOWLEDGE } from './cli/knowledge-dir';
import { EngineHolder } from './knowledge/engine-holder';
import { KnowledgeError } from './knowledge/load';
import { watchKnowledge } from './knowledge/watch';
import { createBot } from './slack/app';
import { createLogger } from './slack/logger';

/** Wiring only: environment -> config -> knowledge -> engine -> Slack app -> start, reloads, shutdown. */
async function main(): Promise<void> {
  const env = environmentWithDotEnv();
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, config.appToken, config.signingSecret] });
  const knowledgeDir = config.knowledgeDir ?? BUNDLED_KNOWLEDGE;
  // reload (issue #8 §3, §4): per-user checked cache shared with `brief`; one holder for the engine in service; reloads in a worker.
  const cache = openCacheFolder(cacheDirFrom(env), (message) => logger.event(LogLevel.WARN, 'knowledge_cache_refused', { message }));
  const started = performance.now();
  const loaded = loadEngine(knowledgeDir, process.cwd(), cache);
  if (!loaded.ok) throw new KnowledgeError(loaded.problems);
  const engines = new EngineHolder(loaded.engine, performance.now() - started);
  const bot = createBot({ config, engines, logger });
  const stopWatching = config.knowledgeReloadMs
    ? watchKnowledge(engines, { dir: knowledgeDir, cwd: process.cwd(), intervalMs: config.knowledgeReloadMs, cache }, (level, event, fields) =>
        logger.event(level === 'info' ? LogLevel.INFO : LogLevel.ERROR, event, fields),
      )
    : () => undefined;
  const { port } = await bot.start();
  const { facts, knowledge } = loaded.engine;
  logger.info(`Briefing Bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`}), ${facts.length} facts from ${knowledge.sources.length} sources`);
  const shutdown = () => {
    stopWatching();
    bot.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof KnowledgeError;
  process.stderr.write(`${known ? (error as Error).message : `Briefing Bot failed to start: ${(error as Error).message}`}\n`);
  process.exit(1);
});
