import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseYaml } from '../knowledge/parse-file';
import { formatProblem } from '../knowledge/problems';
import { sourceSchema } from '../knowledge/schema';
import { ingestMessages as msg } from '../messages';
import { IngestError } from './errors';

/**
 * The curator's override of the title-line heuristic, `<file>.sections.yml` next to the document:
 * a list of the lines where a section starts, each with its title (and, if the document gives them
 * elsewhere, publisher, date and url). Listed lines are added to, or renamed among, the sections
 * the heuristic finds.
 */
const entrySchema = sourceSchema.pick({ title: true, publisher: true, date: true, url: true }).extend({ line: z.number().int().min(1) });
const overrideSchema = z.array(entrySchema).min(1);
export type SectionOverride = z.infer<typeof entrySchema>;

const allowed = () => ['line', 'title', 'publisher', 'date', 'url'];

export const overrideFileFor = (document: string): string => `${document}.sections.yml`;

export function readOverrides(document: string, shown: string, lineCount: number): SectionOverride[] {
  const file = overrideFileFor(document);
  if (!existsSync(file)) return [];
  const shownFile = overrideFileFor(shown);
  const parsed = parseYaml(shownFile, readFileSync(file, 'utf8'), overrideSchema, allowed);
  if (!parsed.ok) throw new IngestError(parsed.problems.map(formatProblem));
  parsed.value.forEach((entry, i) => {
    if (entry.line > lineCount) throw new IngestError([formatProblem({ file: shownFile, line: parsed.lineAt([i, 'line']), message: msg.overrideLinePastEnd(entry.line, lineCount) })]);
  });
  return [...parsed.value].sort((a, b) => a.line - b.line);
}
