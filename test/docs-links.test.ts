import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers/paths';

/** Markdown files a reader follows links between. */
const PAGES = ['README.md', 'CHANGELOG.md', 'knowledge/README.md', ...readdirSync(path.join(REPO, 'docs')).map((f) => `docs/${f}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

/** The anchors of a markdown page's headings. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => anchor(heading!)));
}

/** Relative links of `page` whose file, or whose heading in a markdown file, does not exist, as `page: target`. */
function brokenLinks(page: string, text = readFileSync(path.join(REPO, page), 'utf8')): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, target]) => target!)
    .filter((target) => !/^[a-z]+:/.test(target))
    .filter((target) => {
      const [file, hash] = target.split('#');
      const resolved = file ? path.resolve(REPO, path.dirname(page), file) : path.join(REPO, page);
      if (!existsSync(resolved)) return true;
      return hash !== undefined && resolved.endsWith('.md') && !anchorsOf(resolved).has(hash);
    })
    .map((target) => `${page}: ${target}`);
}

describe('links between the documentation pages', () => {
  it('point to files that exist', () => {
    expect(PAGES.flatMap((page) => brokenLinks(page))).toEqual([]);
  });

  it('are read relative to their page, headings included; web links are not checked', () => {
    const text = '[a](gone.md) [b](design.md) [c](../README.md#quality) [d](https://api.slack.com/apps) [f](../docs/gone.md#x) [g](../README.md#no-such-part) [h](../README.md#the-brief-command)';
    expect(brokenLinks('docs/page.md', text)).toEqual(['docs/page.md: gone.md', 'docs/page.md: ../docs/gone.md#x', 'docs/page.md: ../README.md#no-such-part']);
    expect(brokenLinks('docs/design.md', '[goals](#goals) [gone](#no-goals-here)')).toEqual(['docs/design.md: #no-goals-here']);
  });
});
