import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Fact, KnowledgeBase } from './schema';

/** Bump when the shape of validated knowledge changes, so old cache files are ignored. */
const CACHE_FORMAT = 2;

function cacheFile(cacheDir: string, fingerprint: string, dir: string, cwd: string): string {
  // Paths in facts are shown relative to the working directory, so the folder and cwd are part of the key.
  const key = createHash('sha256').update(`${CACHE_FORMAT}\0${path.resolve(cwd, dir)}\0${cwd}\0${fingerprint}`).digest('hex').slice(0, 24);
  return path.join(cacheDir, `knowledge-${key}.json`);
}

/** On disk each source is stored once and facts point at it by index, as they share it in memory. */
interface CachedKnowledge extends Omit<KnowledgeBase, 'facts'> {
  format: number;
  facts: Array<Omit<Fact, 'source'> & { source: number }>;
}

/** Validated knowledge from the cache, if these exact files were validated before. */
export function readCache(cacheDir: string, fingerprint: string, dir: string, cwd: string): KnowledgeBase | undefined {
  try {
    const cached = JSON.parse(readFileSync(cacheFile(cacheDir, fingerprint, dir, cwd), 'utf8')) as CachedKnowledge;
    if (cached.format !== CACHE_FORMAT || cached.fingerprint !== fingerprint) return undefined;
    const sources = cached.sources.map(({ file: _file, ...source }) => source);
    const facts = cached.facts.map((f) => ({ ...f, source: sources[f.source]! }));
    return { facts, drafts: cached.drafts ?? [], sources: cached.sources, aliases: cached.aliases, fingerprint };
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only disk only means no cache. Written to a temporary name, then renamed, so readers never see half a file. */
export function writeCache(cacheDir: string, knowledge: KnowledgeBase, dir: string, cwd: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const file = cacheFile(cacheDir, knowledge.fingerprint, dir, cwd);
    const temporary = `${file}.${process.pid}.tmp`;
    // Each file holds one source, so a fact's file names its source.
    const sourceIndex = new Map(knowledge.sources.map((source, i) => [source.file, i]));
    const cached: CachedKnowledge = {
      format: CACHE_FORMAT,
      fingerprint: knowledge.fingerprint,
      sources: knowledge.sources,
      aliases: knowledge.aliases,
      drafts: knowledge.drafts ?? [],
      facts: knowledge.facts.map((f) => ({ ...f, source: sourceIndex.get(f.file)! })),
    };
    writeFileSync(temporary, JSON.stringify(cached));
    renameSync(temporary, file);
  } catch {
    // no cache this time
  }
}
