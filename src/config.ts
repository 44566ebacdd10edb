import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_FEEDBACK_LOG } from './feedback/log';
import { configMessages as msg } from './messages';

export const CONFIG_DEFAULTS = Object.freeze({
  port: 3000,
  rateLimitPerMinute: 10,
  knowledgeReloadMs: 2000,
  apiTimeoutMs: 10_000,
  logLevel: 'info' as const,
});

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

const optionalText = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

/** The environment as Briefing Bot reads it; problems are turned into messages by `loadConfig`. */
const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^xoxb-[A-Za-z0-9-]+$/.test(v), { params: { expected: 'a bot token starting with xoxb-' } }),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || /^xapp-[A-Za-z0-9-]+$/.test(v), { params: { expected: 'an app-level token starting with xapp-' } }),
  SLACK_SIGNING_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9]{16,}$/.test(v), { params: { expected: 'the signing secret, letters and digits only' } }),
  PORT: optionalText.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), { params: { expected: 'a port number from 1 to 65535' } }),
  SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { params: { expected: 'an http:// or https:// URL' } }),
  SLACK_API_TIMEOUT_MS: optionalText.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 100), { params: { expected: 'a whole number of milliseconds, at least 100' } }),
  AUTO_ANSWER_CHANNELS: optionalText.refine((v) => v === undefined || v.split(',').every((c) => CHANNEL_ID.test(c.trim())), { params: { expected: 'channel IDs separated by commas, e.g. C0123ABCD,C0456EFGH' } }),
  LOG_LEVEL: optionalText.refine((v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v), { params: { expected: 'debug, info, warn or error' } }),
  LOG_QUESTIONS: optionalText.refine((v) => v === undefined || v === 'true' || v === 'false', { params: { expected: 'true or false' } }),
  ALLOWED_TEAM_IDS: optionalText.refine((v) => v === undefined || v.split(',').every((c) => /^[TE][A-Z0-9]{2,}$/.test(c.trim())), { params: { expected: 'workspace IDs separated by commas, e.g. T0123ABCD' } }),
  ALLOWED_CHANNEL_IDS: optionalText.refine((v) => v === undefined || v.split(',').every((c) => CHANNEL_ID.test(c.trim())), { params: { expected: 'channel IDs separated by commas, e.g. C0123ABCD,D0456EFGH' } }),
  RATE_LIMIT_PER_MINUTE: optionalText.refine((v) => v === undefined || /^\d+$/.test(v), { params: { expected: 'a whole number of questions per user per minute (0 = no limit)' } }),
  KNOWLEDGE_RELOAD_MS: optionalText.refine((v) => v === undefined || (/^\d+$/.test(v) && (Number(v) === 0 || Number(v) >= 100)), { params: { expected: 'milliseconds between checks for knowledge changes, at least 100 (0 = never reload)' } }),
  KNOWLEDGE_DIR: optionalText,
  FEEDBACK_LOG: optionalText,
});

export interface Config {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  port: number;
  /** Web API base URL with a trailing slash, when not Slack's own. */
  apiUrl?: string;
  apiTimeoutMs: number;
  autoAnswerChannels: ReadonlySet<string>;
  /** Empty = every workspace / channel. */
  allowedTeams: ReadonlySet<string>;
  allowedChannels: ReadonlySet<string>;
  /** Questions per user per minute; 0 = no limit. */
  rateLimitPerMinute: number;
  /** How often the knowledge folder is checked for changes; 0 = never. */
  knowledgeReloadMs: number;
  knowledgeDir?: string;
  feedbackLog: string;
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

/** Reads and validates the environment; throws a ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const set = (name: string) => !!env[name]?.trim();
  if (!set('SLACK_BOT_TOKEN') && !set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) throw new ConfigError([], true);

  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const expected = (issue as { params?: { expected?: string } }).params?.expected ?? 'a valid value';
        return msg.malformed(String(issue.path[0]), expected);
      });
  const mode = set('SLACK_APP_TOKEN') ? 'socket' : 'http';
  if (!set('SLACK_BOT_TOKEN')) problems.unshift(msg.missing('SLACK_BOT_TOKEN'));
  if (mode === 'http' && !set('SLACK_SIGNING_SECRET')) problems.push(msg.missingForHttp('SLACK_SIGNING_SECRET'));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;

  return {
    mode,
    botToken: e.SLACK_BOT_TOKEN!,
    appToken: e.SLACK_APP_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    port: e.PORT ? Number(e.PORT) : CONFIG_DEFAULTS.port,
    apiUrl: e.SLACK_API_URL && (e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`),
    apiTimeoutMs: e.SLACK_API_TIMEOUT_MS ? Number(e.SLACK_API_TIMEOUT_MS) : CONFIG_DEFAULTS.apiTimeoutMs,
    autoAnswerChannels: idSet(e.AUTO_ANSWER_CHANNELS),
    allowedTeams: idSet(e.ALLOWED_TEAM_IDS),
    allowedChannels: idSet(e.ALLOWED_CHANNEL_IDS),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ? Number(e.RATE_LIMIT_PER_MINUTE) : CONFIG_DEFAULTS.rateLimitPerMinute,
    knowledgeReloadMs: e.KNOWLEDGE_RELOAD_MS ? Number(e.KNOWLEDGE_RELOAD_MS) : CONFIG_DEFAULTS.knowledgeReloadMs,
    knowledgeDir: e.KNOWLEDGE_DIR && path.resolve(cwd, e.KNOWLEDGE_DIR),
    feedbackLog: path.resolve(cwd, e.FEEDBACK_LOG ?? DEFAULT_FEEDBACK_LOG),
    logLevel: (e.LOG_LEVEL as Config['logLevel'] | undefined) ?? CONFIG_DEFAULTS.logLevel,
    logQuestions: e.LOG_QUESTIONS === 'true',
  };
}

const idSet = (list: string | undefined): ReadonlySet<string> =>
  new Set((list ?? '').split(',').map((id) => id.trim()).filter(Boolean));
