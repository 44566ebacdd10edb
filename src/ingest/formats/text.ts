import { normaliseWord } from '../../curation/verbatim';
import { readOverrides, type SectionOverride } from '../sections-file';
import { paragraphsOf, type ExtractedDocument, type RawSection } from '../section';
import { titleLine } from '../title-lines';

interface Start {
  line: number;
  title?: string;
  rest: string;
  meta: RawSection['meta'];
}

const comparable = (text: string) => normaliseWord(text.replace(/\s+/g, ' ').trim()).replace(/\.$/, '');

/** An override names a line: its title is cut from the line when the line starts with it, or when the heuristic saw a title there. */
function overridden(entry: SectionOverride, text: string, found: Start | undefined): Start {
  const { line, title, ...meta } = entry;
  const trimmed = text.trim();
  const written = trimmed.slice(0, title.length + 1);
  let rest = trimmed;
  if (comparable(written) === comparable(title)) rest = trimmed.slice(written.length).trim();
  else if (comparable(trimmed.slice(0, title.length)) === comparable(title)) rest = trimmed.slice(title.length).trim();
  else if (found?.title !== undefined) rest = found.rest;
  return { line, title, rest, meta };
}

/** Plain text, briefing-notes style: one source per titled section (see title-lines.ts and sections-file.ts). */
export function readPlainText(text: string, file: string, shown: string): ExtractedDocument {
  const lines = text.split(/\r?\n/);
  const lastFilled = lines.reduce((last, line, i) => (line.trim() ? i : last), -1);
  const starts = new Map<number, Start>();
  lines.forEach((line, i) => {
    const found = titleLine(line, i === lastFilled);
    if (found) starts.set(i + 1, { line: i + 1, ...found, meta: {} });
  });
  for (const entry of readOverrides(file, shown, lines.length)) {
    starts.set(entry.line, overridden(entry, lines[entry.line - 1] ?? '', starts.get(entry.line)));
  }
  const ordered = [...starts.values()].sort((a, b) => a.line - b.line);
  const firstLine = lines.findIndex((line) => line.trim()) + 1;
  if (firstLine > 0 && (ordered[0]?.line ?? Infinity) > firstLine) ordered.unshift({ line: firstLine, rest: lines[firstLine - 1]!, meta: {} });
  const sections = ordered.map((start, i): RawSection => {
    const end = ordered[i + 1]?.line ?? lines.length + 1;
    const body = [start.rest, ...lines.slice(start.line, end - 1)];
    return { ...(start.title !== undefined && { title: start.title }), line: start.line, paragraphs: paragraphsOf(body), meta: start.meta };
  });
  return { format: 'text', text, sections: sections.filter((s) => s.paragraphs.length > 0) };
}
