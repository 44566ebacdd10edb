import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Fact } from '../knowledge/schema';
import { storedTextFile } from './verbatim-check';
import { normaliseWord } from './verbatim';

/** Made on first use: the first Intl.Segmenter loads ICU's data (~15 ms), which `brief ask` without --context need not pay. */
let segmenter: Intl.Segmenter | undefined;
const normalise = (text: string) => text.split(/\s+/).filter(Boolean).map(normaliseWord).join(' ');

export interface ExcerptContext {
  textFile: string;
  before?: string;
  after?: string;
}

/**
 * The sentences just before and after a fact in its source's stored text (a title line counts as
 * a sentence: the notes put one per line), or nothing when the source has no stored text.
 */
export function excerptContext(fact: Pick<Fact, 'file' | 'source' | 'text'>, cwd: string): ExcerptContext | undefined {
  const textFile = storedTextFile(fact, cwd);
  if (!textFile) return undefined;
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, path.dirname(fact.file), textFile), 'utf8');
  } catch {
    return undefined;
  }
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const sentences = [...segmenter.segment(text)].map((s) => s.segment.replace(/\s+/g, ' ').trim()).filter(Boolean);
  // Where each sentence starts and ends in the normalised text joined by single spaces.
  let offset = 0;
  const spans = sentences.map((sentence) => {
    const start = offset;
    offset += normalise(sentence).length + 1;
    return { start, end: offset - 1 };
  });
  const at = spans.length > 0 ? sentences.map(normalise).join(' ').indexOf(normalise(fact.text)) : -1;
  if (at < 0) return { textFile };
  const end = at + normalise(fact.text).length;
  const first = spans.findIndex((s) => s.end > at);
  const last = spans.findIndex((s) => s.end >= end);
  return { textFile, ...(first > 0 && { before: sentences[first - 1] }), ...(last >= 0 && last + 1 < sentences.length && { after: sentences[last + 1] }) };
}
