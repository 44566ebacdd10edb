import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestMessages as msg } from '../messages';
import { IngestError } from './errors';
import { readPlainText } from './formats/text';
import { readDocx } from './formats/docx';
import { readHtml } from './formats/html';
import { readMarkdown } from './formats/markdown';
import { readPdf } from './formats/pdf';
import type { ExtractedDocument } from './section';

type Reader = (bytes: Buffer, file: string, shown: string) => ExtractedDocument | Promise<ExtractedDocument>;

/** One reader per format, chosen by extension (documents rarely lie about theirs, and a wrong one fails clearly). */
const READERS: Readonly<Record<string, Reader>> = Object.freeze({
  '.txt': (bytes, file, shown) => readPlainText(bytes.toString('utf8'), file, shown),
  '.md': (bytes) => readMarkdown(bytes.toString('utf8')),
  '.markdown': (bytes) => readMarkdown(bytes.toString('utf8')),
  '.html': (bytes, _file, shown) => readHtml(bytes.toString('utf8'), shown),
  '.htm': (bytes, _file, shown) => readHtml(bytes.toString('utf8'), shown),
  '.docx': (bytes, _file, shown) => readDocx(bytes, shown),
  '.pdf': (bytes, _file, shown) => readPdf(bytes, shown),
});

export async function extract(file: string, shown: string): Promise<ExtractedDocument> {
  const ext = path.extname(file).toLowerCase();
  const reader = READERS[ext];
  if (!reader) throw new IngestError([msg.unsupported(shown, ext)]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new IngestError([msg.unreadable(shown, (error as Error).message)]);
  }
  if (bytes.length === 0 || (ext !== '.pdf' && ext !== '.docx' && bytes.toString('utf8').trim() === '')) throw new IngestError([msg.noText(shown)]);
  const doc = await reader(bytes, file, shown);
  if (doc.sections.every((s) => s.paragraphs.length === 0)) throw new IngestError([msg.noText(shown)]);
  return doc;
}
