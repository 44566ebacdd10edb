import path from 'node:path';

/** The knowledge shipped with the package (`knowledge/` at the package root). */
export const BUNDLED_KNOWLEDGE = path.resolve(__dirname, '..', '..', 'knowledge');

/** --knowledge, else KNOWLEDGE_DIR, else the bundled knowledge. */
export function resolveKnowledgeDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const chosen = option ?? env.KNOWLEDGE_DIR;
  return chosen ? path.resolve(cwd, chosen) : BUNDLED_KNOWLEDGE;
}
