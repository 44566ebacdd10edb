import path from 'node:path';
import { loadKnowledge } from '../knowledge/load';
import { formatProblem } from '../knowledge/problems';
import { cliMessages as msg } from '../messages';
import type { CliIO } from './io';

export function runCheck(dir: string, io: CliIO): number {
  const result = loadKnowledge(dir, io.cwd);
  const shown = path.relative(io.cwd, dir) || '.';
  if (result.ok) {
    const { sources, facts, aliases } = result.knowledge;
    io.out(msg.checkOk(shown.startsWith('..') ? dir : shown, sources.length, facts.length, aliases.length));
    return 0;
  }
  for (const problem of result.problems) io.err(formatProblem(problem));
  io.err(msg.checkFailed(result.problems.length, new Set(result.problems.map((p) => p.file)).size));
  return 1;
}
