import { createHash } from 'node:crypto';
import type { Engine } from '../engine/engine';
import { DEFAULT_BOOK } from './book-folders';
import type { ChannelBooks } from './channels';

/** One briefing book: its name (its folder's) and the engine over its knowledge. */
export interface Book {
  name: string;
  engine: Engine;
}

/**
 * The books in service and which channel searches which. Every Slack path asks `forChannel` once and
 * keeps that book to the end, so a question never reaches another book's facts.
 */
export class Books {
  /** Content hash of every book and the channel map; a single book without channels.yml keeps its own. */
  readonly fingerprint: string;
  private readonly channelBook: ReadonlyMap<string, string>;

  constructor(
    private readonly engines: ReadonlyMap<string, Engine>,
    private readonly map: ChannelBooks,
  ) {
    if (!engines.has(map.default)) throw new Error(`default book "${map.default}" is not among the books`);
    this.channelBook = new Map(Object.entries(map.channels));
    const only = engines.size === 1 && this.channelBook.size === 0 && map.default === DEFAULT_BOOK ? engines.get(DEFAULT_BOOK) : undefined;
    this.fingerprint = only
      ? only.knowledge.fingerprint
      : createHash('sha256')
          .update(JSON.stringify([[...engines].map(([name, e]) => [name, e.knowledge.fingerprint]), map]))
          .digest('hex')
          .slice(0, 16);
  }

  /** The knowledge of one folder without sub-books: the book "default", for every channel. */
  static single(engine: Engine): Books {
    return new Books(new Map([[DEFAULT_BOOK, engine]]), { default: DEFAULT_BOOK, channels: {} });
  }

  get names(): string[] {
    return [...this.engines.keys()];
  }

  /** More than one book: feedback records then say which book a question was asked of. */
  get several(): boolean {
    return this.engines.size > 1;
  }

  /** Every book, in folder order. */
  get all(): Book[] {
    return [...this.engines].map(([name, engine]) => ({ name, engine }));
  }

  named(name: string): Book | undefined {
    const engine = this.engines.get(name);
    return engine && { name, engine };
  }

  /** The book of DMs, App Home and channels channels.yml does not list. */
  get default(): Book {
    return this.named(this.map.default)!;
  }

  /** The book a channel searches (a DM's id, or none, gets the default). */
  forChannel(channel: string | undefined): Book {
    const name = channel === undefined ? undefined : this.channelBook.get(channel);
    return (name !== undefined && this.named(name)) || this.default;
  }

  /** Channel ids mapped to `name` in channels.yml. */
  channelsOf(name: string): string[] {
    return [...this.channelBook].filter(([, book]) => book === name).map(([channel]) => channel);
  }

  get totals(): { facts: number; sources: number } {
    let facts = 0;
    let sources = 0;
    for (const engine of this.engines.values()) {
      facts += engine.facts.length;
      sources += engine.knowledge.sources.length;
    }
    return { facts, sources };
  }
}
