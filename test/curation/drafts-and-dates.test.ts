import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { createEngine } from '../../src/engine/engine';
import { sourceMrkdwn } from '../../src/slack/blocks';
import { brief } from '../helpers/cli';

const SOURCE = `source:
  title: Annual Review
  publisher: Example Institute
  as_of: 2024-05
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'brief-curation-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const published = `  - id: programme-base
    text: The programme is based in Lyon and operates in nine regions.
    review_by: 2000-01
`;
const draft = `  - id: programme-budget
    status: draft
    text: The programme's budget is twelve million euros a year.
`;
const later = `  - id: programme-staff
    text: The programme employs forty people.
    review_by: 2999
`;

describe('draft facts', () => {
  it('are loaded apart and never answered', () => {
    const dir = folder({ 'review.yml': `${SOURCE}facts:\n${published}${draft}` });
    const kb = loadKnowledgeOrThrow(dir);
    expect(kb.facts.map((f) => f.id)).toEqual(['programme-base']);
    expect(kb.drafts?.map((f) => f.id)).toEqual(['programme-budget']);
    const answer = createEngine(kb).ask("What is the programme's budget?");
    expect(answer.results.map((r) => r.fact.id)).not.toContain('programme-budget');
  });

  it('a file of drafts only is not a source the bot cites', () => {
    const dir = folder({ 'a.yml': `${SOURCE}facts:\n${published}`, 'b.yml': `source:\n  title: Draft Only\nfacts:\n${draft}` });
    expect(loadKnowledgeOrThrow(dir).sources.map((s) => s.title)).toEqual(['Annual Review']);
  });

  it('brief check lists each draft with its line and counts drafts and reviews due', async () => {
    const dir = folder({ 'review.yml': `${SOURCE}facts:\n${published}${draft}${later}` });
    const { code, out, err } = await brief(['check', dir], { cwd: dir });
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'review.yml:9: fact "programme-budget" is a draft: it is not answered until you delete its "status: draft" line',
      '.: OK: 1 source, 2 facts, 0 alias groups, 1 draft, 1 due for review',
    ]);
    expect(err).toBe(
      'review.yml:6: fact "programme-base" was due for review on January 2000: check it against its source, then move review_by to the next review date',
    );
  });

  it('brief check --strict makes a review due an error', async () => {
    const dir = folder({ 'review.yml': `${SOURCE}facts:\n${published}` });
    const { code, err } = await brief(['check', '--strict', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(err.split('\n')[1]).toBe('1 fact due for review (--strict): review it and run brief check again');
  });

  it('rejects a status other than draft or published and a bad review date, in curator words', async () => {
    const dir = folder({ 'bad.yml': `${SOURCE}  review_by: 2024-13\nfacts:\n  - id: x\n    text: Some text.\n    status: final\n` });
    const { code, err } = await brief(['check', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(err.split('\n').slice(0, 2)).toEqual([
      'bad.yml:5: source.review_by "2024-13" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05',
      'bad.yml:9: facts[0].status "final" is not allowed: use one of draft, published',
    ]);
  });
});

describe('a question stored by more than one fact', () => {
  const shared = `  - id: programme-staff
    text: The programme employs forty people.
    questions: ["where is the programme based", How many people work there?]
  - id: programme-reach
    text: The programme reaches nine regions.
    questions: [Where is the programme BASED?]
`;
  const base = `  - id: programme-base
    text: The programme is based in Lyon and operates in nine regions.
    questions: [Where is the programme based?]
`;

  it('is a warning from brief check naming both facts, counted in the summary', async () => {
    const dir = folder({ 'shared.yml': `${SOURCE}facts:\n${base}${shared}` });
    const { code, out, err } = await brief(['check', dir], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toBe('.: OK: 1 source, 3 facts, 0 alias groups, 1 question stored by more than one fact');
    expect(err.split('\n')).toEqual([
      'shared.yml:6: fact "programme-base" stores the question "Where is the programme based?", as fact "programme-staff" (shared.yml:9) and fact "programme-reach" (shared.yml:12) do: asked so, it is answered with whichever ranks first by word matching. Keep it on the one fact that answers it',
      'shared.yml:9: fact "programme-staff" stores the question "where is the programme based", as fact "programme-base" (shared.yml:6) and fact "programme-reach" (shared.yml:12) do: asked so, it is answered with whichever ranks first by word matching. Keep it on the one fact that answers it',
      'shared.yml:12: fact "programme-reach" stores the question "Where is the programme BASED?", as fact "programme-base" (shared.yml:6) and fact "programme-staff" (shared.yml:9) do: asked so, it is answered with whichever ranks first by word matching. Keep it on the one fact that answers it',
    ]);
  });

  it('is an error with --strict, said apart from reviews due', async () => {
    const due = '  - id: programme-old\n    text: The programme opened in 1990.\n    review_by: 2000-01\n';
    const dir = folder({ 'shared.yml': `${SOURCE}facts:\n${base}${shared}${due}` });
    const { code, err } = await brief(['check', '--strict', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(err.split('\n').slice(-2)).toEqual([
      '1 fact due for review (--strict): review it and run brief check again',
      '1 question stored by more than one fact (--strict): keep each on one fact and run brief check again',
    ]);
  });

  it('is not a question one fact stores twice, nor a question one word longer', async () => {
    const dir = folder({ 'ok.yml': `${SOURCE}facts:\n${base.replace(']', ', where is the programme based]')}  - id: programme-staff\n    text: It employs forty people.\n    questions: [Where is the programme based now?]\n` });
    expect(await brief(['check', '--strict', dir], { cwd: dir })).toMatchObject({ code: 0, err: '' });
  });
});

describe('a subject more than one fact defines', () => {
  const facts = `  - id: programme-about
    text: The Lyon Programme trains nurses.
    questions: [What is the Lyon Programme?]
  - id: programme-size
    text: The LP employs forty people.
    questions: ["Who is the LP?", What is the size of the LP?]
