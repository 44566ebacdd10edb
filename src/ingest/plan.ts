import path from 'node:path';
import type { Source } from '../knowledge/schema';
import { ingestMessages as msg } from '../messages';
import { IngestError } from './errors';
import type { ExtractedDocument } from './section';

/** Source fields the curator gives on the command line; they win over what the document shows. */
export type GivenFields = Partial<Pick<Source, 'title' | 'publisher' | 'date' | 'url'>>;

/** One knowledge file to write: its name, source fields (given, and seen in the document), paragraphs. */
export interface SourcePlan {
  name: string;
  given: GivenFields;
  seen: GivenFields;
  paragraphs: string[];
}

/** "Copenhagen Democracy Summit - #CDS2023" -> "copenhagen-democracy-summit-cds2023", cut at a word. */
export function slug(text: string, max = 60): string {
  const full = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= max) return full || 'source';
  const cut = full.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : max) || 'source';
}

export function planSources(doc: ExtractedDocument, given: GivenFields, shown: string): SourcePlan[] {
  if (doc.sections.length === 0) throw new IngestError([msg.noText(shown)]);
  if (given.title && doc.sections.length > 1) throw new IngestError([msg.titleForManySections(shown, doc.sections.length)]);
  const names = new Set<string>();
  return doc.sections.map((section) => {
    const title = given.title ?? section.title;
    if (!title) throw new IngestError([msg.noTitle(shown, section.line, path.basename(shown), doc.sections.length)]);
    let name = slug(title);
    for (let n = 2; names.has(name); n++) name = `${slug(title)}-${n}`;
    names.add(name);
    return { name, given, seen: { title, ...section.meta }, paragraphs: section.paragraphs };
  });
}
