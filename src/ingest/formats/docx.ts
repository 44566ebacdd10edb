import mammoth from 'mammoth';
import { ingestMessages as msg } from '../../messages';
import { IngestError } from '../errors';
import type { ExtractedDocument } from '../section';
import { documentFromBlocks } from './html-blocks';

/** Word's Title style is the document's title; mammoth maps Heading 1–6 itself. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

/** A Word document (.docx) through mammoth's HTML, so headings and paragraphs keep their shape. */
export async function readDocx(bytes: Buffer, shown: string): Promise<ExtractedDocument> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP });
    return documentFromBlocks('docx', value, undefined, {});
  } catch (error) {
    throw new IngestError([msg.malformed(shown, 'Word document (.docx)', (error as Error).message)]);
  }
}
