import { createEngine } from '../engine/engine';
import type { BuiltIndex } from '../engine/index-builder';
import { bookFolders } from '../knowledge/book-folders';
import { Books } from '../knowledge/books';
import { readChannels, type ChannelBooks } from '../knowledge/channels';
import type { Problem } from '../knowledge/problems';
import type { KnowledgeBase } from '../knowledge/schema';
import type { CacheFolder } from './cache-folder';
import { loadIndexed } from './load-indexed';

export interface IndexedBook {
  name: string;
  knowledge: KnowledgeBase;
  index: BuiltIndex;
}

export type IndexedBooks = { ok: true; books: IndexedBook[]; channels: ChannelBooks } | { ok: false; problems: Problem[] };

/** Every book of the folder, each validated and indexed through the cache as one folder was, and channels.yml. */
export function loadBooksIndexed(dir: string, cwd: string, cache: CacheFolder | undefined): IndexedBooks {
  const { folders, problems } = bookFolders(dir, cwd);
  const books: IndexedBook[] = [];
  for (const folder of folders) {
    const result = loadIndexed(folder.dir, cwd, cache);
    if (result.ok) books.push({ name: folder.name, knowledge: result.knowledge, index: result.index });
    else problems.push(...result.problems);
  }
  // Checked against the folders found, so a book with a broken file is not also called unknown there.
  const channels = readChannels(dir, cwd, folders.map((f) => f.name));
  if (!channels.ok) problems.push(...channels.problems);
  return problems.length > 0 || !channels.ok ? { ok: false, problems } : { ok: true, books, channels: channels.map };
}

/** The books in `dir`, as the bot and `brief` start them. */
export function loadBooks(dir: string, cwd: string, cache: CacheFolder | undefined): { ok: true; books: Books } | { ok: false; problems: Problem[] } {
  const result = loadBooksIndexed(dir, cwd, cache);
  if (!result.ok) return result;
  const engines = new Map(result.books.map((b) => [b.name, createEngine(b.knowledge, { prebuilt: b.index })]));
  return { ok: true, books: new Books(engines, result.channels) };
}
