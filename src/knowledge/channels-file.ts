import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { bookMessages as msg, knowledgeMessages } from '../messages';
import { DEFAULT_BOOK } from './book-folders';
import type { ChannelsResult } from './channels';
import { parseYaml } from './parse-file';
import type { Problem } from './problems';

/** Slack channel ids: C… for channels, G… for older private channels. Names are not accepted: they change. */
const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

const bookName = z.string().trim().min(1);
const channelsFileSchema = z.strictObject({
  default: bookName.optional(),
  channels: z.record(z.string(), bookName).optional(),
});

const allowedKeys = () => Object.keys(channelsFileSchema.shape);

/** Parses `channels.yml` (shown as `shown`) and checks every book it names is one of `books`. */
export function readChannelsFile(file: string, shown: string, books: readonly string[], noDefault: Problem): ChannelsResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file: shown, message: knowledgeMessages.unreadable((error as Error).message) }] };
  }
  // Told in channels.yml's words, not a knowledge file's, when it is empty or not a mapping.
  const parsed = parseYaml(shown, text, channelsFileSchema, allowedKeys, { emptyFile: msg.emptyFile, notAMapping: msg.notAMapping });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { default: defaultBook = DEFAULT_BOOK, channels = {} } = parsed.value;
  const problems: Required<Problem>[] = [];
  const checkBook = (where: ReadonlyArray<PropertyKey>, field: string, book: string) => {
    if (!books.includes(book)) problems.push({ file: shown, line: parsed.lineAt(where), message: msg.unknownBook(field, book, books) });
  };
  if (parsed.value.default === undefined && !books.includes(DEFAULT_BOOK)) problems.push({ ...noDefault, line: 1 });
  else checkBook(['default'], 'default', defaultBook);
  for (const [channel, book] of Object.entries(channels)) {
    if (!CHANNEL_ID.test(channel)) problems.push({ file: shown, line: parsed.lineAt(['channels', channel]), message: msg.notAChannelId('channels', channel) });
    else checkBook(['channels', channel], `channels.${channel}`, book);
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, map: { default: defaultBook, channels } };
}
