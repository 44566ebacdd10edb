import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { cliMessages as msg } from '../messages';
import type { EvalCase } from './judge';

const caseSchema = z.object({
  q: z.string().trim().min(1),
  expect: z.array(z.string().trim().min(1)).min(1).nullable(),
});

const kinds: Record<string, string> = { q: 'text', expect: 'a list of phrases or null' };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/** What is wrong with one parsed line, in the file's own terms ("q", "expect"[0]). */
function lineProblems(parsed: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [msg.evalNotAnObject(describe(parsed))];
  const record = parsed as Record<string, unknown>;
  return issues.map((issue) => {
    const [field, index] = issue.path;
    const name = `"${String(field)}"${index === undefined ? '' : `[${String(index)}]`}`;
    const value = index === undefined ? record[String(field)] : (record[String(field)] as unknown[])[Number(index)];
    if (value === undefined) return msg.evalFieldMissing(name);
    if (issue.code === 'too_small') return msg.evalFieldEmpty(name);
    return msg.evalFieldWrongType(name, index === undefined ? (kinds[String(field)] ?? 'valid') : 'text', describe(value));
  });
}

/** Reads a JSON Lines question set; every bad line is reported, not only the first. */
export function readCases(file: string, shown = file): { cases: EvalCase[]; problems: string[] } {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        problems.push(msg.evalLineInvalid(shown, i + 1, msg.evalNotJson((error as Error).message)));
        return;
      }
      const result = caseSchema.safeParse(parsed);
      if (result.success) cases.push(result.data);
      else problems.push(msg.evalLineInvalid(shown, i + 1, lineProblems(parsed, result.error.issues).join(', ')));
    });
  return { cases, problems };
}
