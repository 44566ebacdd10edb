import path from 'node:path';
import { z } from 'zod';
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

/** The placeholders in .env.example: set, well-formed, and useless. */
export const EXAMPLE_VALUES: Readonly<Record<string, string>> = Object.freeze({
  SLACK_BOT_TOKEN: 'xoxb-your-bot-token',
  SLACK_APP_TOKEN: 'xapp-your-app-level-token',
  SLACK_SIGNING_SECRET: 'your-signing-secret',
});

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const valid = (rule: (v: string) => boolean, expected: string) =>
  optionalText.refine((v) => v === undefined || rule(v), { params: { expected } });
/** A Slack credential: the .env.example placeholder is reported as such, before its format. */
const credential = (name: keyof typeof EXAMPLE_VALUES, pattern: RegExp, expected: string) =>
  optionalText
    .refine((v) => v !== EXAMPLE_VALUES[name], { params: { example: true }, abort: true })
    .refine((v) => v === undefined || pattern.test(v), { params: { expected } });

/** Settings every entry point reads: `npm start` and the `brief` command. */
const sharedShape = {
  KNOWLEDGE_DIR: optionalText,
  FEEDBACK_LOG: optionalText,
  KNOWLEDGE_CACHE_DIR: optionalText,
};

/** Settings only the Slack app (`npm start`) reads. */
const slackShape = {
  SLACK_BOT_TOKEN: credential('SLACK_BOT_TOKEN', /^xoxb-[A-Za-z0-9-]+$/, 'a bot token starting with xoxb-'),
  SLACK_APP_TOKEN: credential('SLACK_APP_TOKEN', /^xapp-[A-Za-z0-9-]+$/, 'an app-level token starting with xapp-'),
  SLACK_SIGNING_SECRET: credential('SLACK_SIGNING_SECRET', /^[0-9a-f]{32}$/i, '32 hexadecimal characters'),
  PORT: valid((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, 'a port number from 1 to 65535'),
  SLACK_API_URL: valid((v) => /^https?:\/\/[^\s]+$/.test(v), 'an http:// or https:// URL'),
  SLACK_API_TIMEOUT_MS: valid((v) => /^\d+$/.test(v) && Number(v) >= 100, 'a whole number of milliseconds, at least 100'),
  SLACK_STARTUP_RETRY_MS: valid((v) => /^\d+$/.test(v), 'a whole number of milliseconds (0 = try once)'),
  AUTO_ANSWER_CHANNELS: valid((v) => v.split(',').every((c) => CHANNEL_ID.test(c.trim())), 'channel IDs separated by commas, e.g. C0123ABCD,C0456EFGH'),
  LOG_LEVEL: valid((v) => (LOG_LEVELS as readonly string[]).includes(v), 'debug, info, warn or error'),
  LOG_QUESTIONS: valid((v) => v === 'true' || v === 'false', 'true or false'),
  ALLOWED_TEAM_IDS: valid((v) => v.split(',').every((c) => /^[TE][A-Z0-9]{2,}$/.test(c.trim())), 'workspace IDs separated by commas, e.g. T0123ABCD'),
  ALLOWED_CHANNEL_IDS: valid((v) => v.split(',').every((c) => CHANNEL_ID.test(c.trim())), 'channel IDs separated by commas, e.g. C0123ABCD,D0456EFGH'),
  RATE_LIMIT_PER_MINUTE: valid((v) => /^\d+$/.test(v), 'a whole number of questions per user per minute (0 = no limit)'),
  KNOWLEDGE_RELOAD_MS: valid((v) => /^\d+$/.test(v) && (Number(v) === 0 || Number(v) >= 100), 'milliseconds between checks for knowledge changes, at least 100 (0 = never reload)'),
};

const sharedSchema = z.object(sharedShape);
const startSchema = z.object({ ...sharedShape, ...slackShape });

/** What every entry point reads from the environment (CLI flags are passed in as the variables they override). */
export interface EnvOptions {
  knowledgeDir: string;
  feedbackLog: string;
  /** Where validated knowledge is cached; undefined = the cache module's choice. */
  knowledgeCacheDir?: string;
}

export interface Config extends EnvOptions {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  port: number;
  /** Web API base URL with a trailing slash, when not Slack's own. */
  apiUrl?: string;
  apiTimeoutMs: number;
  /** How long start-up keeps retrying an unreachable Web API; 0 = one try. */
  startupRetryMs: number;
  autoAnswerChannels: ReadonlySet<string>;
  /** Empty = every workspace / channel. */
  allowedTeams: ReadonlySet<string>;
  allowedChannels: ReadonlySet<string>;
  /** Questions per user per minute; 0 = no limit. */
  rateLimitPerMinute: number;
  /** How often the knowledge folder is checked for changes; 0 = never. */
  knowledgeReloadMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  logQuestions: boolean;
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

/** Parses with `schema`, turning every issue into a message that names the variable and never its value. */
function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): { data?: z.infer<S>; problems: string[] } {
  const parsed = schema.safeParse(env);
  if (parsed.success) return { data: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const params = (issue as { params?: { expected?: string; example?: boolean } }).params;
    if (!params?.example) return msg.malformed(name, params?.expected ?? 'a valid value');
    return name === 'SLACK_APP_TOKEN' ? msg.exampleAppToken() : msg.exampleValue(name);
  });
  return { problems };
}

