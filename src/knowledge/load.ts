import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { knowledgeMessages as msg } from '../messages';
import { formatProblem, type Problem } from './problems';
import type { CacheFolder } from '../cache/cache-folder';
import { readKnowledgeCache, writeKnowledgeCache } from '../cache/store';
import { fingerprintByStamps, stampFiles, writeStatManifest } from '../cache/stat-manifest';
import type { KnowledgeBase } from './schema';

export const ALIASES_FILE = 'aliases.yml';
/** Maps Slack channels to books (see channels.ts); read once for the whole folder, never as a source. */
export const CHANNELS_FILE = 'channels.yml';

/** `filesRead`: how many YAML files were read; 0 when the cache's stat manifest vouched for all of them. */
export type LoadResult = { ok: true; knowledge: KnowledgeBase; filesRead: number } | { ok: false; problems: Problem[] };

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'KnowledgeError';
  }
}

/** Paths in messages are relative to the working directory when inside it, so they are clickable and short. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function knowledgeFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name) && name !== ALIASES_FILE && name !== CHANNELS_FILE)
    .sort()
    .map((name) => path.join(dir, name));
}

export interface LoadOptions {
  /**
   * Cache of validated knowledge, keyed by a hash of every file's content: a large knowledge base
   * then skips YAML parsing and validation until a file changes; while no file's stamps (size,
   * times, inode) change, it skips reading the files too (stat-manifest.ts).
   */
  cache?: CacheFolder;
}

/** Reads and validates every knowledge file in `dir`; reports all problems in all files at once. */
export function loadKnowledge(dir: string, cwd = process.cwd(), options: LoadOptions = {}): LoadResult {
  const shownDir = displayPath(path.resolve(cwd, dir), cwd);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, problems: [{ file: shownDir, message: msg.dirMissing() }] };
  }
  const files = knowledgeFiles(dir);
  if (files.length === 0) return { ok: false, problems: [{ file: shownDir, message: msg.noFiles() }] };

  const aliasesFile = path.join(dir, ALIASES_FILE);
  const hasAliases = existsSync(aliasesFile);
  const { cache } = options;
  // Unchanged sizes, times and inodes name the content's fingerprint without reading it (stat-manifest.ts).
  const stamps = cache && stampFiles(hasAliases ? [...files, aliasesFile] : files);
  const known = cache && stamps && fingerprintByStamps(cache, dir, cwd, stamps);
  const knownKnowledge = cache && known && readKnowledgeCache(cache, known, dir, cwd);
  if (knownKnowledge) return { ok: true, knowledge: knownKnowledge, filesRead: 0 };

  const problems: Problem[] = [];
  const hash = createHash('sha256');
  // Bytes are hashed as read; they are decoded only when the cache misses (a 100k-fact folder is ~36 MB).
  const addToHash = (name: string, bytes: Buffer) => hash.update(`${name}\0`).update(bytes).update('\0');
  const texts = files.map((file) => {
    const shown = displayPath(path.resolve(cwd, file), cwd);
    const bytes = readBytes(file, shown, problems);
    if (bytes !== undefined) addToHash(path.basename(file), bytes);
    return { file, shown, bytes };
  });
  const aliasesShown = displayPath(path.resolve(cwd, aliasesFile), cwd);
  const aliasesBytes = hasAliases ? readBytes(aliasesFile, aliasesShown, problems) : undefined;
  if (aliasesBytes !== undefined) addToHash(ALIASES_FILE, aliasesBytes);
  const fingerprint = hash.digest('hex').slice(0, 16);
  const filesRead = files.length + (hasAliases ? 1 : 0);
  const remember = () => {
    if (cache && stamps) writeStatManifest(cache, dir, cwd, stamps, fingerprint);
  };

  const cached = problems.length === 0 && cache ? readKnowledgeCache(cache, fingerprint, dir, cwd) : undefined;
  if (cached) {
    remember();
    return { ok: true, knowledge: cached, filesRead };
  }

  // Validation loads zod (~85 ms), so its module is loaded only here, when the cache could not vouch for the files.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on a cache miss only, see above
  const { readKnowledgeFiles } = require('./read-files') as typeof import('./read-files');
  const { facts, drafts, sources, aliases } = readKnowledgeFiles(texts, aliasesBytes && { shown: aliasesShown, bytes: aliasesBytes }, problems);
  if (problems.length > 0) return { ok: false, problems };
  const knowledge = { facts, drafts, sources, aliases, fingerprint };
  if (cache) {
    writeKnowledgeCache(cache, knowledge, dir, cwd);
    remember();
  }
  return { ok: true, knowledge, filesRead };
}

/** Like loadKnowledge, but throws a KnowledgeError listing every problem; for start-up paths. */
export function loadKnowledgeOrThrow(dir: string, cwd = process.cwd(), options: LoadOptions = {}): KnowledgeBase {
  const result = loadKnowledge(dir, cwd, options);
  if (!result.ok) throw new KnowledgeError(result.problems);
  return result.knowledge;
}

function readBytes(file: string, shown: string, problems: Problem[]): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    problems.push({ file: shown, message: msg.unreadable((error as Error).message) });
    return undefined;
  }
}
