import path from 'node:path';
import { loadKnowledge, loadKnowledgeOrThrow, KnowledgeError } from '../../src/knowledge/load';
import { formatProblem } from '../../src/knowledge/problems';
import { knowledgeMessages } from '../../src/messages';
import { fixtureKnowledge, REPO } from '../helpers/paths';

/** Every problem of a scenario, as `brief check` prints them (paths relative to the repo). */
function problemsOf(scenario: string): string[] {
  const result = loadKnowledge(fixtureKnowledge(scenario), REPO);
  if (result.ok) throw new Error(`${scenario} unexpectedly loaded`);
  return result.problems.map(formatProblem);
}
const at = (scenario: string, file: string) => path.join('test/fixtures/knowledge', scenario, file);

describe('loadKnowledge', () => {
  it('loads a valid folder with sources, facts, aliases and their lines', () => {
    const kb = loadKnowledgeOrThrow(fixtureKnowledge('basic'), REPO);
    expect(kb.sources).toEqual([
      {
        title: 'Annual Review of the Example Programme',
        publisher: 'Example Institute',
        date: '2024-05',
        url: 'https://example.org/review',
        file: at('basic', 'programme.yml'),
      },
    ]);
    expect(kb.facts.map((f) => [f.id, f.line, f.questions, f.tags])).toEqual([
      ['programme-base', 7, ['Where is the programme based?'], ['programme', 'lyon']],
      ['programme-budget', 11, [], []],
    ]);
    expect(kb.aliases).toEqual([['Lyon', 'Lyons']]);
    expect(kb.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports malformed YAML at the line where the unclosed quote opens', () => {
    expect(problemsOf('malformed')).toEqual([
      `${at('malformed', 'broken.yml')}:5: YAML syntax error: a quoted text starts here but is never closed: add the closing quote`,
    ]);
  });

  describe('YAML syntax errors, one curator message per slip, on the line to fix', () => {
    const syntax = (scenario: string, file: string, line: number, message: string) =>
      `${at(scenario, file)}:${line}: YAML syntax error: ${message}`;

    it('points at keys indented less than the one above them, each in line order', () => {
      const message = '"text:" is not lined up with the field above it: start the fields of one entry in the same column';
      expect(problemsOf('yaml-key-indented-shallower')).toEqual([
        syntax('yaml-key-indented-shallower', 'shallower.yml', 5, message),
        syntax('yaml-key-indented-shallower', 'shallower.yml', 9, message),
      ]);
    });

    it('names a field written without its colon', () => {
      expect(problemsOf('yaml-missing-colon')).toEqual([
        syntax('yaml-missing-colon', 'no-colon.yml', 2, 'a colon is missing after "title": write each field as name: value'),
        syntax('yaml-missing-colon', 'no-colon.yml', 8, 'a colon is missing after "text": write each field as name: value'),
      ]);
    });

    it.each([
      ['yaml-tab-indent', 'tabbed.yml', 5, 'a tab character is used for indentation: indent with spaces'],
      ['yaml-key-indented-deeper', 'deeper.yml', 5, '"text:" is not lined up with the field above it: start the fields of one entry in the same column'],
      ['yaml-duplicate-key', 'twice.yml', 7, '"text" is given twice in the same entry: keep only one'],
      ['yaml-colon-in-text', 'colon.yml', 5, 'the value of "text" contains a colon followed by a space: put the whole value in quotes'],
      ['yaml-quote-inside-quotes', 'quotes.yml', 5, `the value goes on after its closing quote: to quote text that contains " marks, put it in single quotes ('…') instead`],
      ['yaml-unclosed-list', 'list.yml', 6, 'a [ list starts here but is never closed: add the closing ]'],
    ])('%s: one message at %s:%i, none of the follow-on parser errors', (scenario, file, line, message) => {
      expect(problemsOf(scenario)).toEqual([syntax(scenario, file, line, message)]);
    });

    it('still checks the ids of a file with a syntax or schema error against the other files', () => {
      const scenario = 'broken-file-hides-duplicate-id';
      const unique = 'fact ids must be unique across the knowledge base';
      expect(problemsOf(scenario)).toEqual([
        syntax(scenario, 'a.yml', 7, 'a tab character is used for indentation: indent with spaces'),
        `${at(scenario, 'b.yml')}:6: facts[1].id "shared-id" is already used at ${at(scenario, 'a.yml')}:4: ${unique}`,
        `${at(scenario, 'c.yml')}:2: source.title is required: give the source its title`,
        `${at(scenario, 'c.yml')}:4: facts[0].id "unique-id" is already used at ${at(scenario, 'b.yml')}:4: ${unique}`,
      ]);
    });
  });

  it('reports a missing title at its source block', () => {
    expect(problemsOf('missing-title')).toEqual([
      `${at('missing-title', 'no-title.yml')}:2: source.title is required: give the source its title`,
    ]);
  });

  it('reports an id used in two files, pointing at the first use', () => {
    expect(problemsOf('duplicate-id')).toEqual([
      `${at('duplicate-id', 'b.yml')}:6: facts[1].id "shared-id" is already used at ${at('duplicate-id', 'a.yml')}:4: fact ids must be unique across the knowledge base`,
    ]);
  });

  it('reports a question listed both under questions and under does_not_answer, at the second', () => {
    expect(problemsOf('refused-and-stored')).toEqual([
      `${at('refused-and-stored', 'programme.yml')}:10: facts[0].does_not_answer[1] "where is the programme based" is also one of fact "programme-base"'s questions: keep it under questions if the fact answers it, else under does_not_answer only`,
    ]);
  });

  it('reports an impossible date', () => {
    expect(problemsOf('bad-date')).toEqual([
      `${at('bad-date', 'dated.yml')}:3: source.date "2024-13-01" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05`,
    ]);
  });

  it('reports each unknown field on its own line, with the fields allowed there', () => {
    expect(problemsOf('unknown-field')).toEqual([
      `${at('unknown-field', 'extra.yml')}:3: source has an unknown field "author": allowed fields are title, publisher, date, url, as_of, review_by, text_file`,
      `${at('unknown-field', 'extra.yml')}:7: facts[0] has an unknown field "txt": allowed fields are id, text, questions, does_not_answer, tags, status, as_of, review_by`,
    ]);
  });

  it('reports an empty file', () => {
    expect(problemsOf('empty')).toEqual([
      `${at('empty', 'empty.yml')}:1: the file is empty: a knowledge file needs a source: block and a facts: list (see knowledge/README.md)`,
    ]);
  });

  it('reports a text over the limit with its length', () => {
    expect(problemsOf('text-too-long')).toEqual([
      `${at('text-too-long', 'long.yml')}:5: facts[0].text is 3,001 characters long, over the 3,000 limit: split it into smaller facts`,
    ]);
  });

  it('reports an id over 100 characters, accepting one of exactly 100', () => {
    expect(problemsOf('id-too-long')).toEqual([
      `${at('id-too-long', 'long-id.yml')}:6: facts[1].id is 101 characters long, over the 100 limit: use a short name for the fact, e.g. "programme-base"`,
    ]);
  });

  it('reports every problem in every file in one pass', () => {
    const first = at('many-problems', 'first.yml');
    const second = at('many-problems', 'second.yml');
    expect(problemsOf('many-problems')).toEqual([
      `${first}:2: source.title is empty: remove it or give it a value`,
      `${first}:3: source.url "ftp://example.org/file" is not a web address: use a full http:// or https:// URL`,
      `${first}:5: facts[0].id "Bad_Id" is not a valid id: use lowercase letters, digits and single hyphens, e.g. "programme-base"`,
      `${first}:7: facts[1].id is required: give the fact an id made of lowercase letters, digits and hyphens`,
      `${first}:8: facts[1].questions should be a list, not text ("What? Not a list.")`,
      `${second}:3: source.date "May 2024" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05`,
      `${second}:4: facts is an empty list: add at least one fact, or remove the file`,
    ]);
  });

  it('reports an alias group with a single term', () => {
    expect(problemsOf('bad-aliases')).toEqual([
      `${at('bad-aliases', 'aliases.yml')}:2: alias group 2 has a single term: a group needs two or more terms that mean the same, e.g. [NRF, National Resistance Front]`,
    ]);
  });

  it('speaks of aliases.yml, not of a knowledge file, when it is empty or not a list', () => {
    expect(problemsOf('aliases-empty')).toEqual([`${at('aliases-empty', 'aliases.yml')}:1: ${knowledgeMessages.aliasesEmpty()}`]);
    expect(problemsOf('aliases-mapping')).toEqual([`${at('aliases-mapping', 'aliases.yml')}:1: ${knowledgeMessages.aliasesNotAList()}`]);
  });

  it('names a missing folder and how to point at another', () => {
    expect(problemsOf('no-such-scenario')).toEqual([
      'test/fixtures/knowledge/no-such-scenario: knowledge folder not found: pass --knowledge DIR or set KNOWLEDGE_DIR to a folder of *.yml files',
    ]);
  });

  it('throws a KnowledgeError whose message lists the problems', () => {
    expect(() => loadKnowledgeOrThrow(fixtureKnowledge('bad-date'), REPO)).toThrow(KnowledgeError);
    expect(() => loadKnowledgeOrThrow(fixtureKnowledge('bad-date'), REPO)).toThrow(/dated\.yml:3: source\.date/);
  });
});
