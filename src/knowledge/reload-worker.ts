/**
 * Worker thread (compiled to dist/knowledge/reload-worker.js): loads, validates and indexes the
 * knowledge off the bot's event loop, then transfers the result back as packed typed arrays.
 * Any exception here ends only this worker; the bot keeps its engine (see watch.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packIndex } from '../cache/index-pack';
import { packKnowledge } from '../cache/knowledge-pack';
import { loadIndexed } from '../cache/load-indexed';
import { transferList, type Packed } from '../cache/packed';
import { indexParts } from '../engine/index-builder';
import type { Problem } from './problems';

export interface ReloadRequest {
  dir: string;
  cwd: string;
  cache?: { dir: string; key: Uint8Array };
}

export type ReloadReply = { ok: true; knowledge: Packed; index: Packed } | { ok: false; problems: Problem[] };

const { dir, cwd, cache } = workerData as ReloadRequest;
const result = loadIndexed(dir, cwd, cache && { dir: cache.dir, key: Buffer.from(cache.key) });
const reply: ReloadReply = result.ok
  ? { ok: true, knowledge: packKnowledge(result.knowledge), index: packIndex(indexParts(result.index)) }
  : { ok: false, problems: result.problems };
parentPort!.postMessage(reply, reply.ok ? transferList(reply.knowledge, reply.index) : []);
