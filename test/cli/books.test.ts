import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brief } from '../helpers/cli';
import { fixtureKnowledge } from '../helpers/paths';

const TWO = fixtureKnowledge('two-books');
const SHOWN = 'test/fixtures/knowledge/two-books';

describe('brief with several books', () => {
  it('ask --book NAME answers from that book only', async () => {
    const harbour = await brief(['ask', '--knowledge', TWO, '--book', 'harbour', 'What are the stated goals?']);
    const valley = await brief(['ask', '--knowledge', TWO, '--book', 'valley', 'What are the stated goals?']);
    expect(harbour.code).toBe(0);
    expect(harbour.out).toContain("“The cooperative's stated goals are affordable moorings");
    expect(harbour.out).not.toMatch(/water rights|valley-dues/);
    expect(valley.out).toContain("“The alliance's stated goals are to protect the river's water rights");
    expect(valley.out).not.toMatch(/moorings|sailing school/);
  });

  it('ask without --book uses the default book of channels.yml', async () => {
    expect((await brief(['ask', '--knowledge', TWO, 'Who is the leader?'])).out).toContain('Ingrid Solberg');
  });

  it('an unknown --book exits 2 naming the books there are', async () => {
    expect(await brief(['ask', '--knowledge', TWO, '--book', 'ukraine', 'Who is the leader?'])).toEqual({
      code: 2,
      out: '',
      err: 'brief: no book named "ukraine": the books are harbour, valley',
    });
    expect((await brief(['ask', '--book', 'ukraine', 'Who leads the NRF?'])).err).toBe('brief: no book named "ukraine": the books are default');
  });

  it('books lists each book, its size and its channels, the default first', async () => {
    expect(await brief(['books', '--knowledge', TWO])).toEqual({
      code: 0,
      out: [
        `Books in ${SHOWN} (channels.yml maps channels to them):`,
        '  harbour (default: DMs, App Home, channels not listed): 3 facts, 1 source; channels C0HARBOUR1',
        '  valley: 3 facts, 1 source; channels C0VALLEY01',
      ].join('\n'),
      err: '',
    });
  });

  it('check validates every book and channels.yml', async () => {
    expect(await brief(['check', TWO])).toEqual({
      code: 0,
      out: [
        `${SHOWN}/harbour: OK: 1 source, 3 facts, 0 alias groups`,
        `${SHOWN}/valley: OK: 1 source, 3 facts, 0 alias groups`,
        `${SHOWN}/channels.yml: OK: 2 channels mapped, default book harbour`,
      ].join('\n'),
      err: '',
    });
  });

  it('check reports a bad channels.yml with file, line and field, and exits 1', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'brief-books-cli-'));
    cpSync(TWO, work, { recursive: true });
    writeFileSync(path.join(work, 'channels.yml'), 'default: harbour\nchannels:\n  C0VALLEY01: valey\n');
    const { code, err } = await brief(['check', work], { cwd: work });
    expect(code).toBe(1);
    expect(err.split('\n')).toEqual([
      'channels.yml:3: channels.C0VALLEY01 "valey" is not a book: the books are harbour, valley (one per sub-folder of the knowledge folder; "default" is the files at its top)',
      '1 problem in 1 file: fix them and run brief check again',
    ]);
  });

  it('gaps --book lists only that book’s feedback', async () => {
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'brief-books-gaps-')), 'feedback.jsonl');
    const entry = (question: string, book: string) => JSON.stringify({ time: '2026-11-20T10:00:00.000Z', kind: 'unanswered', user: 'W1', question, book });
    writeFileSync(log, `${entry('When does the sailing season open?', 'harbour')}\n${entry('How much water may each farm draw?', 'valley')}\n`);
    const valley = await brief(['gaps', '--knowledge', TWO, '--book', 'valley', '--log', log]);
    expect(valley.out).toContain('How much water may each farm draw?');
    expect(valley.out).not.toContain('sailing season');
  });
});
