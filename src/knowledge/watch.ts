import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge, type LoadOptions } from './load';
import type { Problem } from './problems';
import type { KnowledgeBase } from './schema';

/** Names, sizes and modification times of the YAML files: cheap to read, changes with any edit. */
export function folderSignature(dir: string): string {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort()
      .map((name) => {
        const s = statSync(path.join(dir, name));
        return `${name}:${s.size}:${s.mtimeMs}`;
      })
      .join('|');
  } catch {
    return 'unreadable';
  }
}

export interface WatchHandlers {
  onReload(knowledge: KnowledgeBase): void;
  /** A change that does not validate: the last good knowledge stays in service. */
  onInvalid(problems: Problem[]): void;
}

/**
 * Polls `dir` every `intervalMs` and reloads when any knowledge file is edited, added or removed.
 * Polling (not fs.watch) because editors save by rename and network folders miss events; a stat of a
 * few files every couple of seconds costs nothing.
 */
export function watchKnowledge(dir: string, intervalMs: number, handlers: WatchHandlers, cwd = process.cwd(), options: LoadOptions = {}): () => void {
  let last = folderSignature(dir);
  const timer = setInterval(() => {
    const now = folderSignature(dir);
    if (now === last) return;
    last = now;
    const result = loadKnowledge(dir, cwd, options);
    if (result.ok) handlers.onReload(result.knowledge);
    else handlers.onInvalid(result.problems);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
