import { sentences } from './excerpts';

/**
 * The title-line heuristic for briefing notes (a title line, then its excerpt paragraphs, repeated).
 * A line of at most MAX_TITLE characters, followed by more text, is a title when it
 *   1. does not end like a sentence (no final . ! ? : ; , or closing quote), e.g. "Copenhagen Democracy Summit - #CDS2023";
 *   2. or is one short sentence ending in a full stop, without a comma (a headline), e.g.
 *      "Resistance leader Massoud sees "opportunity for success" in Afghanistan." (the full stop is dropped);
 *   3. or starts with a Title Case sentence that runs into the first paragraph, e.g.
 *      "A Conversation with Ahmad Massoud on the Future of Afghanistan. Since the Taliban's return…".
 * Anything else (a source with no title line, a false title) is for the curator's override file.
 */
export const MAX_TITLE = 100;

const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'on', 'in', 'with', 'for', 'to', 'at', 'by', 'from', 'as', 'via', 'into', 'vs']);

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /[a-z]/i.test(w));
  return words.length >= 3 && words.every((w) => SMALL_WORDS.has(w.toLowerCase()) || !/^[^A-Za-z0-9]*[a-z]/.test(w));
}

export interface TitleLine {
  title: string;
  /** What follows the title on the same line: the start of the first paragraph, or "". */
  rest: string;
}

export function titleLine(line: string, isLast: boolean): TitleLine | undefined {
  const text = line.trim();
  if (!text || isLast) return undefined;
  if (text.length <= MAX_TITLE && !/[.!?:;,"”’')]$/.test(text)) return { title: text, rest: '' };
  const [first, ...more] = sentences(text);
  if (!first || first.length > MAX_TITLE || !first.endsWith('.')) return undefined;
  if (more.length === 0 && !first.includes(',')) return { title: first.slice(0, -1), rest: '' };
  if (more.length > 0 && isTitleCase(first.slice(0, -1)) && text.startsWith(first)) {
    return { title: first.slice(0, -1), rest: text.slice(first.length).trim() };
  }
  return undefined;
}
