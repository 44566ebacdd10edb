import { LogLevel, type Logger } from '@slack/bolt';
import { escapeRegExp } from '../regexp';
import { currentTeam } from './log-context';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const TOKEN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

/**
 * Removes Slack tokens and the given secrets from anything about to be logged. A secret of 8 characters or more
 * goes wherever it appears; a shorter one (a weak password in REDIS_URL or DATABASE_URL) only where no letter or
 * digit touches it, so that "pw" is removed from "redis://:pw@host" but does not eat "upward".
 */
export function redactor(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const known = [...new Set(secrets.filter((s): s is string => !!s))];
  const long = known.filter((s) => s.length >= 8);
  const short = known.filter((s) => s.length < 8).sort((a, b) => b.length - a.length);
  const apart = short.length > 0 ? new RegExp(`(?<![A-Za-z0-9])(?:${short.map(escapeRegExp).join('|')})(?![A-Za-z0-9])`, 'g') : undefined;
  return (text) => {
    const cleaned = long.reduce((t, secret) => t.split(secret).join('[redacted]'), text.replace(TOKEN, '[redacted]'));
    return apart ? cleaned.replace(apart, '[redacted]') : cleaned;
  };
}

export interface BotLogger extends Logger {
  /** One structured line: `{"time", "level", "event", ...fields}`. */
  event(level: LogLevel, event: string, fields: Record<string, unknown>): void;
}

/**
 * JSON Lines logger, used for Bolt's own messages too, so every line is structured and redacted:
 * a token never reaches the log, even inside an error Bolt or the Web API client prints.
 */
export function createLogger(options: {
  level: `${LogLevel}`;
  write?: (line: string) => void;
  secrets?: ReadonlyArray<string | undefined>;
  now?: () => Date;
}): BotLogger {
  const write = options.write ?? ((line) => process.stderr.write(`${line}\n`));
  const redact = redactor(options.secrets ?? []);
  const now = options.now ?? (() => new Date());
  let level = options.level as LogLevel;
  let name = 'briefing-bot';
  const emit = (at: LogLevel, fields: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    const team = currentTeam();
    write(redact(JSON.stringify({ time: now().toISOString(), level: at, logger: name, ...(team && { team }), ...fields })));
  };
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : safeJson(a))).join(' ');
  return {
    debug: (...args) => emit(LogLevel.DEBUG, { msg: text(args) }),
    info: (...args) => emit(LogLevel.INFO, { msg: text(args) }),
    warn: (...args) => emit(LogLevel.WARN, { msg: text(args) }),
    error: (...args) => emit(LogLevel.ERROR, { msg: text(args) }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
    event: (at, event, fields) => emit(at, { event, ...fields }),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
