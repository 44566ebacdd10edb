import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers/paths';

/** Markdown files a reader follows links between. */
const PAGES = ['README.md', 'CHANGELOG.md', 'knowledge/README.md', ...readdirSync(path.join(REPO, 'docs')).map((f) => `docs/${f}`)];

/** Relative links of `page` whose file does not exist, as `page: target`. */
function brokenLinks(page: string, text = readFileSync(path.join(REPO, page), 'utf8')): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, target]) => target!.split('#')[0]!)
    .filter((target) => target && !/^[a-z]+:/.test(target))
    .filter((target) => !existsSync(path.resolve(REPO, path.dirname(page), target)))
    .map((target) => `${page}: ${target}`);
}

describe('links between the documentation pages', () => {
  it('point to files that exist', () => {
    expect(PAGES.flatMap((page) => brokenLinks(page))).toEqual([]);
  });

  it('are read relative to their page; web links and anchors are not files', () => {
    const text = '[a](gone.md) [b](design.md) [c](../README.md#quality) [d](https://api.slack.com/apps) [e](#goals) [f](../docs/gone.md#x)';
    expect(brokenLinks('docs/page.md', text)).toEqual(['docs/page.md: gone.md', 'docs/page.md: ../docs/gone.md']);
  });
});
