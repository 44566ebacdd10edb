import type { LineCounter, YAMLError } from 'yaml';
import { knowledgeMessages as msg } from '../messages';
import type { Problem } from './problems';

/**
 * The yaml parser reports one slip (a tab, a mis-indented key) as a cascade of follow-on errors in
 * parser terms ("Nested mappings are not allowed in compact mappings"), some on the wrong line. The
 * curator gets one message per cascade, on the line to fix, in their words.
 */
export function syntaxProblems(file: string, text: string, errors: readonly YAMLError[], lines: LineCounter): Required<Problem>[] {
  const at = (pos: number) => lines.linePos(pos).line;
  const sourceLines = text.split('\n');
  const problems: Required<Problem>[] = [];
  // A duplicate key does not derail the parser, so it is neither a cascade nor part of one.
  const derailing = errors.filter((e) => e.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0]);
  let cascade: YAMLError[] = [];
  let cascadeEnd = 0;
  const flush = () => {
    const cause = [...cascade].sort((a, b) => rankOf(a) - rankOf(b))[0];
    if (cause) problems.push({ file, ...translate(cause, text, sourceLines, at) });
    cascade = [];
  };
  for (const error of derailing) {
    if (cascade.length > 0 && at(error.pos[0]) > cascadeEnd + 1) flush();
    cascade.push(error);
    cascadeEnd = Math.max(cascadeEnd, at(error.pos[1]));
  }
  flush();
  for (const error of errors) {
    if (error.code === 'DUPLICATE_KEY') problems.push({ file, ...translate(error, text, sourceLines, at) });
  }
  const seen = new Set<number>();
  return problems.sort((a, b) => a.line - b.line).filter((p) => !seen.has(p.line) && seen.add(p.line));
}

/** Which error of a cascade names its cause best: lower first. */
function rankOf(error: YAMLError): number {
  if (error.code === 'TAB_AS_INDENT') return 0;
  if (isUnclosedQuote(error)) return 1;
  const order = ['BAD_INDENT', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY'];
  const i = order.indexOf(error.code);
  return i < 0 ? 2 + order.length : 2 + i;
}

const isUnclosedQuote = (error: YAMLError) => error.code === 'MISSING_CHAR' && /quote/.test(error.message);

/** The field name a line starts with ("    - id: x" -> "id"), if any. */
function keyOf(line: string | undefined): string | undefined {
  return /^\s*(?:-\s+)?([^\s:#"'][^:#]*?)\s*:(?:\s|$)/.exec(line ?? '')?.[1];
}

/** The first word of a line, list dash aside: what the curator meant as a field name. */
const firstWord = (line: string | undefined) => /^\s*(?:-\s+)?(\S+)/.exec(line ?? '')?.[1] ?? '';

function translate(
  error: YAMLError,
  text: string,
  sourceLines: readonly string[],
  at: (pos: number) => number,
): { line: number; message: string } {
  const [start, end] = error.pos;
  const line = at(start);
  const lineText = (n: number) => sourceLines[n - 1];
  const misindented = (n: number) => ({ line: n, message: msg.misindented(keyOf(lineText(n))) });
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { line, message: msg.tabIndent() };
    case 'DUPLICATE_KEY':
      return { line, message: msg.duplicateKey(keyOf(lineText(line)) ?? firstWord(lineText(line))) };
    case 'BAD_INDENT':
      if (/^Flow sequence/.test(error.message)) return { line: openingLine(text, start, '[', ']') ?? line, message: msg.unclosedList() };
      return misindented(line);
    case 'MISSING_CHAR':
      if (isUnclosedQuote(error)) return { line: openingQuoteLine(text, start) ?? line, message: msg.unclosedQuote() };
      if (/without - indicator/.test(error.message)) return misindented(line);
      if (/followed by map values/.test(error.message)) return { line, message: msg.missingColon(firstWord(lineText(line))) };
      break;
    case 'MULTILINE_IMPLICIT_KEY': {
      // The key starts a line: it lacks its colon. It follows a field's value: the next line's key is indented too far.
      const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
      if (/^\s*(?:-\s+)?$/.test(before)) return { line, message: msg.missingColon(firstWord(lineText(line))) };
      return misindented(at(end));
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/^Nested mappings/.test(error.message)) return { line, message: msg.colonInValue(keyOf(lineText(line))) };
      break;
    case 'UNEXPECTED_TOKEN':
      if (/^Unexpected scalar at node end/.test(error.message)) return { line, message: msg.textAfterQuote() };
      break;
  }
  return { line, message: msg.yamlSyntax(error.message.split('\n')[0] ?? error.message) };
}

/**
 * yaml notices an unclosed quote only where the file ends; the curator needs the line where the
 * quote was opened: the last line before `pos` with an odd number of that quote character.
 */
function openingQuoteLine(text: string, pos: number): number | undefined {
  const before = text.slice(0, pos).split('\n');
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i]!;
    for (const quote of ['"', "'"]) {
      const count = line.split(quote).length - 1 - (line.split(`\\${quote}`).length - 1);
      if (count % 2 === 1) return i + 1;
    }
  }
  return undefined;
}

/** The last line before `pos` that opens more `open` brackets than it closes. */
function openingLine(text: string, pos: number, open: string, close: string): number | undefined {
  const before = text.slice(0, pos).split('\n');
  for (let i = before.length - 1; i >= 0; i--) {
    const line = before[i]!;
    if (line.split(open).length > line.split(close).length) return i + 1;
  }
  return undefined;
}
