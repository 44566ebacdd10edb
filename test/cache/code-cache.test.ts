import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCacheFolder, type CacheFolder } from '../../src/cache/cache-folder';
import { requireCompiled } from '../../src/cache/code-cache';
import { writeSealed } from '../../src/cache/sealed-file';

const MODULE = path.resolve('test/fixtures/code-cache/module.js');

/**
 * Runs a real process that requires the fixture through the cache folder, uses it, keeps its compiled code and
 * exits, as `brief ask` does with TensorFlow.js (the compiled build).
 */
function runOnce(dir: string): { sum: number; file: string; folder: string; oneInstance: boolean } {
  const script = `
    const { openCacheFolder } = require(${JSON.stringify(path.resolve('dist/cache/cache-folder.js'))});
    const { requireCompiled } = require(${JSON.stringify(path.resolve('dist/cache/code-cache.js'))});
    const compiled = requireCompiled(${JSON.stringify(MODULE)}, openCacheFolder(${JSON.stringify(dir)}, (w) => { throw new Error(w); }));
    const m = compiled.exports;
    m.sum(1, 1);
    compiled.keep();
    compiled.keep();
    console.log(JSON.stringify({ sum: m.sum(2, 3), file: m.file, folder: m.folder, oneInstance: require(${JSON.stringify(MODULE)}) === m }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as ReturnType<typeof runOnce>;
}

const codeFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('code-'));

describe('V8 code cache for a large module (code-cache.ts)', () => {
  let dir: string;
  let cache: CacheFolder;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'brief-code-cache-'));
    cache = openCacheFolder(dir, (warning) => {
      throw new Error(warning);
    })!;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // oneInstance: a later plain require of the module gets the instance loaded here, not a second one.
  const expected = { sum: 5, file: 'module.js', folder: 'code-cache', oneInstance: true };

  it('runs the module as require would, and keeps its compiled code, sealed', () => {
    expect(runOnce(dir)).toEqual(expected);
    const [file] = codeFiles(dir);
    expect(file).toMatch(/^code-[0-9a-f]{24}\.bin$/);
    expect(statSync(path.join(dir, file!)).mode & 0o077).toBe(0);
  });

  it('uses the compiled code it kept: the next process runs the module and writes nothing', () => {
    runOnce(dir);
    const file = path.join(dir, codeFiles(dir)[0]!);
    const written = readFileSync(file);
    const before = statSync(file).mtimeMs;
    expect(runOnce(dir)).toEqual(expected);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readFileSync(file)).toEqual(written);
  });

  it('ignores a file another hand changed (its seal fails) and writes it again', () => {
    runOnce(dir);
    const file = path.join(dir, codeFiles(dir)[0]!);
    const good = readFileSync(file);
    const tampered = Buffer.from(good);
    tampered[tampered.length - 1]! ^= 0xff;
    writeFileSync(file, tampered);
    expect(runOnce(dir)).toEqual(expected);
    expect(readFileSync(file)).not.toEqual(tampered);
  });

  it('runs the module when V8 refuses the sealed data (another V8, other flags), and writes good data', () => {
    runOnce(dir);
    const name = codeFiles(dir)[0]!;
    const file = path.join(dir, name);
    const version = name.slice('code-'.length, -'.bin'.length);
    writeSealed(file, cache.key, { header: { format: 'code-1', version }, sections: { code: new Uint8Array(4096).fill(7) } });
    const garbage = readFileSync(file);
    expect(runOnce(dir)).toEqual(expected);
    expect(readFileSync(file)).not.toEqual(garbage);
    expect(runOnce(dir)).toEqual(expected);
  });

  it('inside a vm sandbox (as under jest), requires the module as usual and keeps nothing', () => {
    // Run in the main context, the module would be a second copy in another realm, loaded again by every test file.
    const compiled = requireCompiled(MODULE, cache);
    expect((compiled.exports as { sum(a: number, b: number): number }).sum(2, 3)).toBe(5);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(compiled.exports).toBe(require(MODULE));
    compiled.keep();
    expect(codeFiles(dir)).toEqual([]);
  });
});
