import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { sentences } from '../../src/ingest/excerpts';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { brief } from '../helpers/cli';

const NOTES = path.join(BUNDLED_KNOWLEDGE, 'sources', 'briefing-notes-nrf.txt');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const tmp = () => mkdtempSync(path.join(tmpdir(), 'brief-ingest-'));

/** The notes copied without their override file, to see the heuristic alone. */
function notesWithoutOverride(): string {
  const file = path.join(tmp(), 'notes.txt');
  copyFileSync(NOTES, file);
  return file;
}

describe('brief ingest on the briefing notes', () => {
  it('yields the six sources of the bundled knowledge, with the override file naming the untitled one', async () => {
    const out = tmp();
    const { code, err } = await brief(['ingest', NOTES, '--out', out]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const drafted = loadKnowledgeOrThrow(out).drafts ?? [];
    const titles = (kb: { source: { title: string } }[]) => [...new Set(kb.map((f) => f.source.title))].sort();
    expect(titles(drafted)).toEqual(titles(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE).facts));
    const atlantic = drafted.find((f) => f.source.title.startsWith('Interview with'))!.source;
    expect(atlantic).toMatchObject({ publisher: 'Atlantic Council, South Asia Center', date: '2021-08-11' });
  });

  it('drafts facts covering every sentence of the notes, title lines aside, verbatim and in order', async () => {
    const out = tmp();
    await brief(['ingest', NOTES, '--out', out]);
    const drafted = loadKnowledgeOrThrow(out).drafts ?? [];
    const notes = readFileSync(NOTES, 'utf8');
    const titles = ['Copenhagen Democracy Summit - #CDS2023', 'The second Press Conference of Ahmad Massoud in Vienna',
      'Resistance leader Massoud sees "opportunity for success" in Afghanistan.', 'A Conversation with Ahmad Massoud on the Future of Afghanistan.',
      "Afghan opposition weighs in on IS militant's death"];
    let body = notes;
    for (const title of titles) body = body.replace(title, '');
    const sentencesOf = (texts: string[]) => texts.flatMap((t) => sentences(squash(t))).sort();
    expect(sentencesOf(drafted.map((f) => f.text))).toEqual(sentencesOf(body.split('\n')));
    expect(sentencesOf(body.split('\n'))).toHaveLength(19);
    expect(drafted.every((f) => f.status === 'draft' && sentences(f.text).length >= 1 && f.text.length <= 3000)).toBe(true);
    expect((await brief(['check', out])).code).toBe(0);
  });

  it('stores the text beside the knowledge with its sha256 and origin', async () => {
    const out = tmp();
    const { out: printed } = await brief(['ingest', NOTES, '--out', out]);
    expect(readFileSync(path.join(out, 'sources', 'briefing-notes-nrf.txt'), 'utf8')).toBe(readFileSync(NOTES, 'utf8'));
    const origin = readFileSync(path.join(out, 'sources', 'briefing-notes-nrf.origin.yml'), 'utf8');
    const sha256 = createHash('sha256').update(readFileSync(NOTES)).digest('hex');
    expect(origin).toContain(`sha256: ${sha256}`);
    expect(origin).toContain('format: text');
    expect(printed.split('\n')[0]).toBe(`${path.join(out, 'sources', 'briefing-notes-nrf.txt')}: stored text, sha256 ${sha256.slice(0, 12)}…`);
  });

  it('without the override file, the heuristic finds the five title lines, irregular ones included', async () => {
    const out = tmp();
    const { code } = await brief(['ingest', notesWithoutOverride(), '--out', out]);
    expect(code).toBe(0);
    const titles = [...new Set((loadKnowledgeOrThrow(out).drafts ?? []).map((f) => f.source.title))].sort();
    expect(titles).toEqual([
      'A Conversation with Ahmad Massoud on the Future of Afghanistan',
      "Afghan opposition weighs in on IS militant's death",
      'Copenhagen Democracy Summit - #CDS2023',
      'Resistance leader Massoud sees "opportunity for success" in Afghanistan',
      'The second Press Conference of Ahmad Massoud in Vienna',
    ]);
  });

  it('reports a bad override file as path:line: message and writes nothing', async () => {
    const file = notesWithoutOverride();
    writeFileSync(`${file}.sections.yml`, '- line: 99\n  title: Too far\n- line: 2\n  titel: Typo\n');
    const out = tmp();
    const { code, err } = await brief(['ingest', file, '--out', out]);
    expect(code).toBe(1);
    expect(err).toContain('notes.txt.sections.yml:4: [1] has an unknown field "titel": allowed fields are line, title, publisher, date, url');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('brief ingest again, on a changed document', () => {
  it('keeps published facts and the curator’s edits, replaces drafts, and reports what changed', async () => {
    const file = notesWithoutOverride();
    const out = tmp();
    await brief(['ingest', file, '--out', out]);
    const yml = path.join(out, 'afghan-opposition-weighs-in-on-is-militant-s-death.yml');
    // The curator publishes the first fact, adds a question, and comments the file.
    const first = readFileSync(yml, 'utf8').replace('    status: draft\n', '    questions: [What did Massoud say about the IS killing?]\n');
    writeFileSync(yml, `# checked by the curator\n${first}`);
    const before = loadKnowledgeOrThrow(out);
    const published = before.facts.map((f) => f.id);
    expect(published).toHaveLength(1);

    // The document changes: the last sentence is reworded, the published one is untouched.
    writeFileSync(file, readFileSync(file, 'utf8').replace('two sides of the same coin', 'two faces of one coin'));
    const { code, out: printed } = await brief(['ingest', file, '--out', out]);
    expect(code).toBe(0);
    expect(printed).toContain('afghan-opposition-weighs-in-on-is-militant-s-death.yml: updated: 1 new draft, 1 draft removed (no longer in the document), 1 draft kept, 1 published fact kept unchanged');
    expect(printed).toMatch(/copenhagen-democracy-summit-cds2023\.yml: unchanged/);
    const text = readFileSync(yml, 'utf8');
    expect(text).toContain('# checked by the curator');
    // Its flow list as the curator wrote it, not re-spaced ("[ … ]") by the rewrite.
    expect(text).toContain('    questions: [What did Massoud say about the IS killing?]\n');
    expect(text).toContain('two faces of one coin');
    expect(text).not.toContain('two sides of the same coin');
    const after = loadKnowledgeOrThrow(out);
    expect(after.facts.map((f) => f.id)).toEqual(published);
    expect((await brief(['check', out])).code).toBe(0);
  });

  it('warns when a published fact is no longer in the document', async () => {
    const file = notesWithoutOverride();
    const out = tmp();
    await brief(['ingest', file, '--out', out]);
    const yml = path.join(out, 'copenhagen-democracy-summit-cds2023.yml');
    writeFileSync(yml, readFileSync(yml, 'utf8').replace('    status: draft\n', ''));
    writeFileSync(file, readFileSync(file, 'utf8').replace('de facto control', 'firm control'));
    const { out: printed } = await brief(['ingest', file, '--out', out]);
    expect(printed).toMatch(/copenhagen-democracy-summit-cds2023\.yml:8: published fact "copenhagen-democracy-summit-cds2023-[0-9a-f]{6}" is no longer in the document: review it \(brief check shows the difference\)/);
    expect(existsSync(yml)).toBe(true);
  });
});
