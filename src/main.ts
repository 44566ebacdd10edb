import { ConfigError, loadConfig } from './config';
import { createEngine } from './engine/engine';
import { environmentWithDotEnv } from './env';
import { BUNDLED_KNOWLEDGE } from './cli/knowledge-dir';
import { KnowledgeError, loadKnowledgeOrThrow } from './knowledge/load';
import { createBot } from './slack/app';
import { createLogger } from './slack/logger';

/** Wiring only: environment -> config -> knowledge -> engine -> Slack app -> start. */
async function main(): Promise<void> {
  const env = environmentWithDotEnv();
  const config = loadConfig(env);
  const logger = createLogger({ level: config.logLevel, secrets: [config.botToken, config.appToken, config.signingSecret] });
  const knowledge = loadKnowledgeOrThrow(config.knowledgeDir ?? BUNDLED_KNOWLEDGE);
  const engine = createEngine(knowledge);
  const bot = createBot({ config, engine, logger });
  const { port } = await bot.start();
  logger.info(`Briefing Bot is running (${config.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${port}`}), ${engine.facts.length} facts from ${knowledge.sources.length} sources`);
  const shutdown = () => void bot.stop().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof KnowledgeError;
  process.stderr.write(`${known ? (error as Error).message : `Briefing Bot failed to start: ${(error as Error).message}`}\n`);
  process.exit(1);
});
