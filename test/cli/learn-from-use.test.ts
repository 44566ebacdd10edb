import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withQuestion } from '../../src/knowledge/add-question';
import type { FeedbackEntry } from '../../src/feedback/log';
import { clusterQuestions } from '../../src/feedback/clusters';
import { proposedPhrasings, refusedPhrasings } from '../../src/feedback/phrasings';
import { cliMessages } from '../../src/messages';
import { brief } from '../helpers/cli';
import { fixtureKnowledge } from '../helpers/paths';

const entry = (kind: FeedbackEntry['kind'], question: string, factId?: string): FeedbackEntry => ({ time: '2026-01-01T00:00:00Z', user: 'U1', kind, question, ...(factId && { factId }) });

describe('a question marked 👍 becomes a proposed phrasing of its fact', () => {
  const stored = (id: string) => (id === 'programme-base' ? { questions: ['Where is the programme based?'] } : id === 'programme-budget' ? { questions: [] } : undefined);

  it('proposes 👍 questions the fact does not store yet, while 👍 outnumber 👎', () => {
    const proposals = proposedPhrasings(
      [
        entry('up', 'Which city hosts the programme?', 'programme-base'),
        entry('up', 'which city hosts the programme', 'programme-base'),
        entry('up', 'where is the programme based', 'programme-base'),
        entry('up', 'How big is the budget?', 'programme-budget'),
        entry('down', 'How big is the budget?', 'programme-budget'),
        entry('up', 'Anything', 'a-fact-that-is-gone'),
        entry('unanswered', 'What is the weather?'),
      ],
      stored,
    );
    expect(proposals).toEqual([{ factId: 'programme-base', question: 'Which city hosts the programme?', up: 2, down: 0 }]);
  });
});

describe('a question marked 👎 becomes a phrasing its fact does not answer', () => {
  const lists = (id: string) =>
    id === 'programme-base' ? { questions: ['Where is the programme based?'], does_not_answer: ['Who founded the programme?'] } : id === 'programme-budget' ? { questions: [] } : undefined;

  it('is proposed while 👎 outnumber 👍, unless the fact stores it or already lists it', () => {
    const refusals = refusedPhrasings(
      [
        entry('down', 'How many regions has it left?', 'programme-base'),
        entry('down', 'how many regions has it left', 'programme-base'),
        entry('down', 'where is the programme based', 'programme-base'),
        entry('down', 'who founded the programme', 'programme-base'),
        entry('down', 'How big is the budget?', 'programme-budget'),
        entry('up', 'How big is the budget?', 'programme-budget'),
        entry('down', 'Anything', 'a-fact-that-is-gone'),
      ],
      lists,
    );
    expect(refusals).toEqual([{ factId: 'programme-base', question: 'How many regions has it left?', up: 0, down: 2 }]);
  });
});

describe('withQuestion inserts one line and leaves every other byte as written', () => {
  const file = [
    '# The programme review',
    'source:',
    '  title: Review',
    'facts:',
    '  - id: base   # where it is',
    '    text: >-',
    '      The programme is based in Lyon',
    '      and operates in nine regions.',
    '    questions:',
    '      - Where is the programme based?',
    '    tags: [lyon]',
    '  - id: budget',
    '    text: Its budget was 4.2 million euros.',
    '    questions: [How large is the budget?]',
    '  - id: staff',
    '    text: It has twelve staff.',
    '',
  ].join('\n');

  it('appends to a block list with the same indentation', () => {
    const out = withQuestion(file, 'base', 'Which city hosts it?')!;
    expect(out).toBe(file.replace('      - Where is the programme based?\n', '      - Where is the programme based?\n      - "Which city hosts it?"\n'));
  });

  it('appends to a flow list', () => {
    expect(withQuestion(file, 'budget', 'What does it cost?')).toBe(file.replace('[How large is the budget?]', '[How large is the budget?, "What does it cost?"]'));
  });

  it('appends to a flow list right after its last item, so the list keeps its own spacing', () => {
    const padded = file.replace('[How large is the budget?]', '[ How large is the budget? ]');
    expect(withQuestion(padded, 'budget', 'What does it cost?')).toBe(padded.replace('[ How large is the budget? ]', '[ How large is the budget?, "What does it cost?" ]'));
    const empty = file.replace('[How large is the budget?]', '[ ]');
    expect(withQuestion(empty, 'budget', 'What does it cost?')).toBe(empty.replace('[ ]', '[ "What does it cost?"]'));
  });

  it('adds a questions list after the id when the fact has none', () => {
    expect(withQuestion(file, 'staff', 'How many people work there?')).toBe(file.replace('  - id: staff\n', '  - id: staff\n    questions: ["How many people work there?"]\n'));
  });

  it('writes into does_not_answer the same way: a new list after the id, then one line per phrasing', () => {
    const once = withQuestion(file, 'staff', 'Who pays the staff?', 'does_not_answer')!;
    expect(once).toBe(file.replace('  - id: staff\n', '  - id: staff\n    does_not_answer: ["Who pays the staff?"]\n'));
    const block = file.replace('    tags: [lyon]\n', '    does_not_answer:\n      - Who founded it?\n    tags: [lyon]\n');
    expect(withQuestion(block, 'base', 'Where was it founded?', 'does_not_answer')).toBe(block.replace('      - Who founded it?\n', '      - Who founded it?\n      - "Where was it founded?"\n'));
    expect(withQuestion(block, 'base', 'Which city?')).toBe(block.replace('      - Where is the programme based?\n', '      - Where is the programme based?\n      - "Which city?"\n'));
  });

  it('quotes what YAML would misread, and finds no unknown fact', () => {
    const out = withQuestion(file, 'staff', 'Costs: "12" #1?')!;
    expect(out).toContain('questions: ["Costs: \\"12\\" #1?"]');
    expect(withQuestion(file, 'nope', 'x')).toBeUndefined();
  });
});

