import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers/paths';

const bin = path.join(REPO, 'bin', 'brief.js');

describe('the brief executable (compiled, as npx runs it)', () => {
  it('is built by npm install (prepare)', () => {
    expect(existsSync(path.join(REPO, 'dist', 'cli', 'main.js'))).toBe(true);
  });

  it('is rebuilt from the current sources (npm test builds first, via pretest)', () => {
    const sources = readdirSync(path.join(REPO, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    const stale = sources.filter((file) => {
      const compiled = path.join(REPO, 'dist', file.replace(/\.ts$/, '.js'));
      return !existsSync(compiled) || statSync(compiled).mtimeMs < statSync(path.join(REPO, 'src', file)).mtimeMs;
    });
    expect(stale).toEqual([]);
  });

  it('answers from the bundled knowledge and exits 0', () => {
    const result = spawnSync(process.execPath, [bin, 'ask', "What are the NRF's stated goals?"], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('democratic, decentralized Afghanistan');
    expect(result.stdout).toContain('Source: Copenhagen Democracy Summit - #CDS2023');
    expect(result.status).toBe(0);
  });

  it('reads questions from a pipe', () => {
    const result = spawnSync(process.execPath, [bin, 'ask', '--json'], { cwd: REPO, input: 'NRF goals\nhello\n', encoding: 'utf8' });
    expect(result.stdout.trim().split('\n').map((l) => JSON.parse(l).answered)).toEqual([true, false]);
  });

  it('exits 2 with usage on wrong usage', () => {
    const result = spawnSync(process.execPath, [bin, 'nonsense'], { cwd: REPO, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: brief <command> [options]');
  });
});
