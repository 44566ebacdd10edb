import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { curationMessages as cur } from '../messages';
import type { Problem } from '../knowledge/problems';
import type { Fact } from '../knowledge/schema';
import { closestPassage, isVerbatim, prepareText, wordDiff, type StoredText } from './verbatim';

/** Where a source's stored text is: `source.text_file`, else `sources/<file name>.txt` when it exists. */
export function storedTextFile(fact: Pick<Fact, 'file' | 'source'>, cwd: string): string | undefined {
  if (fact.source.text_file) return fact.source.text_file;
  const conventional = path.join('sources', `${path.basename(fact.file).replace(/\.ya?ml$/i, '')}.txt`);
  return existsSync(path.resolve(cwd, path.dirname(fact.file), conventional)) ? conventional.split(path.sep).join('/') : undefined;
}

/** Every fact (drafts too) whose source has stored text must occur in it; one problem per fact that does not. */
export function verbatimProblems(facts: readonly Fact[], cwd: string): Problem[] {
  const texts = new Map<string, StoredText | { unreadable: string }>();
  const problems: Problem[] = [];
  const unreadable = new Set<string>();
  for (const fact of facts) {
    const textFile = storedTextFile(fact, cwd);
    if (!textFile) continue;
    const full = path.resolve(cwd, path.dirname(fact.file), textFile);
    if (!texts.has(full)) texts.set(full, readStored(full));
    const text = texts.get(full)!;
    if ('unreadable' in text) {
      if (!unreadable.has(`${fact.file}\0${full}`)) problems.push({ file: fact.file, message: cur.textFileUnreadable(textFile, text.unreadable) });
      unreadable.add(`${fact.file}\0${full}`);
      continue;
    }
    if (isVerbatim(fact.text, text)) continue;
    const passage = closestPassage(fact.text, text);
    problems.push({ file: fact.file, line: fact.line, message: cur.notVerbatim(fact.id, textFile, passage, wordDiff(fact.text, passage)) });
  }
  return problems;
}

// Not `instanceof Error`: errors from node:fs may come from another realm (as under jest).
function readStored(file: string): StoredText | { unreadable: string } {
  try {
    return prepareText(readFileSync(file, 'utf8'));
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
}
