import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brief } from '../helpers/cli';
import { fixtureKnowledge, SHARED } from '../helpers/paths';

describe('brief check', () => {
  it('exits 0 with a one-line summary for the bundled knowledge', async () => {
    const { code, out } = await brief(['check']);
    expect(code).toBe(0);
    expect(out).toMatch(/^knowledge: OK: 6 sources, \d+ facts, \d+ alias groups$/);
  });

  it('exits 1 listing every problem as path:line: message', async () => {
    const { code, err } = await brief(['check', fixtureKnowledge('many-problems')]);
    expect(code).toBe(1);
    const lines = err.split('\n');
    expect(lines).toHaveLength(8);
    for (const line of lines.slice(0, 7)) expect(line).toMatch(/^test\/fixtures\/knowledge\/many-problems\/(first|second)\.yml:\d+: /);
    expect(lines[7]).toBe('7 problems in 2 files: fix them and run brief check again');
  });
});

describe('brief eval', () => {
  it('scores 100% on the shared dev questions', async () => {
    const { code, out } = await brief(['eval', path.join(SHARED, 'eval', 'questions.dev.jsonl'), '--min', '1']);
    expect(out).toContain('Overall:            100.0% (28/28)');
    expect(code).toBe(0);
  });

  it('generalises to other phrasings of the same needs, and never answers wrongly', async () => {
    const { out } = await brief(['eval', path.join(__dirname, '..', 'fixtures', 'eval', 'nrf-paraphrases.jsonl'), '--min', '0.9']);
    expect(out).not.toMatch(/got answered with/);
    expect(out).toContain('No-answer accuracy: 100.0%');
  });

  it('prints each miss and exits 1 below --min', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-eval-'));
    const file = path.join(dir, 'set.jsonl');
    writeFileSync(file, '{"q": "NRF goals", "expect": ["democratic, decentralized"]}\n{"q": "NRF goals", "expect": ["not in any fact"]}\n');
    const { code, out, err } = await brief(['eval', file, '--min', '0.9']);
    expect(out).toContain('Top-1 accuracy:     50.0% (1/2)');
    expect(out).toContain('MISS "NRF goals": wanted a quote of "not in any fact"; got answered with nrf-stated-goals');
    expect(err).toBe('Overall accuracy 50.0% is below --min 90.0%');
    expect(code).toBe(1);
  });

  it('names the line of a bad question file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-eval-'));
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, '{"q": "ok", "expect": null}\n{"question": "wrong key"}\n');
    const { code, err } = await brief(['eval', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/bad\.jsonl:2: not a question line: .*expected \{"q": "question", "expect": \["phrase", \.\.\.\] or null\}/);
  });
});

describe('brief gaps', () => {
  it('lists the most frequent unanswered questions and the most 👎 facts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-gaps-'));
    const log = path.join(dir, 'feedback.jsonl');
    const entries = [
      { kind: 'unanswered', question: 'Who funds the NRF?' },
      { kind: 'unanswered', question: 'who funds the NRF' },
      { kind: 'unanswered', question: 'What is the weather?' },
      { kind: 'down', question: 'NRF goals', factId: 'nrf-stated-goals' },
      { kind: 'up', question: 'NRF goals', factId: 'nrf-stated-goals' },
      { kind: 'down', question: 'x', factId: 'us-policy-options' },
      { kind: 'down', question: 'y', factId: 'us-policy-options' },
    ];
    writeFileSync(log, entries.map((e) => JSON.stringify({ time: '2026-01-01T00:00:00Z', user: 'U1', ...e })).join('\n') + '\n{broken\n');
    const { code, out, err } = await brief(['gaps', '--log', log], { env: { FEEDBACK_LOG: path.join(dir, 'not-this.jsonl') } });
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'Most frequent unanswered questions:',
      '     2× Who funds the NRF?',
      '     1× What is the weather?',
      '',
      'Facts with most 👎:',
      '     2👎   0👍 us-policy-options',
      '     1👎   1👍 nrf-stated-goals',
    ]);
    expect(err).toBe(`Skipped 1 unreadable line(s) in ${log}.`);
  });

  it('reads FEEDBACK_LOG relative to the working directory when --log is not given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-gaps-'));
    writeFileSync(path.join(dir, 'fb.jsonl'), `${JSON.stringify({ time: '2026-01-01T00:00:00Z', user: 'U1', kind: 'unanswered', question: 'Who funds the NRF?' })}\n`);
    const { code, out } = await brief(['gaps'], { env: { FEEDBACK_LOG: 'fb.jsonl' }, cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('1× Who funds the NRF?');
  });
});