/** A folder with a copy of the basic knowledge and a feedback log holding `entries`. */
function learning(...entries: FeedbackEntry[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'brief-learn-'));
  const knowledge = path.join(dir, 'knowledge');
  cpSync(fixtureKnowledge('basic'), knowledge, { recursive: true });
  const log = path.join(dir, 'feedback.jsonl');
  writeFileSync(log, `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`);
  return { dir, knowledge, env: { KNOWLEDGE_DIR: knowledge, FEEDBACK_LOG: log, XDG_CACHE_HOME: path.join(dir, 'cache') } };
}

describe('brief gaps --apply', () => {
  it('writes accepted phrasings into the knowledge files, which then answer them', async () => {
    const { dir, knowledge, env } = learning(entry('up', 'In which French city does the programme sit?', 'programme-base'));

    const listed = await brief(['gaps'], { env, cwd: dir });
    expect(listed.out).toContain('1👍 "In which French city does the programme sit?" → programme-base (knowledge/programme.yml:');

    const applied = await brief(['gaps', '--apply'], { env, cwd: dir });
    expect(applied).toMatchObject({ code: 0, out: 'knowledge/programme.yml: fact "programme-base" now also answers "In which French city does the programme sit?"' });
    expect(readFileSync(path.join(knowledge, 'programme.yml'), 'utf8')).toContain('"In which French city does the programme sit?"');
    expect((await brief(['check'], { env, cwd: dir })).code).toBe(0);
    expect((await brief(['gaps', '--apply'], { env, cwd: dir })).out).toBe(cliMessages.noProposals());
  });
});

describe('brief gaps --refuse with a question marked 👎', () => {
  it('writes it into the fact\'s does_not_answer (--apply does not), after which the fact is not given for it or a close restatement', async () => {
    const wrong = 'How many regions has the programme left?';
    const { dir, knowledge, env } = learning(entry('down', wrong, 'programme-base'), entry('down', wrong, 'programme-base'));
    const asked = async (q: string) => JSON.parse((await brief(['ask', '--json', q], { env, cwd: dir })).out) as { answered: boolean; closest?: unknown[] };
    expect((await asked(wrong)).answered).toBe(true);

    const listed = (await brief(['gaps'], { env, cwd: dir })).out;
    expect(listed).toContain(`${cliMessages.refusalsHeading()}\n     2👎 "${wrong}" → programme-base (knowledge/programme.yml:`);
    const before = readFileSync(path.join(knowledge, 'programme.yml'), 'utf8');
    expect(await brief(['gaps', '--apply'], { env, cwd: dir })).toMatchObject({ code: 0, out: cliMessages.noProposals() });
    expect(readFileSync(path.join(knowledge, 'programme.yml'), 'utf8')).toBe(before);
    const applied = await brief(['gaps', '--refuse'], { env, cwd: dir });
    expect(applied).toMatchObject({ code: 0, out: `knowledge/programme.yml: fact "programme-base" no longer answers "${wrong}" (does_not_answer)` });
    expect(readFileSync(path.join(knowledge, 'programme.yml'), 'utf8')).toContain(`does_not_answer: ["${wrong}"]`);
    expect((await brief(['check'], { env, cwd: dir })).code).toBe(0);

    for (const q of [wrong, 'how many regions has the programme left so far']) {
      expect(await asked(q)).toMatchObject({ answered: false, closest: expect.arrayContaining([expect.objectContaining({ id: 'programme-base', does_not_answer: wrong })]) });
    }
    expect((await asked('In how many regions does the programme operate?')).answered).toBe(true);
    const text = (await brief(['ask', wrong], { env, cwd: dir })).out;
    expect(text).toContain(`(programme-base): ruled out, its does_not_answer lists "${wrong}"`);
    expect((await brief(['gaps', '--refuse'], { env, cwd: dir })).out).toBe(cliMessages.noRefusals());
  });

  it('is never written under both lists of a fact: a 👍 for a refused question is not proposed, and a clash is not written', async () => {
    const q = 'How many regions has the programme left?';
    const { dir, knowledge, env } = learning(entry('up', q, 'programme-base'));
    const file = path.join(knowledge, 'programme.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    questions: [Where is the programme based?]\n', `    questions: [Where is the programme based?]\n    does_not_answer: ["${q}"]\n`));
    expect((await brief(['gaps'], { env, cwd: dir })).out).toContain(`${cliMessages.proposalsHeading()}\n  (none)`);
    expect(await brief(['gaps', '--apply'], { env, cwd: dir })).toMatchObject({ code: 0, out: cliMessages.noProposals() });
    expect((await brief(['check'], { env, cwd: dir })).code).toBe(0);
  });
});

