import { createHash } from 'node:crypto';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { INDEX_FORMAT, type IndexParts } from '../engine/index-builder';
import type { FactVectors } from '../engine/semantic/fact-vectors';
import type { KnowledgeBase } from '../knowledge/schema';
import type { CacheFolder } from './cache-folder';
import { packIndex, unpackIndex } from './index-pack';
import { packKnowledge, unpackKnowledge } from './knowledge-pack';
import { packVectors, unpackVectors } from './vectors-pack';
import type { Packed } from './packed';
import { readSealed, writeSealed } from './sealed-file';

/**
 * Files of each kind kept: enough for a few knowledge folders (the bot's, the CLI's) and the edit
 * before; each book of a knowledge folder is cached as a folder of its own.
 */
const KEEP = 8;

const hash = (...parts: Array<string | number>) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 24);

// Paths in facts are shown relative to the working directory, so the folder and cwd are part of the key.
const knowledgeFile = (cache: CacheFolder, fingerprint: string, dir: string, cwd: string) =>
  path.join(cache.dir, `knowledge-${hash(path.resolve(cwd, dir), cwd, fingerprint)}.bin`);
// The index depends only on the facts' content.
const indexFile = (cache: CacheFolder, fingerprint: string) => path.join(cache.dir, `index-${hash(INDEX_FORMAT, fingerprint)}.bin`);

// One stat manifest per knowledge folder (stat-manifest.ts), keyed like its knowledge but not by content.
export const statManifestFile = (cache: CacheFolder, dir: string, cwd: string) => path.join(cache.dir, `stat-${hash(path.resolve(cwd, dir), cwd)}.bin`);

// Sentence vectors depend on the facts' content and the model.
const vectorsFile = (cache: CacheFolder, fingerprint: string, embedder: string) => path.join(cache.dir, `vectors-${hash(embedder, fingerprint)}.bin`);

/** Validated knowledge from the cache, if these exact files were validated before and the file is ours and intact. */
export function readKnowledgeCache(cache: CacheFolder, fingerprint: string, dir: string, cwd: string): KnowledgeBase | undefined {
  const packed = readSealed(knowledgeFile(cache, fingerprint, dir, cwd), cache.key);
  try {
    const knowledge = packed && unpackKnowledge(packed);
    return knowledge?.fingerprint === fingerprint ? knowledge : undefined;
  } catch {
    return undefined;
  }
}

export function readIndexCache(cache: CacheFolder, fingerprint: string): IndexParts | undefined {
  const packed = readSealed(indexFile(cache, fingerprint), cache.key);
  try {
    return packed && unpackIndex(packed);
  } catch {
    return undefined;
  }
}

export function writeKnowledgeCache(cache: CacheFolder, knowledge: KnowledgeBase, dir: string, cwd: string): void {
  storeSealed(cache, knowledgeFile(cache, knowledge.fingerprint, dir, cwd), () => packKnowledge(knowledge));
}

export function writeIndexCache(cache: CacheFolder, fingerprint: string, parts: IndexParts): void {
  storeSealed(cache, indexFile(cache, fingerprint), () => packIndex(parts));
}

export function readVectorsCache(cache: CacheFolder, fingerprint: string, embedder: string): FactVectors | undefined {
  const packed = readSealed(vectorsFile(cache, fingerprint, embedder), cache.key);
  try {
    const vectors = packed && unpackVectors(packed);
    return vectors?.embedder === embedder ? vectors : undefined;
  } catch {
    return undefined;
  }
}

export function writeVectorsCache(cache: CacheFolder, fingerprint: string, vectors: FactVectors): void {
  storeSealed(cache, vectorsFile(cache, fingerprint, vectors.embedder), () => packVectors(vectors));
}

/** Best effort: a full or read-only disk only means no cache. Older files of the same kind beyond KEEP are removed. */
export function storeSealed(cache: CacheFolder, file: string, pack: () => Packed): void {
  try {
    writeSealed(file, cache.key, pack());
    const kind = path.basename(file).split('-')[0]!;
    const older = readdirSync(cache.dir)
      .filter((name) => name.startsWith(`${kind}-`) && name.endsWith('.bin'))
      .map((name) => ({ name, mtime: statSync(path.join(cache.dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(KEEP);
    for (const { name } of older) unlinkSync(path.join(cache.dir, name));
  } catch {
    // no cache this time
  }
}
