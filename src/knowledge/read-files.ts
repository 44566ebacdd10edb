import { knowledgeMessages as msg } from '../messages';
import { listedTwice } from './listed-twice';
import { parseYaml, type FactId } from './parse-file';
import type { Problem } from './problems';
import { aliasesFileSchema, knowledgeFileSchema, type Fact, type KnowledgeBase } from './schema';

/** A knowledge file as loadKnowledge read it: its name in messages, and its bytes unless it could not be read. */
export interface FileBytes {
  shown: string;
  bytes: Buffer | undefined;
}

/**
 * Parses and validates the files of a knowledge folder, adding every problem in every file to `problems`.
 * Only a cache miss comes here (load.ts): a warm start takes validated knowledge from the cache.
 */
export function readKnowledgeFiles(
  files: readonly FileBytes[],
  aliasesFile: { shown: string; bytes: Buffer } | undefined,
  problems: Problem[],
): Omit<KnowledgeBase, 'fingerprint'> {
  const facts: Fact[] = [];
  const drafts: Fact[] = [];
  const sources: KnowledgeBase['sources'] = [];
  const firstSeen = new Map<string, string>();
  for (const { shown, bytes } of files) {
    if (bytes === undefined) continue;
    const parsed = parseYaml(shown, bytes.toString('utf8'), knowledgeFileSchema);
    const ids: FactId[] = parsed.ok
      ? parsed.value.facts.map((entry, index) => ({ id: entry.id, index, line: parsed.lineAt(['facts', index, 'id']) }))
      : parsed.readableIds;
    const fileProblems: Required<Problem>[] = parsed.ok ? [] : [...parsed.problems];
    for (const { id, index, line } of ids) {
      const previous = firstSeen.get(id);
      if (previous) fileProblems.push({ file: shown, line, message: msg.duplicateId(`facts[${index}].id`, id, previous) });
      else firstSeen.set(id, `${shown}:${line}`);
    }
    if (parsed.ok) fileProblems.push(...listedTwice(shown, parsed.value, parsed.lineAt));
    problems.push(...fileProblems.sort((a, b) => a.line - b.line));
    if (!parsed.ok) continue;
    const { source, facts: entries } = parsed.value;
    // A file of drafts only is not yet a source the bot can cite.
    if (entries.some((entry) => entry.status !== 'draft')) sources.push({ ...source, file: shown });
    entries.forEach((entry, i) => {
      // Not `{ ...entry, source, … }`: V8 (Node 20) gives every object spread and then extended a hidden class
      // of its own, 2 per fact (25 MB at 100k facts), and makes each read of a fact's field megamorphic.
      const fact = Object.assign({}, entry, { source, file: shown, line: parsed.lineAt(['facts', i]) });
      (entry.status === 'draft' ? drafts : facts).push(fact);
    });
  }
  const aliases = aliasesFile ? parseAliases(aliasesFile.shown, aliasesFile.bytes.toString('utf8'), problems) : [];
  return { facts, drafts, sources, aliases };
}

function parseAliases(shown: string, text: string, problems: Problem[]): string[][] {
  const parsed = parseYaml(shown, text, aliasesFileSchema, undefined, { emptyFile: msg.aliasesEmpty, notAMapping: msg.aliasesNotAList });
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return [];
  }
  return parsed.value;
}