describe('a phrasing another fact already stores', () => {
  it('is skipped by brief gaps --apply, naming the fact that has it, and brief check stays clean', async () => {
    // programme-base stores "Where is the programme based?"; a 👍 given to programme-budget for it, typed otherwise.
    const { dir, knowledge, env } = learning(entry('up', 'where is the PROGRAMME based', 'programme-budget'));
    const before = readFileSync(path.join(knowledge, 'programme.yml'), 'utf8');
    const listed = (await brief(['gaps'], { env, cwd: dir })).out.split('\n');
    const at = listed.findIndex((line) => line.includes('"where is the PROGRAMME based" → programme-budget'));
    expect(listed[at + 1]).toBe('        fact "programme-base" already has it among its questions: --apply skips it');

    const applied = await brief(['gaps', '--apply'], { env, cwd: dir });
    expect(applied).toMatchObject({
      code: 0,
      out:
        'skipped "where is the PROGRAMME based" for fact "programme-budget": fact "programme-base" already has it among its questions, and a question two facts store is answered with whichever ranks first. If "programme-budget" answers it better, move it there by hand',
    });
    expect(readFileSync(path.join(knowledge, 'programme.yml'), 'utf8')).toBe(before);
    expect(await brief(['check', '--strict'], { env, cwd: dir })).toMatchObject({ code: 0, err: '' });
  });

  it('goes to the fact with most 👍 when two facts are proposed it in one run, and brief gaps says so first', async () => {
    const { dir, knowledge, env } = learning(
      entry('up', 'What does the programme do?', 'programme-base'),
      entry('up', 'What does the programme do?', 'programme-base'),
      entry('up', 'what does the programme do', 'programme-budget'),
    );
    const listed = (await brief(['gaps'], { env, cwd: dir })).out.split('\n');
    const at = listed.findIndex((line) => line.includes('"what does the programme do" → programme-budget'));
    expect(listed[at + 1]).toBe('        a proposal above gives it to fact "programme-base": --apply skips it');

    const applied = await brief(['gaps', '--apply'], { env, cwd: dir });
    expect(applied.out.split('\n')).toEqual([
      'skipped "what does the programme do" for fact "programme-budget": an earlier proposal of this run gives it to fact "programme-base", and a question two facts store is answered with whichever ranks first. If "programme-budget" answers it better, move it there by hand',
      'knowledge/programme.yml: fact "programme-base" now also answers "What does the programme do?"',
    ]);
    expect(readFileSync(path.join(knowledge, 'programme.yml'), 'utf8').match(/What does the programme do/gi)).toHaveLength(1);
    expect(await brief(['check', '--strict'], { env, cwd: dir })).toMatchObject({ code: 0, err: '' });
  });

  it('is not written twice when a 👍 phrasing and an accepted unanswered question are the same', async () => {
    const { dir, knowledge, env } = learning(
      entry('up', 'Where is the programme headquartered?', 'programme-base'),
      entry('unanswered', 'where is the programme headquartered'),
    );
    const listed = (await brief(['gaps'], { env, cwd: dir })).out.split('\n');
    const proposal = listed.map((l) => /proposal (\d): add this phrasing to fact programme-base/.exec(l)?.[1]).find(Boolean);
    expect(proposal).toBeDefined();
    const applied = await brief(['gaps', '--apply', '--accept', proposal!], { env, cwd: dir });
    expect(applied.out.split('\n')).toEqual([
      'skipped "where is the programme headquartered" for fact "programme-base": an earlier proposal of this run adds it',
      'knowledge/programme.yml: fact "programme-base" now also answers "Where is the programme headquartered?"',
    ]);
    expect(readFileSync(path.join(knowledge, 'programme.yml'), 'utf8').match(/where is the programme headquartered/gi)).toHaveLength(1);
  });
});

