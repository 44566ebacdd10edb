import { z } from 'zod';

/**
 * The environment as Briefing Bot reads it. Each refinement carries what a valid value looks like
 * (`expected`) or marks an example value (`example`); config.ts turns them into messages.
 */

/** The placeholders in .env.example: set, well-formed, and useless. */
export const EXAMPLE_VALUES: Readonly<Record<string, string>> = Object.freeze({
  SLACK_BOT_TOKEN: 'xoxb-your-bot-token',
  SLACK_APP_TOKEN: 'xapp-your-app-level-token',
  SLACK_SIGNING_SECRET: 'your-signing-secret',
});

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
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

/** Settings only the Slack app (`npm start`) reads; those `brief` reads too are checked in env-options.ts. */
export const slackSchema = z.object({
  SLACK_BOT_TOKEN: credential('SLACK_BOT_TOKEN', /^xoxb-[A-Za-z0-9-]+$/, 'a bot token starting with xoxb-'),
  SLACK_APP_TOKEN: credential('SLACK_APP_TOKEN', /^xapp-[A-Za-z0-9-]+$/, 'an app-level token starting with xapp-'),
  SLACK_SIGNING_SECRET: credential('SLACK_SIGNING_SECRET', /^[0-9a-f]{32}$/i, '32 hexadecimal characters'),
  // OAuth installs in many workspaces (instead of SLACK_BOT_TOKEN).
  SLACK_CLIENT_ID: valid((v) => /^\d+\.\d+$/.test(v), 'digits, a dot and digits, e.g. 1234567890.0987654321'),
  SLACK_CLIENT_SECRET: valid((v) => /^[0-9a-f]{32}$/i.test(v), '32 hexadecimal characters'),
  SLACK_STATE_SECRET: valid((v) => v.length >= 32, 'at least 32 characters, e.g. the output of `openssl rand -hex 32`'),
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
  REDIS_URL: valid((v) => /^rediss?:\/\/\S+$/.test(v), 'a redis:// or rediss:// URL, e.g. redis://localhost:6379'),
  EXPERTS_CHANNEL: valid((v) => /^C[A-Z0-9]{2,}$/.test(v), 'one public channel ID, e.g. C0123ABCD (the bot reads replies there with channels:history)'),
  CURATOR_IDS: valid((v) => v.split(',').every((c) => /^[UW][A-Z0-9]{2,}$/.test(c.trim())), 'user IDs separated by commas, e.g. U0123ABCD,U0456EFGH'),
  SEMANTIC_STAGE: valid((v) => v === 'on' || v === 'off', 'on or off (off: word matching alone, ~110 MB less memory)'),
  KNOWLEDGE_RELOAD_MS: valid((v) => /^\d+$/.test(v) && (Number(v) === 0 || Number(v) >= 100), 'milliseconds between checks for knowledge changes, at least 100 (0 = never reload)'),
});