function envOptions(e: z.infer<typeof sharedSchema>, cwd: string): EnvOptions {
  return {
    knowledgeDir: e.KNOWLEDGE_DIR ? path.resolve(cwd, e.KNOWLEDGE_DIR) : BUNDLED_KNOWLEDGE,
    feedbackLog: path.resolve(cwd, e.FEEDBACK_LOG ?? CONFIG_DEFAULTS.feedbackLog),
    knowledgeCacheDir: e.KNOWLEDGE_CACHE_DIR && path.resolve(cwd, e.KNOWLEDGE_CACHE_DIR),
  };
}

/** The settings every entry point shares (probot's readEnvOptions); throws a ConfigError listing every problem. */
export function readEnvOptions(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EnvOptions {
  const { data, problems } = parseEnv(sharedSchema, env);
  if (!data) throw new ConfigError(problems);
  return envOptions(data, cwd);
}

/** Everything `npm start` needs: the shared settings plus Slack's; throws a ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const set = (name: string) => !!env[name]?.trim();
  if (!set('SLACK_BOT_TOKEN') && !set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) throw new ConfigError([], true);

  const { data: e, problems } = parseEnv(startSchema, env);
  // A leftover example app token must not switch an HTTP set-up to Socket Mode: it is reported instead.
  const exampleAppToken = env.SLACK_APP_TOKEN?.trim() === EXAMPLE_VALUES.SLACK_APP_TOKEN;
  const mode = set('SLACK_APP_TOKEN') && !exampleAppToken ? 'socket' : 'http';
  if (!set('SLACK_BOT_TOKEN')) problems.unshift(msg.missing('SLACK_BOT_TOKEN'));
  if (mode === 'http' && !exampleAppToken && !set('SLACK_SIGNING_SECRET')) problems.push(msg.missingForHttp('SLACK_SIGNING_SECRET'));
  if (problems.length > 0 || !e) throw new ConfigError(problems);

  return {
    ...envOptions(e, cwd),
    mode,
    botToken: e.SLACK_BOT_TOKEN!,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT ? Number(e.PORT) : CONFIG_DEFAULTS.port,
    apiUrl: e.SLACK_API_URL && (e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`),
    apiTimeoutMs: e.SLACK_API_TIMEOUT_MS ? Number(e.SLACK_API_TIMEOUT_MS) : CONFIG_DEFAULTS.apiTimeoutMs,
    startupRetryMs: e.SLACK_STARTUP_RETRY_MS ? Number(e.SLACK_STARTUP_RETRY_MS) : CONFIG_DEFAULTS.startupRetryMs,
    autoAnswerChannels: idSet(e.AUTO_ANSWER_CHANNELS),
    allowedTeams: idSet(e.ALLOWED_TEAM_IDS),
    allowedChannels: idSet(e.ALLOWED_CHANNEL_IDS),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ? Number(e.RATE_LIMIT_PER_MINUTE) : CONFIG_DEFAULTS.rateLimitPerMinute,
    knowledgeReloadMs: e.KNOWLEDGE_RELOAD_MS ? Number(e.KNOWLEDGE_RELOAD_MS) : CONFIG_DEFAULTS.knowledgeReloadMs,
    logLevel: (e.LOG_LEVEL as Config['logLevel'] | undefined) ?? CONFIG_DEFAULTS.logLevel,
    logQuestions: e.LOG_QUESTIONS === 'true',
  };
}

const idSet = (list: string | undefined): ReadonlySet<string> =>
  new Set((list ?? '').split(',').map((id) => id.trim()).filter(Boolean));
