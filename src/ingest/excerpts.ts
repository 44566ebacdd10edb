import { KNOWLEDGE_LIMITS } from '../knowledge/limits';

/** Excerpts stop growing past this many characters (well under the 3,000 limit): one or two sentences read best in an answer. */
const READABLE_LENGTH = 400;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The sentences of a paragraph, trimmed, with inner whitespace (wrapped lines) collapsed. */
export function sentences(paragraph: string): string[] {
  const flat = paragraph.replace(/\s+/g, ' ');
  return [...segmenter.segment(flat)].map((s) => s.segment.trim()).filter(Boolean);
}

/** A sentence over the hard limit is cut at spaces, so even then every excerpt is verbatim. */
function withinLimit(sentence: string): string[] {
  const max = KNOWLEDGE_LIMITS.maxTextLength;
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max);
    const at = cut > 0 ? cut : max;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  return [...pieces, rest];
}

/**
 * Cuts paragraphs into excerpts at sentence boundaries: consecutive sentences of one paragraph are
 * grouped while the excerpt stays readable, never across a paragraph and never over the limit.
 * Sentences `covered` says a curator already publishes are left out, splitting the group there.
 */
export function excerpts(paragraphs: readonly string[], covered: (sentence: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    let group: string[] = [];
    const flush = () => {
      if (group.length > 0) out.push(group.join(' '));
      group = [];
    };
    for (const sentence of sentences(paragraph).flatMap(withinLimit)) {
      if (covered(sentence)) {
        flush();
        continue;
      }
      const length = group.join(' ').length;
      if (group.length > 0 && length + 1 + sentence.length > READABLE_LENGTH) flush();
      group.push(sentence);
    }
    flush();
  }
  return out;
}