`;

  it('is a warning from brief check naming both questions, with the same name in other words', async () => {
    const dir = folder({ 'aliases.yml': '- [Lyon Programme, LP]\n', 'lp.yml': `${SOURCE}facts:\n${facts}` });
    const { code, out, err } = await brief(['check', dir], { cwd: dir });
    expect(code).toBe(0);
    expect(out).toBe('.: OK: 1 source, 2 facts, 1 alias group, 1 subject defined by more than one fact');
    expect(err.split('\n')).toEqual([
      'lp.yml:6: fact "programme-about" defines the subject of "What is the Lyon Programme?", as fact "programme-size" (lp.yml:9) does with "Who is the LP?": a request for an overview of it ("tell me about …") is answered with whichever ranks first by word matching. Keep the questions that define it on the one fact that does',
      'lp.yml:9: fact "programme-size" defines the subject of "Who is the LP?", as fact "programme-about" (lp.yml:6) does with "What is the Lyon Programme?": a request for an overview of it ("tell me about …") is answered with whichever ranks first by word matching. Keep the questions that define it on the one fact that does',
    ]);
    const strict = await brief(['check', '--strict', dir], { cwd: dir });
    expect({ code: strict.code, last: strict.err.split('\n').pop() }).toEqual({
      code: 1,
      last: '1 subject defined by more than one fact (--strict): keep the questions that define each subject on one fact and run brief check again',
    });
  });

  it('is said once, as a question stored twice, when the facts store the same question', async () => {
    const dir = folder({ 'lp.yml': `${SOURCE}facts:\n${facts.replace('"Who is the LP?"', 'what is the lyon programme')}` });
    const { err } = await brief(['check', dir], { cwd: dir });
    expect(err.split('\n').map((line) => line.includes('stores the question'))).toEqual([true, true]);
  });
});

describe('brief review', () => {
  it('lists facts due for review, oldest first, and nothing not yet due', async () => {
    const dir = folder({
      'a.yml': `${SOURCE}facts:\n${published}${later}`,
      'b.yml': `source:\n  title: Older\n  review_by: 1999-06-30\nfacts:\n  - id: older-fact\n    text: An older fact.\n`,
    });
    const { code, out } = await brief(['review', dir], { cwd: dir });
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      '2 facts due for review, oldest first:',
      'June 30, 1999  b.yml:5  older-fact: An older fact.',
      'January 2000  a.yml:6  programme-base: The programme is based in Lyon and operates in nine regions.',
    ]);
  });

  it('reviews one book of a folder that has books: the default one, or the one --book names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-curation-'));
    for (const book of ['north', 'south']) {
      mkdirSync(path.join(dir, book));
      writeFileSync(path.join(dir, book, 'a.yml'), `${SOURCE}facts:\n  - id: ${book}-fact\n    text: The ${book} office opened.\n    review_by: 2000-01\n`);
    }
    writeFileSync(path.join(dir, 'channels.yml'), 'default: north\n');
    const due = async (...args: string[]) => (await brief(['review', dir, ...args], { cwd: dir })).out.split('\n')[1];
    expect(await due()).toBe('January 2000  north/a.yml:6  north-fact: The north office opened.');
    expect(await due('--book', 'south')).toBe('January 2000  south/a.yml:6  south-fact: The south office opened.');
  });

  it('says so when nothing is due', async () => {
    const dir = folder({ 'a.yml': `${SOURCE}facts:\n${later}` });
    expect((await brief(['review', dir], { cwd: dir })).out).toBe('Nothing is due for review.');
  });
});

describe('as of', () => {
  const dir = folder({ 'review.yml': `${SOURCE}facts:\n${published}  - id: staff\n    text: The programme employs forty people.\n    as_of: 2025-01-15\n` });

  it('the CLI source line says as of the source date, a fact date winning', async () => {
    expect((await brief(['ask', '--knowledge', dir, 'Where is the programme based?'])).out).toContain(
      '  Source: Annual Review — Example Institute (as of May 2024)',
    );
    expect((await brief(['ask', '--knowledge', dir, 'How many people does the programme employ?'])).out).toContain(
      '  Source: Annual Review — Example Institute (as of January 15, 2025)',
    );
  });

  it('brief ask --json gives as_of in the source', async () => {
    const { out } = await brief(['ask', '--json', '--knowledge', dir, 'Where is the programme based?']);
    expect(JSON.parse(out).answers[0].source).toEqual({ title: 'Annual Review', publisher: 'Example Institute', as_of: '2024-05' });
  });

  it('the Slack source line says it too', () => {
    const answer = createEngine(loadKnowledgeOrThrow(dir)).ask('Where is the programme based?');
    expect(sourceMrkdwn(answer.results[0]!)).toBe('Source: *Annual Review* — Example Institute (as of May 2024)');
  });
});
