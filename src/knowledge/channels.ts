import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { bookMessages as msg, knowledgeMessages } from '../messages';
import { DEFAULT_BOOK } from './book-folders';
import { CHANNELS_FILE, displayPath } from './load';
import { parseYaml } from './parse-file';
import type { Problem } from './problems';

/** Slack channel ids: C… for channels, G… for older private channels. Names are not accepted: they change. */
const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

const bookName = z.string().trim().min(1);
export const channelsFileSchema = z.strictObject({
  default: bookName.optional(),
  channels: z.record(z.string(), bookName).optional(),
});

/** Which book each channel searches; `default` answers DMs, App Home and every channel not listed. */
export interface ChannelBooks {
  default: string;
  channels: Readonly<Record<string, string>>;
}

export type ChannelsResult = { ok: true; map: ChannelBooks } | { ok: false; problems: Problem[] };

const allowedKeys = () => Object.keys(channelsFileSchema.shape);

// The whole-file messages of the YAML reader speak of knowledge files; these speak of channels.yml.
function inChannelsWords(message: string): string {
  if (message === knowledgeMessages.emptyFile()) return msg.emptyFile();
  for (const found of ['a list', 'a single value']) if (message === knowledgeMessages.notAMapping(found)) return msg.notAMapping(found);
  return message;
}

/** Reads and validates `channels.yml` in `dir` against the books found there; no file maps every channel to the default. */
export function readChannels(dir: string, cwd: string, books: readonly string[]): ChannelsResult {
  const file = path.join(dir, CHANNELS_FILE);
  const shown = displayPath(path.resolve(cwd, file), cwd);
  const noDefault = { file: shown, message: msg.noDefault(books) };
  if (!existsSync(file)) return books.includes(DEFAULT_BOOK) ? { ok: true, map: { default: DEFAULT_BOOK, channels: {} } } : { ok: false, problems: [noDefault] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file: shown, message: knowledgeMessages.unreadable((error as Error).message) }] };
  }
  const parsed = parseYaml(shown, text, channelsFileSchema, allowedKeys);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, message: inChannelsWords(p.message) })) };
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
