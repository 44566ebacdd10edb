import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { fixtureKnowledge } from '../helpers/paths';

describe('validated-knowledge cache', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'brief-cache-'));
  const dir = path.join(work, 'knowledge');
  const cacheDir = path.join(work, 'cache');
  cpSync(fixtureKnowledge('basic'), dir, { recursive: true });

  it('gives the same knowledge from the cache as from the files, with facts sharing their source', () => {
    const fresh = loadKnowledgeOrThrow(dir, work, { cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const cached = loadKnowledgeOrThrow(dir, work, { cacheDir });
    expect(cached).toEqual(fresh);
    expect(cached.facts[0]!.source).toBe(cached.facts[1]!.source);
  });

  it('is keyed by content: an edited file is parsed and validated again', () => {
    writeFileSync(path.join(dir, 'programme.yml'), 'source:\n  title: Edited\nfacts:\n  - id: only-fact\n    text: Changed.\n');
    const edited = loadKnowledgeOrThrow(dir, work, { cacheDir });
    expect(edited.facts.map((f) => f.id)).toEqual(['only-fact']);
    writeFileSync(path.join(dir, 'programme.yml'), 'source:\n  title: ""\nfacts: []\n');
    expect(() => loadKnowledgeOrThrow(dir, work, { cacheDir })).toThrow(/source\.title is empty/);
  });
});
