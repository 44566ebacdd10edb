import path from 'node:path';
import { loadBooks } from '../cache/load-books';
import type { CacheFolder } from '../cache/cache-folder';
import { formatProblem } from '../knowledge/problems';
import { bookMessages as msg } from '../messages';
import type { CliIO } from './io';

/** `brief books`: each book with its size and the channels that search it; the default book first. */
export function runBooks(dir: string, cache: CacheFolder | undefined, io: CliIO): number {
  const result = loadBooks(dir, io.cwd, cache);
  if (!result.ok) {
    for (const problem of result.problems) io.err(formatProblem(problem));
    return 1;
  }
  const { books } = result;
  const shown = path.relative(io.cwd, dir) || '.';
  io.out(msg.booksHeading(shown.startsWith('..') ? dir : shown));
  const names = [books.default.name, ...books.names.filter((n) => n !== books.default.name)];
  for (const name of names) {
    const { engine } = books.named(name)!;
    io.out(msg.bookLine(name, name === books.default.name, engine.facts.length, engine.knowledge.sources.length, books.channelsOf(name)));
  }
  return 0;
}
