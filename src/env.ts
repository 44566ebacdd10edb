import { existsSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

/** The environment with `.env` (if present) filled in underneath: real environment variables win. */
export function environmentWithDotEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): NodeJS.ProcessEnv {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return env;
  const fromFile: NodeJS.ProcessEnv = {};
  dotenv.config({ path: file, processEnv: fromFile as Record<string, string>, quiet: true });
  return { ...fromFile, ...env };
}
