import { paragraphsOf, type ExtractedDocument } from '../section';

/** Inline Markdown to its visible text: links keep their words, emphasis and code marks go. */
function plain(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/**
 * A Markdown document is one source: its first level-1 heading is the title. The stored text is
 * the visible text (no markup), so facts quote what a reader sees; other headings stay in the
 * stored text but start new paragraphs and are not facts.
 */
export function readMarkdown(markdown: string): ExtractedDocument {
  let title: string | undefined;
  let inFence = false;
  const visible: string[] = [];
  const body: string[] = [];
  for (const raw of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      const text = plain(heading[2]!);
      if (heading[1] === '#' && title === undefined) title = text;
      visible.push('', text, '');
      body.push('');
      continue;
    }
    const line = plain(raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^\s*>\s?/, ''));
    if (/^\s*(?:[-*_]\s*){3,}$/.test(raw)) continue;
    visible.push(line);
    body.push(/^\s*(?:[-*+]|\d+[.)])\s+/.test(raw) ? `\n${line}` : line);
  }
  const text = `${visible.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  const paragraphs = paragraphsOf(body.join('\n').split('\n'));
  return { format: 'markdown', text, sections: [{ ...(title !== undefined && { title }), line: 1, paragraphs, meta: {} }] };
}
