import type { Answer } from '../engine/engine';
import { ENGINE_DEFAULTS } from '../engine/config';
import { SemanticAnswerer, type VectorStore } from '../engine/semantic/answerer';
import { loadEmbedder } from '../engine/semantic/embedder';
import type { CliEngine } from './render';

/** How `brief` answers one question, and the lexical gate its answers had to pass (for `brief eval`'s report). */
export interface CliAnswerer {
  answer(question: string, top: number): Promise<Answer>;
  readonly gate: number;
}

/**
 * The semantic stage by default (it waits for the fact vectors, computed once and cached); `--lexical`
 * answers with the lexical engine alone: faster to start, less precise (README, Quality).
 */
export function cliAnswerer(engine: CliEngine, lexical: boolean): CliAnswerer {
  if (lexical) return { answer: async (q, top) => engine.ask(q, { top }), gate: ENGINE_DEFAULTS.lexicalGate };
  const semantic = new SemanticAnswerer(loadEmbedder, { ...(engine.vectorStore && { store: engine.vectorStore }) });
  return { answer: (q, top) => semantic.ask(engine, q, { top, wait: true }), gate: 0 };
}

export type { VectorStore };