describe('a proposed phrasing that borrows words of other facts', () => {
  it('is listed and written with a caution naming the words and the facts that use them', async () => {
    const { dir, env } = learning(entry('up', 'What budget does the Lyon programme have?', 'programme-base'));
    const caution =
      'caution: it lends programme-base words of other facts ("budget" from programme-budget), so questions about those facts may then match programme-base: reword it, or check them with brief ask';

    const listed = (await brief(['gaps'], { env, cwd: dir })).out.split('\n');
    const at = listed.findIndex((line) => line.includes('"What budget does the Lyon programme have?" → programme-base'));
    expect(listed[at + 1]).toBe(`        ${caution}`);

    const applied = await brief(['gaps', '--apply'], { env, cwd: dir });
    expect(applied).toMatchObject({
      code: 0,
      out: `knowledge/programme.yml: fact "programme-base" now also answers "What budget does the Lyon programme have?"\n  ${caution}`,
    });
  });
});

describe('unanswered questions are grouped by what they ask', () => {
  it('joins wordings that share most content words, most asked first', () => {
    expect(clusterQuestions(['Who funds the NRF?', 'NRF funding?', 'who funds the NRF', 'What is the weather?', 'Where do the NRF funds come from?'])).toEqual([
      { question: 'Who funds the NRF?', count: 4, wordings: ['Who funds the NRF?', 'NRF funding?', 'Where do the NRF funds come from?'] },
      { question: 'What is the weather?', count: 1, wordings: ['What is the weather?'] },
    ]);
  });
});

describe('brief gaps --accept', () => {
  it('writes an accepted proposal for an unanswered question into the fact it names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-accept-'));
    const knowledge = path.join(dir, 'knowledge');
    cpSync(fixtureKnowledge('basic'), knowledge, { recursive: true });
    const log = path.join(dir, 'feedback.jsonl');
    const asked = ['Where is the programme headquartered?', 'What colour is the sky?'];
    writeFileSync(log, `${asked.map((q) => JSON.stringify(entry('unanswered', q))).join('\n')}\n`);
    const env = { KNOWLEDGE_DIR: knowledge, FEEDBACK_LOG: log, XDG_CACHE_HOME: path.join(dir, 'cache') };

    const listed = (await brief(['gaps'], { env, cwd: dir })).out.split('\n');
    const at = listed.findIndex((l) => l.endsWith('Where is the programme headquartered?'));
    expect(listed[at + 1]).toMatch(/^ {8}proposal (\d): add this phrasing to fact programme-base \(match \d\.\d\d\), if that fact answers it$/);
    const n = /proposal (\d)/.exec(listed[at + 1]!)![1]!;
    expect(listed[listed.findIndex((l) => l.endsWith('What colour is the sky?')) + 1]).toMatch(/^ {8}no fact covers this: write one/);

    // A number not shown as a proposal ("write one", or none at all) writes nothing, and says so.
    const yml = path.join(knowledge, 'programme.yml');
    const written = readFileSync(yml, 'utf8');
    const other = n === '1' ? '2' : '1';
    for (const wrong of [other, `${n},9`]) {
      const refused = await brief(['gaps', '--accept', wrong], { env, cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.err).toBe(cliMessages.notProposals(wrong === other ? [Number(other)] : [9], [Number(n)]));
    }
    expect(readFileSync(yml, 'utf8')).toBe(written);

    const accepted = await brief(['gaps', '--accept', n], { env, cwd: dir });
    expect(accepted).toMatchObject({ code: 0, out: 'knowledge/programme.yml: fact "programme-base" now also answers "Where is the programme headquartered?"' });
    expect((await brief(['check'], { env, cwd: dir })).code).toBe(0);
    // And it does: asked again, however typed, the question is one the fact stores.
    const again = JSON.parse((await brief(['ask', '--json', 'where is the programme HEADQUARTERED'], { env, cwd: dir })).out);
    expect({ answered: again.answered, first: again.answers[0] }).toMatchObject({ answered: true, first: { id: 'programme-base', restated: true } });
    expect((await brief(['gaps', '--accept', 'x'], { env, cwd: dir })).code).toBe(2);
  });
});
