import os from 'node:os';
import { LogLevel } from '@slack/bolt';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { createEngine } from './engine/engine';
import { environmentWithDotEnv } from './env';
import { BUNDLED_KNOWLEDGE } from './cli/knowledge-dir';
import { KnowledgeError, loadKnowledgeOrThrow } from './knowledge/load';
import { formatProblem } from './knowledge/problems';
import { watchKnowledge } from './knowledge/watch';
import { createBot } from './slack/app';
import { createLogger } from './slack/logger';

/** Wiring only: environment -> config -> knowledge -> engine -> Slack app -> start, reloads, shutdown. */
async function main(): Promise<void> {
  const env = environmentWithDotEnv();
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, config.appToken, config.signingSecret] });
  const knowledgeDir = config.knowledgeDir ?? BUNDLED_KNOWLEDGE;
  const cache = { cacheDir: env.KNOWLEDGE_CACHE_DIR ?? path.join(os.tmpdir(), 'briefing-bot-cache') };
  const knowledge = loadKnowledgeOrThrow(knowledgeDir, process.cwd(), cache);
  const bot = createBot({ config, engine: createEngine(knowledge), logger });
  const stopWatching = config.knowledgeReloadMs
    ? watchKnowledge(knowledgeDir, config.knowledgeReloadMs, {
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
  const { port } = await bot.start();
  logger.info(`Briefing Bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`}), ${knowledge.facts.length} facts from ${knowledge.sources.length} sources`);
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
