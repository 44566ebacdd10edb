import os from 'node:os';
import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { ConfigError, loadConfig } from './config';
import { createEngine } from './engine/engine';
import { environmentWithDotEnv } from './env';
import { KnowledgeError, loadKnowledgeOrThrow } from './knowledge/load';
import { formatProblem } from './knowledge/problems';
import { watchKnowledge } from './knowledge/watch';
import { startupMessages } from './messages';
import { createBot } from './slack/app';
import { createLogger } from './slack/logger';
import { startFailure, StartupError, verifyBotToken } from './slack/startup-checks';

/** Wiring only: environment -> config -> knowledge -> Slack checks -> Slack app -> start, reloads, shutdown. */
async function main(): Promise<void> {
  const config = loadConfig(environmentWithDotEnv());
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, config.appToken, config.signingSecret] });
  const cache = { cacheDir: config.knowledgeCacheDir ?? path.join(os.tmpdir(), 'briefing-bot-cache') };
  const knowledge = loadKnowledgeOrThrow(config.knowledgeDir, process.cwd(), cache);
  const identity = await verifyBotToken(config, logger);
  const bot = createBot({ config, engine: createEngine(knowledge), logger, identity });
  const { port } = await bot.start().catch((error: unknown) => Promise.reject(startFailure(error, config)));
  const stopWatching = config.knowledgeReloadMs
    ? watchKnowledge(config.knowledgeDir, config.knowledgeReloadMs, {
        onReload: (next) => {
          bot.replaceEngine(createEngine(next));
          logger.event(LogLevel.INFO, 'knowledge_reloaded', { facts: next.facts.length, sources: next.sources.length, fingerprint: next.fingerprint });
        },
        onInvalid: (problems) => {
          bot.reloadFailed(problems.length);
          logger.event(LogLevel.ERROR, 'knowledge_reload_failed', { kept: bot.knowledge.fingerprint, problems: problems.map(formatProblem) });
        },
      }, process.cwd(), cache)
    : () => undefined;
  logger.info(startupMessages.running(config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`, knowledge.facts.length, knowledge.sources.length, identity.team));
  const shutdown = () => {
    stopWatching();
    bot.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StartupError;
  process.stderr.write(`${known ? (error as Error).message : startupMessages.failed((error as Error).message)}\n`);
  process.exit(1);
});
