import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isoWeek } from '../../src/cli/stats';
import { brief } from '../helpers/cli';
import { fixtureKnowledge } from '../helpers/paths';

describe('brief stats', () => {
  it('numbers ISO weeks, the year being that of the week’s Thursday', () => {
    expect(isoWeek('2021-01-03T12:00:00Z')).toBe('2020-W53');
    expect(isoWeek('2021-01-04T00:00:00Z')).toBe('2021-W01');
    expect(isoWeek('2026-11-25T16:00:00Z')).toBe('2026-W48');
    expect(isoWeek('2024-12-30T08:00:00Z')).toBe('2025-W01');
    expect(isoWeek('not a time')).toBeUndefined();
  });

  it('counts the knowledge, then questions per week from the feedback log', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-stats-'));
    const log = path.join(dir, 'feedback.jsonl');
    const line = (time: string, kind: string) => JSON.stringify({ time, kind, user: 'U1', question: 'q', ...(kind !== 'unanswered' && { factId: 'nrf-stated-goals' }) });
    writeFileSync(log, [line('2026-11-16T10:00:00Z', 'up'), line('2026-11-18T10:00:00Z', 'unanswered'), line('2026-11-23T09:00:00Z', 'down'), line('2026-11-24T09:00:00Z', 'up'), 'half a li'].join('\n'));
    const { code, out } = await brief(['stats', '--log', log]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^knowledge: 6 sources, \d+ published facts, 0 drafts, 0 due for review$/);
    expect(lines.slice(1)).toEqual([
      `Questions per week (${log}):`,
      '  week      asked  answered  unanswered   👍   👎',
      '  2026-W47      2         1           1    1    0',
      '  2026-W48      2         2           0    1    1',
      'Counts what the log records: unanswered questions and rated answers (an answer nobody rated is not logged).',
    ]);
  });

  it('counts only the chosen book, as brief gaps does (entries without a book are the default book\'s)', async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'brief-stats-')), 'feedback.jsonl');
    const line = (time: string, book?: string) => JSON.stringify({ time, kind: 'unanswered', user: 'U1', question: 'q', ...(book && { book }) });
    writeFileSync(log, [line('2026-11-16T10:00:00Z', 'valley'), line('2026-11-17T10:00:00Z'), line('2026-11-24T10:00:00Z', 'harbour')].join('\n'));
    const weeks = async (book: string) => (await brief(['stats', '--knowledge', fixtureKnowledge('two-books'), '--book', book, '--log', log])).out.split('\n').slice(3, -1);
    expect(await weeks('valley')).toEqual(['  2026-W47      1         0           1    0    0']);
    expect(await weeks('harbour')).toEqual(['  2026-W47      1         0           1    0    0', '  2026-W48      1         0           1    0    0']);
  });

  it('says when there is no feedback log yet', async () => {
    const { out } = await brief(['stats', '--log', path.join(tmpdir(), 'no-such-log.jsonl')]);
    expect(out.split('\n')[1]).toMatch(/^No feedback log at .*no-such-log\.jsonl yet/);
  });
});
