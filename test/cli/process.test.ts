import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureKnowledge, REPO } from '../helpers/paths';

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

  it('answers a warm `brief ask` without loading zod or yaml (validation and parsing are for files the cache cannot vouch for)', () => {
    const env = { ...process.env, KNOWLEDGE_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'brief-warm-')) };
    // Prints how many modules of the two packages the process loaded (`brief` stands in for argv[1]); the first run fills the cache.
    const loaded = ['-e', `require(${JSON.stringify(bin)}); process.on('exit', () => console.error(Object.keys(require.cache).filter((m) => /node_modules[\\/](zod|yaml)[\\/]/.test(m)).length))`];
    const argv = [...loaded, '--', 'brief', 'ask', '--lexical', "What are the NRF's stated goals?"];
    const [cold, warm] = [0, 1].map(() => spawnSync(process.execPath, argv, { cwd: REPO, env, encoding: 'utf8' }));
    expect(cold!.stdout).toContain('democratic, decentralized Afghanistan');
    expect(Number(cold!.stderr.trim())).toBeGreaterThan(0);
    expect(warm!.stdout).toBe(cold!.stdout);
    expect(warm!.stderr.trim()).toBe('0');
  });

  it('reads the semantic decision model only when the model decides (not when word matching is sure, nor with --lexical)', () => {
    const env = { ...process.env, KNOWLEDGE_CACHE_DIR: mkdtempSync(path.join(tmpdir(), 'brief-model-')) };
    // Prints on exit whether the process required semantic-model.json.
    const probe = ['-e', `require(${JSON.stringify(bin)}); process.on('exit', () => console.error(Object.keys(require.cache).some((m) => m.endsWith('semantic-model.json'))))`];
    const ask = (...args: string[]) => spawnSync(process.execPath, [...probe, '--', 'brief', 'ask', '--json', ...args], { cwd: REPO, env, encoding: 'utf8' });
    const decided = ask('What does the NRF want?');
    expect(JSON.parse(decided.stdout).answers[0].id).toBe('nrf-stated-goals');
    expect(decided.stderr.trim()).toBe('true');
    const sure = ask("What are the NRF's stated goals?");
    expect(JSON.parse(sure.stdout).answers[0].id).toBe('nrf-stated-goals');
    expect(sure.stderr.trim()).toBe('false');
    expect(ask('--lexical', "What are the NRF's stated goals?").stderr.trim()).toBe('false');
  }, 60_000);

  it('reads questions from a pipe', () => {
    const result = spawnSync(process.execPath, [bin, 'ask', '--json'], { cwd: REPO, input: 'NRF goals\nhello\n', encoding: 'utf8' });
    expect(result.stdout.trim().split('\n').map((l) => JSON.parse(l).answered)).toEqual([true, false]);
  });

  it('stops quietly, as SIGPIPE would, when its reader closes the pipe (`brief … | head`)', async () => {
    const child = spawn(process.execPath, [bin, 'ask', '--lexical', '--json'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end('NRF goals\n'.repeat(50));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });

  it('exits 2 with usage on wrong usage', () => {
    const result = spawnSync(process.execPath, [bin, 'nonsense'], { cwd: REPO, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: brief <command> [options]');
  });

  it('loads no YAML parser on a warm start, answers as the cold start did, and still reports a file broken since with its line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-warm-'));
    const knowledge = path.join(dir, 'knowledge');
    cpSync(fixtureKnowledge('basic'), knowledge, { recursive: true });
    // Preloaded: says on exit whether the `yaml` package was ever required in the process.
    const probe = path.join(dir, 'probe.js');
    writeFileSync(probe, `process.on('exit', () => process.stderr.write('yaml loaded: ' + Object.keys(require.cache).some((f) => f.includes(${JSON.stringify(`${path.sep}node_modules${path.sep}yaml${path.sep}`)})) + '\\n'));`);
    const ask = () =>
      spawnSync(process.execPath, ['--require', probe, bin, 'ask', '--lexical', '--knowledge', knowledge, 'Where is the programme based?'], {
        cwd: dir,
        env: { ...process.env, KNOWLEDGE_CACHE_DIR: path.join(dir, 'cache') },
        encoding: 'utf8',
      });
    const cold = ask();
    expect([cold.status, cold.stderr]).toEqual([0, 'yaml loaded: true\n']);
    const warm = ask();
    expect([warm.status, warm.stderr]).toEqual([0, 'yaml loaded: false\n']);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stdout).toContain('The programme is based in Lyon');
    cpSync(path.join(fixtureKnowledge('yaml-missing-colon'), 'no-colon.yml'), path.join(knowledge, 'programme.yml'));
    const broken = ask();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`knowledge${path.sep}programme.yml:2: YAML syntax error: a colon is missing after "title": write each field as name: value`);
  });
});
