import { readdirSync } from 'node:fs';
import path from 'node:path';
import { bookMessages as msg } from '../messages';
import { displayPath, knowledgeFiles } from './load';
import type { Problem } from './problems';

/** The book formed by the files at the top of the knowledge folder: the whole knowledge when there are no sub-folders. */
export const DEFAULT_BOOK = 'default';
/** Sub-folders that are never books: `sources/` holds the stored texts of the top-level sources. */
const NOT_BOOKS = new Set(['sources']);

export interface BookFolder {
  name: string;
  dir: string;
}

function hasKnowledgeFiles(dir: string): boolean {
  try {
    return knowledgeFiles(dir).length > 0;
  } catch {
    return false;
  }
}

/**
 * The books of a knowledge folder: each sub-folder holding knowledge files is a book named after it,
 * and the top-level files form the book "default" (the only one in a folder without such sub-folders,
 * so a single-book folder loads, and fails, exactly as before books existed).
 */
export function bookFolders(dir: string, cwd: string): { folders: BookFolder[]; problems: Problem[] } {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_BOOKS.has(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    // A missing folder is reported by loading it as the default book.
  }
  const books = entries.map((name) => ({ name, dir: path.join(dir, name) })).filter((book) => hasKnowledgeFiles(book.dir));
  const problems = books.filter((b) => b.name === DEFAULT_BOOK).map((b) => ({ file: displayPath(path.resolve(cwd, b.dir), cwd), message: msg.reservedName() }));
  const top = books.length === 0 || hasKnowledgeFiles(dir) ? [{ name: DEFAULT_BOOK, dir }] : [];
  return { folders: [...top, ...books.filter((b) => b.name !== DEFAULT_BOOK)], problems };
}
