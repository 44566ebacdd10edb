import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { REPO } from './paths';

/** Runs `brief` in-process and captures what it prints. */
export async function brief(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    stdinLines: async function* () {
      for (const line of (options.stdin ?? '').split('\n')) yield line;
    },
    // `brief` caches under $XDG_CACHE_HOME: a fresh folder per run keeps tests out of the real home folder.
    env: { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'brief-xdg-')), ...options.env },
    cwd: options.cwd ?? REPO,
  };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
