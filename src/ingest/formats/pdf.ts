import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { ingestMessages as msg } from '../../messages';
import { IngestError } from '../errors';
import { paragraphsOf, type ExtractedDocument } from '../section';

/**
 * A PDF through unpdf (pdf.js bundled: nothing is downloaded). The title is the document's own
 * Title property; lines are joined into paragraphs where a line does not end a sentence; a line
 * repeating the title is a heading, not a fact. The PDF's dates are file dates, not publication
 * dates, so none is taken.
 */
export async function readPdf(bytes: Buffer, shown: string): Promise<ExtractedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    if ((error as Error).name === 'PasswordException') throw new IngestError([msg.encrypted(shown)]);
    throw new IngestError([msg.malformed(shown, 'PDF', (error as Error).message)]);
  }
  const { text: pages } = await extractText(pdf, { mergePages: false });
  const { info } = await getMeta(pdf);
  const rawTitle = (info as { Title?: unknown }).Title;
  const title = typeof rawTitle === 'string' && rawTitle.trim() ? rawTitle.trim() : undefined;
  const paragraphs = pages.flatMap((page) => paragraphsOf(page.split('\n').filter((line) => line.trim() !== title)));
  const text = `${pages.join('\n\n').trim()}\n`;
  return { format: 'pdf', text, sections: [{ ...(title && { title }), line: 1, paragraphs, meta: {} }] };
}
