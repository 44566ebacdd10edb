import { existsSync } from 'node:fs';
import path from 'node:path';
import { bookMessages as msg } from '../messages';
import { DEFAULT_BOOK } from './book-folders';
import { CHANNELS_FILE, displayPath } from './load';
import type { Problem } from './problems';

/** Which book each channel searches; `default` answers DMs, App Home and every channel not listed. */
export interface ChannelBooks {
  default: string;
  channels: Readonly<Record<string, string>>;
}

export type ChannelsResult = { ok: true; map: ChannelBooks } | { ok: false; problems: Problem[] };

/** Reads and validates `channels.yml` in `dir` against the books found there; no file maps every channel to the default. */
export function readChannels(dir: string, cwd: string, books: readonly string[]): ChannelsResult {
  const file = path.join(dir, CHANNELS_FILE);
  const shown = displayPath(path.resolve(cwd, file), cwd);
  const noDefault = { file: shown, message: msg.noDefault(books) };
  if (!existsSync(file)) return books.includes(DEFAULT_BOOK) ? { ok: true, map: { default: DEFAULT_BOOK, channels: {} } } : { ok: false, problems: [noDefault] };
  // Validating the file loads zod (~85 ms), which a folder without channels.yml, the common case, never pays.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the file exists, see above
  const { readChannelsFile } = require('./channels-file') as typeof import('./channels-file');
  return readChannelsFile(file, shown, books, noDefault);
}
