import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheMessages as msg } from '../messages';

/** An opened cache folder: only this user can write into it, and `key` seals what is stored there. */
export interface CacheFolder {
  dir: string;
  key: Buffer;
}

const KEY_FILE = 'key';

/** The default cache folder: $XDG_CACHE_HOME/briefing-bot, else ~/.cache/briefing-bot; per user, never a shared temp folder. */
export function cacheDirFrom(env: NodeJS.ProcessEnv, home = os.homedir()): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'briefing-bot');
}

/** Why a folder or file is unsafe to trust, if it is: `openBits` are the mode bits other users must not have. */
function unsafe(stats: Stats, isRightKind: boolean, openBits: number, open: string): string | undefined {
  if (!isRightKind) return 'it is not a plain file or folder';
  if (process.getuid && stats.uid !== process.getuid()) return 'it belongs to another user';
  return stats.mode & openBits ? open : undefined;
}

/** The folder's private key, created once (0600) with a link so that two processes starting together agree on one. */
function readOrCreateKey(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, randomBytes(32), { mode: 0o600, flag: 'wx' });
    try {
      linkSync(temporary, file);
    } finally {
      unlinkSync(temporary);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stats = lstatSync(file);
  // Readable by others would let them forge sealed files too.
  const problem = unsafe(stats, stats.isFile(), 0o077, 'other users can read it');
  if (problem) throw new Error(msg.keyRefused(file, problem));
  const key = readFileSync(file);
  if (key.length < 32) throw new Error(msg.keyRefused(file, 'it is too short'));
  return key;
}

/**
 * Creates (0700) and checks the cache folder; on any problem warns once through `warn` and returns
 * undefined, and the caller simply works without a cache.
 */
export function openCacheFolder(dir: string, warn: (message: string) => void): CacheFolder | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = statSync(dir);
    // A cache other users can write to could feed the bot facts.
    const problem = unsafe(stats, stats.isDirectory(), 0o022, 'other users can write to it');
    if (problem) {
      warn(msg.folderRefused(dir, problem));
      return undefined;
    }
    return { dir, key: readOrCreateKey(dir) };
  } catch (error) {
    warn(msg.unusable(dir, (error as Error).message));
    return undefined;
  }
}
