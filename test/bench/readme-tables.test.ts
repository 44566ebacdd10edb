import { readFileSync } from 'node:fs';
import { BEGIN, END, README, RESULTS, renderTables, withTables } from '../../bench/readme-tables';
import type { Report } from '../../bench/run';

const committed = (): Report => JSON.parse(readFileSync(RESULTS, 'utf8')) as Report;

describe("the README's benchmark tables", () => {
  it('are the figures of the committed full run (bench/results/latest.json)', () => {
    const r = committed();
    expect(r.quick).toBe(false);
    const readme = readFileSync(README, 'utf8');
    const block = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END));
    expect(block).toBe(`\n${renderTables(r)}\n`);
  });

  it("show a run's targets, missed ones marked, and the baselines' speed against ours", () => {
    const r = committed();
    const p99 = { ...r.targets[0]!, name: 'query p99 at 10k facts', value: '0.900 ms', met: true };
    const tables = renderTables({ ...r, targets: [p99, { name: 'cold start', value: '400 ms', target: '≤ 300 ms', met: false }] });
    expect(tables).toContain('| query p99 at 10k facts | 0.900 ms | ≤ 1 ms | met |');
    expect(tables).toContain('| cold start | 400 ms | ≤ 300 ms | **missed** |');
    const ours = r.speed.find((s) => s.system === 'briefing-bot' && s.size === 10000 && s.v8PoolSize === 1)!;
    const fuse = r.speed.find((s) => s.system === 'fuse' && s.size === 10000)!;
    expect(tables).toContain(`| ${(fuse.p50Ms! / ours.p50Ms!).toFixed(0)}× |`);
  });

  it('replace only what lies between the markers', () => {
    const r = committed();
    const readme = `# Title\n\nbefore\n${BEGIN}\nold figures\n${END}\n\nafter\n`;
    const updated = withTables(readme, r);
    expect(updated).toBe(`# Title\n\nbefore\n${BEGIN}\n${renderTables(r)}\n${END}\n\nafter\n`);
    expect(withTables(updated, r)).toBe(updated);
  });

  it('say where the markers go when the README has none', () => {
    expect(() => withTables('# Title\n', committed())).toThrow(`README.md has no benchmark block: put the two lines\n${BEGIN}\n${END}\nwhere the tables go`);
  });
});
