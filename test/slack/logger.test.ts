import { LogLevel } from '@slack/bolt';
import { createLogger, redactor } from '../../src/slack/logger';

describe('the logger removes secrets', () => {
  it('removes Slack tokens, and a long secret wherever it appears', () => {
    const redact = redactor(['a-signing-secret-0123456789', undefined, '']);
    expect(redact('token xoxb-1-2-abc, app xapp-1-A1-2, key=a-signing-secret-0123456789!')).toBe('token [redacted], app [redacted], key=[redacted]!');
  });

  it('removes a short password where no letter or digit touches it, and leaves words that merely contain it', () => {
    const redact = redactor(['pw', 's3cret', 'p@ss']);
    expect(redact('redis://:pw@127.0.0.1:6390 postgres://bot:s3cret@db/x user p@ss.')).toBe(
      'redis://:[redacted]@127.0.0.1:6390 postgres://bot:[redacted]@db/x user [redacted].',
    );
    expect(redact('upward pwned s3crets')).toBe('upward pwned s3crets');
  });

  it('takes a secret as text, not as a pattern', () => {
    expect(redactor(['a.c'])('abc a.c')).toBe('abc [redacted]');
  });

  it('applies to every line it writes', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (line) => lines.push(line), secrets: ['pw'] });
    logger.event(LogLevel.ERROR, 'redis_error', { error: 'connect ECONNREFUSED redis://:pw@127.0.0.1:6390' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'redis_error', error: 'connect ECONNREFUSED redis://:[redacted]@127.0.0.1:6390' });
  });
});
