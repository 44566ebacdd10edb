import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brief } from '../helpers/cli';
import { FIXTURES, fixtureKnowledge } from '../helpers/paths';

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
  it('passes the dev questions at the default bar, declining every out-of-scope one', async () => {
    const { code, out } = await brief(['eval', path.join(FIXTURES, 'eval', 'questions.dev.jsonl')]);
    expect(out).toContain('No-answer accuracy: 100.0% (4/4)');
    expect(code).toBe(0);
  });

  it('declines every out-of-scope question of the older paraphrase set and answers at most one wrongly', async () => {
    const { out } = await brief(['eval', path.join(FIXTURES, 'eval', 'nrf-paraphrases.jsonl'), '--min', '0.8']);
    expect(out.match(/got answered with/g)?.length ?? 0).toBeLessThanOrEqual(1);
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

  it('counts the answers given as sure and those given to check, right and wrong', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-eval-'));
    const file = path.join(dir, 'set.jsonl');
    // The first is sure; the second (0.86, below the semantic stage's sure point 0.88) is given to check, and is marked wrong here.
    writeFileSync(file, '{"q": "What are the NRF\'s stated goals?", "expect": ["democratic, decentralized"]}\n{"q": "What does the NRF want?", "expect": ["not in any fact"]}\n');
    const { out } = await brief(['eval', file, '--min', '0']);
    expect(out).toContain('Given as sure:      1 answer, 1 right, 0 wrong (100.0% precision)');
    expect(out).toContain('Given to check:     1 answer, 0 right, 1 wrong (0.0% precision)');
  });

  it('names the field wrong on every bad line of a question file, not only the first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-eval-'));
    const lines = [
      '{"expect": null}',
      '{"q": "ok", "expect": null}',
      '{"question": "wrong key"}',
      '{"q": 42, "expect": "democratic"}',
      '{"q": "NRF goals", "expect": ["democratic", ""]}',
      '{"q": "unclosed"',
      '["q", "expect"]',
    ];
    writeFileSync(path.join(dir, 'questions.jsonl'), lines.join('\n'));
    const { code, out, err } = await brief(['eval', 'questions.jsonl'], { cwd: dir });
    const expected = '; expected {"q": "question", "expect": ["phrase", ...] or null}';
    expect(err.split('\n')).toEqual([
      `questions.jsonl:1: not a question line: "q" is missing${expected}`,
      `questions.jsonl:3: not a question line: "q" is missing, "expect" is missing${expected}`,
      `questions.jsonl:4: not a question line: "q" should be text, not a number, "expect" should be a list of phrases or null, not text${expected}`,
      `questions.jsonl:5: not a question line: "expect"[1] is empty${expected}`,
      expect.stringMatching(/^questions\.jsonl:6: not a question line: not valid JSON \(.+\); expected /),
      `questions.jsonl:7: not a question line: the line is a list, not a JSON object${expected}`,
    ]);
    expect(out).toBe('');
    expect(code).toBe(1);
  });
});

describe('a knowledge folder that does not exist', () => {
  const missing = path.join(tmpdir(), 'brief-no-such-knowledge-folder');
  const notFound = `${missing}: knowledge folder not found: pass --knowledge DIR or set KNOWLEDGE_DIR to a folder of *.yml files`;

  it('is named without an invented line number by brief eval', async () => {
    const { code, err } = await brief(['eval', '--knowledge', missing, path.join(FIXTURES, 'eval', 'questions.dev.jsonl')]);
    expect(err).toBe(notFound);
    expect(code).toBe(1);
  });

  it('is named without an invented line number by brief ask', async () => {
    const { code, err } = await brief(['ask', '--knowledge', missing, 'NRF goals']);
    expect(err).toBe(notFound);
    expect(code).toBe(1);
  });
});

describe('brief gaps', () => {
  it('lists the most frequent unanswered questions and the most 👎 facts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-gaps-'));
    const log = path.join(dir, 'feedback.jsonl');
    const entries = [
      { kind: 'unanswered', question: 'Who is the NRF spokesman?' },
      { kind: 'unanswered', question: 'who is the NRF spokesman' },
      { kind: 'unanswered', question: 'What is the weather?' },
      { kind: 'down', question: 'NRF goals', factId: 'nrf-stated-goals' },
      { kind: 'up', question: 'NRF goals', factId: 'nrf-stated-goals' },
      { kind: 'down', question: 'x', factId: 'us-policy-options' },
      { kind: 'down', question: 'y', factId: 'us-policy-options' },
      // An expert's reply (Ask an expert) is read, not skipped, and is neither a gap nor a vote.
      { kind: 'expert', question: 'What is the weather?', answer: 'Sunny.' },
    ];
    writeFileSync(log, entries.map((e) => JSON.stringify({ time: '2026-01-01T00:00:00Z', user: 'U1', ...e })).join('\n') + '\n{broken\n');
    const { code, out, err } = await brief(['gaps', '--log', log], { env: { FEEDBACK_LOG: path.join(dir, 'not-this.jsonl') } });
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Unanswered questions, grouped by what they ask (brief gaps --accept N writes proposal N into the knowledge):');
    expect(lines[1]).toBe('     2× Who is the NRF spokesman?');
    expect(lines[2]).toMatch(/^ {8}no fact covers this: write one \(closest: [a-z0-9-]+, match \d\.\d\d\)$/);
    expect(lines[3]).toBe('     1× What is the weather?');
    expect(lines.slice(5, 9)).toEqual(['', 'Facts with most 👎:', '     2👎   0👍 us-policy-options', '     1👎   1👍 nrf-stated-goals']);
    expect(err).toBe(`Skipped 1 unreadable line(s) in ${log}.`);
  });

  it('reads FEEDBACK_LOG relative to the working directory when --log is not given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-gaps-'));
    writeFileSync(path.join(dir, 'fb.jsonl'), `${JSON.stringify({ time: '2026-01-01T00:00:00Z', user: 'U1', kind: 'unanswered', question: 'Who is the NRF spokesman?' })}\n`);
    const { code, out } = await brief(['gaps'], { env: { FEEDBACK_LOG: 'fb.jsonl' }, cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('1× Who is the NRF spokesman?');
  });
});
