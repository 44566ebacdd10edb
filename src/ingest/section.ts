import type { Source } from '../knowledge/schema';

/** One source found in a document: its title (if the document shows one), what else it says about itself, its paragraphs. */
export interface RawSection {
  title?: string;
  /** The line of the document where the section starts (1-based), for messages. */
  line: number;
  paragraphs: string[];
  meta: Partial<Pick<Source, 'publisher' | 'date' | 'url'>>;
}

/** What a format reader gives back: the text to store beside the knowledge, and the sections in it. */
export interface ExtractedDocument {
  format: string;
  text: string;
  sections: RawSection[];
}

/** Lines into paragraphs: a blank line ends one, and so does a line ending a sentence (notes put one paragraph per line). */
export function paragraphsOf(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
      continue;
    }
    current.push(trimmed);
    if (/[.!?]["”’')]*$/.test(trimmed)) flush();
  }
  flush();
  return paragraphs;
}
