import { renameSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';

/** The lists of questions a fact has: those it answers, and those it does not (engine/not-answered.ts). */
export type QuestionList = 'questions' | 'does_not_answer';

/**
 * Adds a question to a fact's `questions` (or `does_not_answer`) in a knowledge file's text by inserting one
 * line (or one flow item), so every other byte, comments and folded excerpts included, stays as the curator
 * wrote it. (Re-serialising the YAML document would re-fold `>-` excerpts and move comments.)
 */
export function withQuestion(text: string, factId: string, question: string, list: QuestionList = 'questions'): string | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const facts = doc.get('facts', true);
  if (!isSeq(facts)) return undefined;
  const fact = facts.items.find((item): item is YAMLMap => isMap(item) && item.get('id') === factId);
  if (!fact) return undefined;
  const quoted = JSON.stringify(question);
  const questions = fact.get(list, true);
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  // Spaces up to `offset`'s column (the first key of a list item sits after "- ").
  const indentOf = (offset: number) => ' '.repeat(offset - lineStart(offset));

  if (isSeq(questions) && questions.flow && questions.range) {
    // Right after the last item, so the list's own spacing ("[ a ]") stays where it was.
    const last = questions.items[questions.items.length - 1];
    const end = isScalar(last) ? last.range?.[1] : undefined;
    if (last !== undefined && end === undefined) return undefined;
    const at = end ?? text.lastIndexOf(']', questions.range[1]);
    return `${text.slice(0, at)}${end === undefined ? '' : ', '}${quoted}${text.slice(at)}`;
  }
  if (isSeq(questions) && questions.items.length > 0) {
    const first = questions.items[0];
    const last = questions.items[questions.items.length - 1];
    if (!isScalar(first) || !isScalar(last) || !first.range || !last.range) return undefined;
    const dash = text.lastIndexOf('-', first.range[0]);
    const lineEnd = text.indexOf('\n', last.range[1]);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const newline = lineEnd < 0 ? '\n' : '';
    return `${text.slice(0, at)}${newline}${indentOf(dash)}- ${quoted}\n${text.slice(at)}`;
  }
  // No such list yet: a flow list on its own line right after the id.
  const id = fact.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id');
  if (!id || !isScalar(id.key) || !isScalar(id.value) || !id.key.range || !id.value.range) return undefined;
  const lineEnd = text.indexOf('\n', id.value.range[1]);
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  return `${text.slice(0, at)}${lineEnd < 0 ? '\n' : ''}${indentOf(id.key.range[0])}${list}: [${quoted}]\n${text.slice(at)}`;
}

/** Writes the file whole or not at all: a temporary file, then a rename. */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
