import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { knowledgeMessages as msg } from '../messages';
import { parseYaml } from './parse-file';
import { formatProblem, type Problem } from './problems';
import { aliasesFileSchema, knowledgeFileSchema, type Fact, type KnowledgeBase } from './schema';

export const ALIASES_FILE = 'aliases.yml';

export type LoadResult = { ok: true; knowledge: KnowledgeBase } | { ok: false; problems: Problem[] };

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'KnowledgeError';
  }
}

/** Paths in messages are relative to the working directory when inside it, so they are clickable and short. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function knowledgeFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name) && name !== ALIASES_FILE)
    .sort()
    .map((name) => path.join(dir, name));
}

/** Reads and validates every knowledge file in `dir`; reports all problems in all files at once. */
export function loadKnowledge(dir: string, cwd = process.cwd()): LoadResult {
  const shownDir = displayPath(path.resolve(cwd, dir), cwd);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, problems: [{ file: shownDir, line: 1, message: msg.dirMissing(shownDir) }] };
  }
  const files = knowledgeFiles(dir);
  if (files.length === 0) return { ok: false, problems: [{ file: shownDir, line: 1, message: msg.noFiles(shownDir) }] };

  const problems: Problem[] = [];
  const facts: Fact[] = [];
  const sources: KnowledgeBase['sources'] = [];
  const firstSeen = new Map<string, string>();
  const hash = createHash('sha256');

  for (const file of files) {
    const shown = displayPath(path.resolve(cwd, file), cwd);
    const text = readText(file, shown, problems);
    if (text === undefined) continue;
    hash.update(`${path.basename(file)}\0${text}\0`);
    const parsed = parseYaml(shown, text, knowledgeFileSchema);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const { source, facts: entries } = parsed.value;
    sources.push({ ...source, file: shown });
    entries.forEach((entry, i) => {
      const line = parsed.lineAt(['facts', i]);
      const idLine = parsed.lineAt(['facts', i, 'id']);
      const previous = firstSeen.get(entry.id);
      if (previous) {
        problems.push({ file: shown, line: idLine, message: msg.duplicateId(`facts[${i}].id`, entry.id, previous) });
        return;
      }
      firstSeen.set(entry.id, `${shown}:${idLine}`);
      facts.push({ ...entry, source, file: shown, line });
    });
  }

  const aliases = loadAliases(dir, cwd, problems, hash);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, knowledge: { facts, sources, aliases, fingerprint: hash.digest('hex').slice(0, 16) } };
}

/** Like loadKnowledge, but throws a KnowledgeError listing every problem; for start-up paths. */
export function loadKnowledgeOrThrow(dir: string, cwd = process.cwd()): KnowledgeBase {
  const result = loadKnowledge(dir, cwd);
  if (!result.ok) throw new KnowledgeError(result.problems);
  return result.knowledge;
}

function loadAliases(dir: string, cwd: string, problems: Problem[], hash: ReturnType<typeof createHash>): string[][] {
  const file = path.join(dir, ALIASES_FILE);
  if (!existsSync(file)) return [];
  const shown = displayPath(path.resolve(cwd, file), cwd);
  const text = readText(file, shown, problems);
  if (text === undefined) return [];
  hash.update(`${ALIASES_FILE}\0${text}\0`);
  const parsed = parseYaml(shown, text, aliasesFileSchema);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return [];
  }
  return parsed.value;
}

function readText(file: string, shown: string, problems: Problem[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file: shown, line: 1, message: msg.unreadable((error as Error).message) });
    return undefined;
  }
}
