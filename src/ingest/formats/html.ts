import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isValidPartialDate } from '../../knowledge/limits';
import { ingestMessages as msg } from '../../messages';
import { IngestError } from '../errors';
import type { ExtractedDocument } from '../section';
import { documentFromBlocks } from './html-blocks';

/**
 * A web page: Readability keeps the article and drops navigation, ads and footers. The source
 * takes what the page states about itself: its title, site name (as publisher) and publication
 * date (the day only; dropped when not a real date). The address is never guessed: pass --url.
 */
export function readHtml(html: string, shown: string): ExtractedDocument {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  if (!article?.content) throw new IngestError([msg.noText(shown)]);
  const date = article.publishedTime?.slice(0, 10);
  const meta = {
    ...(article.siteName?.trim() && { publisher: article.siteName.trim() }),
    ...(date && isValidPartialDate(date) && { date }),
  };
  return documentFromBlocks('html', article.content, article.title?.trim() || undefined, meta);
}
