import path from 'node:path';
import { cacheDirFrom } from './cache/cache-folder';
import { BUNDLED_KNOWLEDGE } from './cli/knowledge-dir';
import { configMessages as msg } from './messages';

export const CONFIG_DEFAULTS = Object.freeze({
  port: 3000,
  rateLimitPerMinute: 10,
  knowledgeReloadMs: 2000,
  apiTimeoutMs: 10_000,
  startupRetryMs: 30_000,
  feedbackLog: 'feedback.jsonl',
  logLevel: 'info' as const,
});

/** What every entry point reads from the environment (CLI flags are passed in as the variables they override). */
export interface EnvOptions {
  knowledgeDir: string;
  feedbackLog: string;
  /** Where validated knowledge and built indexes are cached: KNOWLEDGE_CACHE_DIR, else a per-user folder. */
  knowledgeCacheDir: string;
  /** Feedback goes to PostgreSQL here instead of `feedbackLog`. */
  databaseUrl?: string;
}

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    readonly notConnected = false,
  ) {
    super(notConnected ? msg.notConnected() : [msg.header, ...problems.map((p) => `  - ${p}`)].join('\n'));
    this.name = 'ConfigError';
  }
}

const DATABASE_URL = /^postgres(ql)?:\/\/\S+$/;

/**
 * The four settings every entry point shares, checked by hand rather than with zod like the Slack
 * settings (env-schema.ts): loading zod takes ~85 ms, a third of a `brief ask` from start to answer.
 * Each problem names the variable and never its value.
 */
export function sharedEnv(env: NodeJS.ProcessEnv, cwd: string): { options?: EnvOptions; problems: string[] } {
  const text = (name: string) => env[name]?.trim() || undefined;
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl !== undefined && !DATABASE_URL.test(databaseUrl)) {
    return { problems: [msg.malformed('DATABASE_URL', 'a postgres:// or postgresql:// URL, e.g. postgres://bot@db.internal:5432/briefing')] };
  }
  const [knowledgeDir, feedbackLog, cacheDir] = [text('KNOWLEDGE_DIR'), text('FEEDBACK_LOG'), text('KNOWLEDGE_CACHE_DIR')];
  const options = {
    knowledgeDir: knowledgeDir ? path.resolve(cwd, knowledgeDir) : BUNDLED_KNOWLEDGE,
    feedbackLog: path.resolve(cwd, feedbackLog ?? CONFIG_DEFAULTS.feedbackLog),
    knowledgeCacheDir: cacheDir ? path.resolve(cwd, cacheDir) : cacheDirFrom(env),
    databaseUrl,
  };
  return { options, problems: [] };
}

/** The settings every entry point shares (probot's readEnvOptions); throws a ConfigError listing every problem. */
export function readEnvOptions(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EnvOptions {
  const { options, problems } = sharedEnv(env, cwd);
  if (!options) throw new ConfigError(problems);
  return options;
}
