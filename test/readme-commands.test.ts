import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers/paths';

/**
 * Outside the clone, `npx brief …` downloads and runs an unrelated public npm package named `brief`.
 * A command a reader may type anywhere must fail safely instead: `npx --no-install` or `npm exec --no`.
 */
const COMMAND = /\b(?:npx|npm exec)((?: --?[a-z-]+)*) brief (?:ask|check|eval|gaps)\b/g;

function unsafeCommands(file: string, ranFromClone: (heading: string) => boolean): string[] {
  let heading = '';
  return readFileSync(path.join(REPO, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (/^#{1,6} /.test(line)) heading = line;
      if (ranFromClone(heading)) return [];
      return [...line.matchAll(COMMAND)]
        .filter(([, flags]) => !/ --no-install\b| --no\b/.test(flags ?? ''))
        .map(([command]) => `${file}:${i + 1}: ${command}`);
    });
}

describe('commands that run brief through npm', () => {
  it('use the no-install form everywhere but the quick start, which runs in the clone (docs/ included)', () => {
    expect(unsafeCommands('README.md', (heading) => heading === '## Quick start')).toEqual([]);
    expect(unsafeCommands('knowledge/README.md', () => false)).toEqual([]);
    expect(unsafeCommands('src/messages.ts', () => false)).toEqual([]);
    for (const log of readdirSync(path.join(REPO, 'docs'))) expect(unsafeCommands(path.join('docs', log), () => false)).toEqual([]);
  });

  it('would catch a plain npx brief command', () => {
    expect('run npx brief check knowledge/ first'.match(COMMAND)).toEqual(['npx brief check']);
  });
});
