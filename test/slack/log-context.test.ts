import { LogLevel } from '@slack/bolt';
import { teamLogContext } from '../../src/slack/log-context';
import { createLogger } from '../../src/slack/logger';
import { mentionEvent } from '../helpers/payloads';

describe('every log line written while a request is handled names its workspace', () => {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  const handle = (body: object, next: () => Promise<void>) => teamLogContext({ body, next } as unknown as Parameters<typeof teamLogContext>[0]);

  beforeEach(() => lines.splice(0));

  it('adds the team to lines from the middleware and listeners after it, across awaits, and only there', async () => {
    await handle({ ...mentionEvent('hi'), team_id: 'T777' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.debug('from Bolt itself');
      logger.event(LogLevel.INFO, 'question', { user: 'W1' });
    });
    logger.info('outside any request');
    expect(lines.map((l) => [l.msg ?? l.event, l.team])).toEqual([
      ['from Bolt itself', 'T777'],
      ['question', 'T777'],
      ['outside any request', undefined],
    ]);
  });

  it('keeps two requests in flight apart, and a team the line names itself wins', async () => {
    const slow = handle({ command: '/brief', team_id: 'T1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      logger.info('slow');
    });
    const fast = handle({ type: 'block_actions', team: { id: 'T2' } }, async () => {
      logger.event(LogLevel.INFO, 'installed', { team: 'T3' });
      logger.info('fast');
    });
    await Promise.all([slow, fast]);
    expect(lines.map((l) => [l.msg ?? l.event, l.team])).toEqual([
      ['installed', 'T3'],
      ['fast', 'T2'],
      ['slow', 'T1'],
    ]);
  });
});
