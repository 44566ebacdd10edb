/**
 * Worker thread (compiled to dist/knowledge/reload-worker.js): loads, validates and indexes every
 * book off the bot's event loop, then transfers the result back as packed typed arrays.
 * Any exception here ends only this worker; the bot keeps its engine (see watch.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packIndex } from '../cache/index-pack';
import { packKnowledge } from '../cache/knowledge-pack';
import { loadBooksIndexed } from '../cache/load-books';
import { transferList, type Packed } from '../cache/packed';
import { indexParts } from '../engine/index-builder';
import type { ChannelBooks } from './channels';
import type { Problem } from './problems';

export interface ReloadRequest {
  dir: string;
  cwd: string;
  cache?: { dir: string; key: Uint8Array };
}

export interface PackedBook {
  name: string;
  knowledge: Packed;
  index: Packed;
}

export type ReloadReply = { ok: true; books: PackedBook[]; channels: ChannelBooks } | { ok: false; problems: Problem[] };

const { dir, cwd, cache } = workerData as ReloadRequest;
const result = loadBooksIndexed(dir, cwd, cache && { dir: cache.dir, key: Buffer.from(cache.key) });
const reply: ReloadReply = result.ok
  ? { ok: true, books: result.books.map((b) => ({ name: b.name, knowledge: packKnowledge(b.knowledge), index: packIndex(indexParts(b.index)) })), channels: result.channels }
  : { ok: false, problems: result.problems };
parentPort!.postMessage(reply, reply.ok ? transferList(...reply.books.flatMap((b) => [b.knowledge, b.index])) : []);
