import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { isVerbatim, prepareText, wordDiff } from '../../src/curation/verbatim';
import { brief } from '../helpers/cli';

function bundledCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'brief-verbatim-'));
  cpSync(BUNDLED_KNOWLEDGE, dir, { recursive: true });
  return dir;
}

describe('verbatim, proved by brief check', () => {
  it('passes the bundled knowledge against its stored notes', async () => {
    const { code, err } = await brief(['check']);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('reports a fact whose words differ from the stored text, with the closest passage and a diff', async () => {
    const dir = bundledCopy();
    const file = path.join(dir, 'is-militant-death-reaction.yml');
    const yml = readFileSync(file, 'utf8');
    writeFileSync(file, yml.replace('"completely tactical"', '"entirely tactical"'));
    const { code, err } = await brief(['check', dir], { cwd: dir });
    expect(code).toBe(1);
    const lines = err.split('\n');
    expect(lines[0]).toMatch(/^is-militant-death-reaction\.yml:\d+: fact "[a-z0-9-]+" is not verbatim in sources\/briefing-notes-nrf\.txt$/);
    expect(lines[1]).toContain('  closest passage: "An Afghan opposition leader has called the elimination');
    expect(lines[2]).toContain('[-"entirely-] {+"completely+}');
    expect(lines[3]).toBe('1 problem in 1 file: fix them and run brief check again');
  });

  it('finds the stored text by convention, sources/<file>.txt, without a text_file field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-verbatim-'));
    cpSync(path.join(BUNDLED_KNOWLEDGE, 'sources'), path.join(dir, 'sources'), { recursive: true });
    writeFileSync(path.join(dir, 'sources', 'notes.txt'), 'The sky is blue today.');
    writeFileSync(path.join(dir, 'notes.yml'), 'source:\n  title: Notes\nfacts:\n  - id: sky\n    text: The sky is green today.\n');
    const { code, err } = await brief(['check', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toBe('notes.yml:4: fact "sky" is not verbatim in sources/notes.txt');
  });

  it('reports a text_file that cannot be read, and refuses one outside the knowledge folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-verbatim-'));
    writeFileSync(path.join(dir, 'a.yml'), 'source:\n  title: A\n  text_file: sources/gone.txt\nfacts:\n  - id: a\n    text: Some text.\n');
    writeFileSync(path.join(dir, 'b.yml'), 'source:\n  title: B\n  text_file: ../../etc/passwd\nfacts:\n  - id: b\n    text: Other text.\n');
    const { code, err } = await brief(['check', dir], { cwd: dir });
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toBe('b.yml:3: source.text_file "../../etc/passwd" is outside the knowledge folder: give a path inside it, e.g. sources/annual-review.txt');
    writeFileSync(path.join(dir, 'b.yml'), 'source:\n  title: B\nfacts:\n  - id: b\n    text: Other text.\n');
    const again = await brief(['check', dir], { cwd: dir });
    expect(again.err.split('\n')[0]).toMatch(/^a\.yml: the stored text sources\/gone\.txt of this source cannot be read \(ENOENT.*\): fix source\.text_file or restore the file$/);
  });

  it('ignores only whitespace, quote and dash styles and letter case', () => {
    const text = prepareText('He said “never   closed” — twice.\nThen LEFT.');
    expect(isVerbatim('he said "never closed" - twice. then left.', text)).toBe(true);
    expect(isVerbatim('He said "never closed" twice.', text)).toBe(false);
    expect(isVerbatim('He said never closed', text)).toBe(false);
  });

  it('diffs word by word', () => {
    expect(wordDiff('the door was closed', 'the door was never closed')).toBe('the door was {+never+} closed');
    expect(wordDiff('a b c', 'a x c')).toBe('a [-b-] {+x+} c');
  });
});
