import { parseHTML } from 'linkedom';
import type { ExtractedDocument, RawSection } from '../section';

const BLOCKS = 'p, li, blockquote, pre, td, th, dd, dt, figcaption, h1, h2, h3, h4, h5, h6';
const HEADING = /^H[1-6]$/;

/** The innermost text blocks of an HTML fragment, in order: headings apart, since they are not facts. */
export function blocksOf(html: string): Array<{ text: string; heading: boolean; tag: string }> {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const all = [...document.querySelectorAll(BLOCKS)];
  return all
    .filter((element) => !element.querySelector(BLOCKS))
    .map((element) => ({ text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(), heading: HEADING.test(element.tagName), tag: element.tagName }))
    .filter((block) => block.text.length > 0);
}

/** One source from HTML blocks: the stored text is the blocks, one per paragraph; headings stay in it but are not facts. */
export function documentFromBlocks(format: string, html: string, title: string | undefined, meta: RawSection['meta']): ExtractedDocument {
  const blocks = blocksOf(html);
  const heading = title ?? blocks.find((b) => b.tag === 'H1')?.text;
  const body = blocks.filter((b) => !b.heading);
  const text = `${[...(heading && !blocks.some((b) => b.text === heading) ? [heading] : []), ...blocks.map((b) => b.text)].join('\n\n')}\n`;
  return { format, text, sections: [{ ...(heading && { title: heading }), line: 1, paragraphs: body.map((b) => b.text), meta }] };
}
