import type { z } from 'zod';
import { CONFIG_DEFAULTS, ConfigError, sharedEnv, type EnvOptions } from './env-options';
import { EXAMPLE_VALUES, LOG_LEVELS, slackSchema } from './env-schema';
import { configMessages as msg } from './messages';

/** OAuth installs in many workspaces: each workspace's token comes from its installation in PostgreSQL. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

export interface Config extends EnvOptions {
  mode: 'socket' | 'http';
  /** The one workspace's token; unset exactly when `oauth` is set. */
  botToken?: string;
  oauth?: OAuthSettings;
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
  /** Replicas share delivery claims and the rate limit through this Redis; unset = one process, in memory. */
  redisUrl?: string;
  /** Users whose App Home also shows the curators' to-do list (recent unanswered questions and 👎). */
  curatorIds: ReadonlySet<string>;
  /** Where "Ask an expert" posts questions the knowledge could not answer well; unset = no such button. */
  expertsChannel?: string;
  /** SEMANTIC_STAGE: answer with the sentence model's evidence too (default), or by word matching alone. */
  semanticStage: boolean;
}

/**
 * Every secret the config holds, for the logger to remove from what it writes: tokens, signing and OAuth
 * secrets, and the passwords in REDIS_URL and DATABASE_URL, as the URL writes them and percent-decoded (a
 * client library may print either).
 */
export function secretsOf(config: Config): string[] {
  const passwords = [config.redisUrl, config.databaseUrl].flatMap((url) => {
    const written = url ? new URL(url).password : '';
    return written ? [written, decoded(written)] : [];
  });
  const secrets = [config.botToken, config.appToken, config.signingSecret, config.oauth?.clientSecret, config.oauth?.stateSecret, ...passwords];
  return [...new Set(secrets.filter((s): s is string => !!s))];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray "%" not followed by two hex digits: the URL's own form is all there is
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

/** Everything `npm start` needs: the shared settings plus Slack's; throws a ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const set = (name: string) => !!env[name]?.trim();
  if (![...OAUTH_VARIABLES, 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].some(set)) throw new ConfigError([], true);

  const shared = sharedEnv(env, cwd);
  const { data: e, problems: slackProblems } = parseEnv(slackSchema, env);
  const problems = [...shared.problems, ...slackProblems];
  // A leftover example app token must not switch an HTTP set-up to Socket Mode: it is reported instead.
  const exampleAppToken = env.SLACK_APP_TOKEN?.trim() === EXAMPLE_VALUES.SLACK_APP_TOKEN;
  const mode = set('SLACK_APP_TOKEN') && !exampleAppToken ? 'socket' : 'http';
  const oauth = OAUTH_VARIABLES.some(set);
  if (oauth) problems.unshift(...oauthProblems(set));
  else if (!set('SLACK_BOT_TOKEN')) problems.unshift(msg.missing('SLACK_BOT_TOKEN'));
  if (mode === 'http' && !exampleAppToken && !set('SLACK_SIGNING_SECRET')) problems.push(msg.missingForHttp('SLACK_SIGNING_SECRET'));
  if (problems.length > 0 || !e || !shared.options) throw new ConfigError(problems);

  return {
    ...shared.options,
    mode,
    ...(oauth ? { oauth: { clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET! } } : { botToken: e.SLACK_BOT_TOKEN! }),
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
    redisUrl: e.REDIS_URL,
    curatorIds: idSet(e.CURATOR_IDS),
    expertsChannel: e.EXPERTS_CHANNEL,
    semanticStage: e.SEMANTIC_STAGE !== 'off',
  };
}

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** OAuth needs its three settings and PostgreSQL, and excludes the single workspace's token. */
function oauthProblems(set: (name: string) => boolean): string[] {
  return [
    ...(set('SLACK_BOT_TOKEN') ? [msg.tokenAndOAuth()] : []),
    ...OAUTH_VARIABLES.filter((name) => !set(name)).map(msg.missingForOAuth),
    ...(set('DATABASE_URL') ? [] : [msg.oauthNeedsDatabase()]),
  ];
}

const idSet = (list: string | undefined): ReadonlySet<string> =>
  new Set((list ?? '').split(',').map((id) => id.trim()).filter(Boolean));
