import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { formatDate } from '../../src/knowledge/source-line';
import { verbatimProblems } from '../../src/curation/verbatim-check';

const notesText = readFileSync(path.join(BUNDLED_KNOWLEDGE, 'sources', 'briefing-notes-nrf.txt'), 'utf8');
/** Quote style and spacing aside, so a fact may be wrapped over lines in YAML and still count as verbatim. */
const normalise = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
const notes = normalise(notesText);
const kb = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);

describe('bundled NRF knowledge', () => {
  it('has one file per source of the notes: six sources', () => {
    expect(kb.sources).toHaveLength(6);
    expect(new Set(kb.sources.map((s) => s.file)).size).toBe(6);
  });

  it('links every source to its stored text, the notes, so brief check proves each fact verbatim', () => {
    expect(kb.sources.map((s) => s.text_file)).toEqual(kb.sources.map(() => 'sources/briefing-notes-nrf.txt'));
    expect(verbatimProblems(kb.facts, process.cwd())).toEqual([]);
  });

  it('invents no link: the notes give none', () => {
    expect(notesText).not.toMatch(/https?:\/\//);
    expect(kb.sources.filter((s) => s.url)).toEqual([]);
  });

  it('gives a date only where the notes state it', () => {
    const dated = kb.sources.filter((s) => s.date);
    // The notes date one source (the Atlantic Council interview): it keeps its date.
    expect(dated.length).toBeGreaterThan(0);
    for (const source of dated) expect(notes).toContain(formatDate(source.date!));
  });

  it('names a publisher only where the notes name it', () => {
    const published = kb.sources.filter((s) => s.publisher);
    expect(published.length).toBeGreaterThan(0);
    for (const source of published) for (const name of source.publisher!.split(', ')) expect(notes).toContain(name);
  });
});
