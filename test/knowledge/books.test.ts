import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBooks } from '../../src/cache/load-books';
import { formatProblem } from '../../src/knowledge/problems';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { fixtureKnowledge, REPO } from '../helpers/paths';

/** A copy of the two-books fixture in a temp folder, with `channels` as its channels.yml (null: none). */
function withChannels(channels: string | null, edit: (dir: string) => void = () => undefined) {
  const work = mkdtempSync(path.join(tmpdir(), 'brief-books-'));
  const dir = path.join(work, 'knowledge');
  cpSync(fixtureKnowledge('two-books'), dir, { recursive: true });
  rmSync(path.join(dir, 'channels.yml'));
  if (channels !== null) writeFileSync(path.join(dir, 'channels.yml'), channels);
  edit(dir);
  const result = loadBooks(dir, work, undefined);
  return { result, problems: result.ok ? [] : result.problems.map(formatProblem) };
}

describe('books in the knowledge folder', () => {
  it('is one book, "default", for a folder without sub-folders of knowledge (sources/ is not a book)', () => {
    const result = loadBooks(BUNDLED_KNOWLEDGE, REPO, undefined);
    if (!result.ok) throw new Error('bundled knowledge must load');
    expect(result.books.names).toEqual(['default']);
    expect(result.books.several).toBe(false);
    // Its fingerprint is the folder's own, as before books: caches and /healthz keep their values.
    expect(result.books.fingerprint).toBe(result.books.default.engine.knowledge.fingerprint);
  });

  it('makes each sub-folder a book, with fact ids unique per book, mapped by channels.yml', () => {
    const result = loadBooks(fixtureKnowledge('two-books'), REPO, undefined);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { books } = result;
    expect(books.names).toEqual(['harbour', 'valley']);
    expect(books.default.name).toBe('harbour');
    expect(books.forChannel('C0VALLEY01').name).toBe('valley');
    expect(books.forChannel('D0DIRECT01').name).toBe('harbour');
    expect(books.forChannel(undefined).name).toBe('harbour');
    expect(books.channelsOf('valley')).toEqual(['C0VALLEY01']);
    expect(books.named('valley')!.engine.facts.find((f) => f.id === 'leader')!.text).toContain('Tomas Reyes');
  });

  it('adds the top-level files as the book "default" beside the sub-folders', () => {
    const { result } = withChannels(null, (dir) => writeFileSync(path.join(dir, 'staff.yml'), 'source:\n  title: Staff list\nfacts:\n  - id: leader\n    text: The office is led by Ana Lima.\n'));
    if (!result.ok) throw new Error('should load');
    expect(result.books.names).toEqual(['default', 'harbour', 'valley']);
    expect(result.books.forChannel('C0VALLEY01').name).toBe('default');
  });
});

describe('channels.yml validation', () => {
  it('names an unknown book, with its line, and the books there are', () => {
    expect(withChannels('default: harbour\nchannels:\n  C0HARBOUR1: harbour\n  C0VALLEY01: vally\n').problems).toEqual([
      'knowledge/channels.yml:4: channels.C0VALLEY01 "vally" is not a book: the books are harbour, valley (one per sub-folder of the knowledge folder; "default" is the files at its top)',
    ]);
    expect(withChannels('default: harbor\n').problems).toEqual([
      'knowledge/channels.yml:1: default "harbor" is not a book: the books are harbour, valley (one per sub-folder of the knowledge folder; "default" is the files at its top)',
    ]);
  });

  it('refuses channel names: ids are reliable, names change', () => {
    expect(withChannels('default: harbour\nchannels:\n  "#valley": valley\n').problems).toEqual([
      'knowledge/channels.yml:3: channels: "#valley" is not a channel id: write the channel\'s id, e.g. C0123ABCD (in Slack: the channel\'s name › About, at the bottom); names are not used because they change',
    ]);
  });

  it('asks for a default book when the folder has no files of its own', () => {
    const expected = 'no default book: the knowledge folder has no files of its own, so say which book answers direct messages and channels not listed: add "default: BOOK" (books: harbour, valley)';
    expect(withChannels(null).problems).toEqual([`knowledge/channels.yml: ${expected}`]);
    expect(withChannels('channels:\n  C0VALLEY01: valley\n').problems).toEqual([`knowledge/channels.yml:1: ${expected}`]);
  });

  it('names unknown fields, wrong shapes and an empty file in curator words', () => {
    expect(withChannels('default: harbour\nchanels:\n  C0VALLEY01: valley\n').problems).toEqual([
      'knowledge/channels.yml:2: the file has an unknown field "chanels": allowed fields are default, channels',
    ]);
    expect(withChannels('default: harbour\nchannels:\n  - C0VALLEY01\n').problems).toEqual(['knowledge/channels.yml:3: channels should be a mapping, not a list']);
    expect(withChannels('- harbour\n').problems).toEqual([
      'knowledge/channels.yml:1: the file should be a mapping with channels: (and optionally default:) at the top level, not a list',
    ]);
    expect(withChannels('').problems).toEqual(['knowledge/channels.yml:1: the file is empty: write "channels:" with one "CHANNEL_ID: book" line per channel, or delete the file']);
    expect(withChannels('default: harbour\nchannels:\n  C0VALLEY01: valley\n  C0VALLEY01: harbour\n').problems).toEqual([
      'knowledge/channels.yml:4: YAML syntax error: "C0VALLEY01" is given twice in the same entry: keep only one',
    ]);
  });

  it('refuses a sub-folder named "default", the name of the top-level book', () => {
    const { problems } = withChannels('default: harbour\n', (dir) => {
      mkdirSync(path.join(dir, 'default'));
      cpSync(path.join(dir, 'valley', 'valley-alliance.yml'), path.join(dir, 'default', 'valley-alliance.yml'));
    });
    expect(problems).toEqual([
      'knowledge/default: a sub-folder cannot be named "default": that is the name of the book formed by the files at the top of the knowledge folder; rename the folder',
    ]);
  });
});
