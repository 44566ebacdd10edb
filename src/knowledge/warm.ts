import type { Books } from './books';
import { nextTurn } from '../turns';

/**
 * Facts or words read per turn of the event loop, so a question waits at most that long: at 10k facts, 4–11 ms
 * a chunk of facts and 7–22 ms a chunk of words, but ~60 ms the first chunk of words (it sorts the words and
 * meets the most related ones, and the code is new to the JIT), once after a start.
 */
export const WARM_CHUNK = 500;

/**
 * Reads each book's facts, then its most frequent words, ahead of their first questions (`Engine.warm`), a
 * chunk per turn of the event loop so that questions are answered meanwhile. Resolves when every book is read
 * (or is over the cap); an error goes to `failed`, and what is left is then read as questions meet it, as
 * without warming.
 */
export async function warmInBackground(books: Books, failed: (error: Error) => void, chunk = WARM_CHUNK): Promise<void> {
  try {
    for (const { engine } of books.all) {
      while (engine.warm(chunk) > 0) await nextTurn();
    }
  } catch (error) {
    failed(error as Error);
  }
}
