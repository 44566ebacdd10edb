import { bookFolders } from '../knowledge/book-folders';
import { readChannels } from '../knowledge/channels';
import type { Problem } from '../knowledge/problems';
import { bookMessages } from '../messages';

/** The book a command works on: `--book NAME`, else the default book of channels.yml (or the top-level files). */
export interface ChosenBook {
  name: string;
  dir: string;
  /** The default book's name: feedback recorded without a book (before there were books) is its. */
  defaultName: string;
}

export type BookChoice = { ok: true; book: ChosenBook } | { ok: false; problems: Problem[] } | { ok: false; unknown: string };

/** Finds the chosen book's folder; only it is then loaded, so `brief ask --book` costs what one folder did. */
export function chooseBook(dir: string, cwd: string, name: string | undefined): BookChoice {
  const { folders, problems } = bookFolders(dir, cwd);
  const names = folders.map((f) => f.name);
  const channels = readChannels(dir, cwd, names);
  if (!channels.ok || problems.length > 0) return { ok: false, problems: [...problems, ...(channels.ok ? [] : channels.problems)] };
  const wanted = name ?? channels.map.default;
  const folder = folders.find((f) => f.name === wanted);
  if (!folder) return { ok: false, unknown: bookMessages.unknownBookOption(wanted, names) };
  return { ok: true, book: { name: folder.name, dir: folder.dir, defaultName: channels.map.default } };
}
