/**
 * V8's compiled code for one large CommonJS module, kept in the cache folder. `brief ask` loads
 * TensorFlow.js (a 1.7 MB bundle) every time the sentence model decides; compiling it, and the functions
 * the model's first run calls, took ~30 ms of ~340 (docs/performance-log.md). Compiled code is code, so it
 * is trusted only as the folder's other files are: sealed with the folder's private key (sealed-file.ts),
 * in a folder only this user can write. V8 itself refuses data made for other source text, another V8 or
 * other flags; the module is then compiled as usual and the data made again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import type { CacheFolder } from './cache-folder';
import { headerOf } from './packed';
import { readSealed } from './sealed-file';
import { storeSealed } from './store';

const FORMAT = 'code-1';

export interface CompiledModule {
  exports: unknown;
  /**
   * Keeps V8's data for the module's code compiled so far, when the cache had none it could use (once). Called
   * after the module's main work has run once, the data holds the functions that work compiled, not only the
   * module's top level: ~30 ms saved against ~20. Not at exit: V8 drops the compiled code of functions idle
   * through a few garbage collections, and a long first run (fact vectors computed) left data half as large.
   */
  keep(): void;
}

/** Requires `id` (resolved from this file) through V8's code cache in `cache`. */
export function requireCompiled(id: string, cache: CacheFolder): CompiledModule {
  const filename = require.resolve(id);
  const cached = require.cache[filename];
  if (cached) return { exports: cached.exports, keep: () => undefined };
  // Inside a vm context (a test runner's sandbox), code run here would run in the main context instead: a
  // second copy of the module, in another realm, on every test file. There it is required as usual.
  if (new Script('globalThis').runInThisContext() !== globalThis) return { exports: createRequire(__filename)(filename), keep: () => undefined };
  const source = readFileSync(filename, 'utf8');
  const version = createHash('sha256').update(source).update(process.version).digest('hex').slice(0, 24);
  const file = path.join(cache.dir, `code-${version}.bin`);
  const data = readCode(file, cache.key, version);
  const script = new Script(Module.wrap(source), { filename, ...(data && { cachedData: data }) });
  const module = new Module(filename, undefined);
  module.filename = filename;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  // Registered before it runs, as require does, so that a later require of `id` gets this same instance.
  require.cache[filename] = module;
  try {
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(filename), module, filename, path.dirname(filename));
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  module.loaded = true;
  let wanted = !data || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    keep: () => {
      if (!wanted) return;
      wanted = false;
      storeSealed(cache, file, () => ({ header: { format: FORMAT, version }, sections: { code: new Uint8Array(script.createCachedData()) } }));
    },
  };
}

function readCode(file: string, key: Buffer, version: string): Buffer | undefined {
  const packed = readSealed(file, key);
  try {
    if (packed) headerOf(packed, { format: FORMAT, version }, 'code cache');
  } catch {
    return undefined;
  }
  const code = packed?.sections.code;
  return code ? Buffer.from(code.buffer, code.byteOffset, code.byteLength) : undefined;
}
