import type { Answer } from '../engine/engine';
import { ENGINE_DEFAULTS } from '../engine/config';
import { DECISION_MODEL } from '../engine/decision';
import { SemanticAnswerer } from '../engine/semantic/answerer';
import { semanticModel } from '../engine/semantic/model';
import type { OperatingPoint } from './eval-report';
import { loadEmbedder } from '../engine/semantic/embedder';
import { cliMessages as msg } from '../messages';
import type { CliEngine } from './render';

/** How `brief` answers one question, and where its decision draws the line (for `brief eval`'s report). */
export interface CliAnswerer {
  answer(question: string, top: number): Promise<Answer>;
  readonly point: OperatingPoint;
}

/** Texts `brief` embeds itself before answering (~10 ms each: under a minute); a larger knowledge base waits for the bot's. */
const CLI_COMPUTE_LIMIT = 5000;

/**
 * The semantic stage by default (it waits for the fact vectors, computed once and cached); `--lexical`
 * answers with the lexical engine alone: faster to start, less precise (README, Quality).
 */
export function cliAnswerer(engine: CliEngine, lexical: boolean, warn: (line: string) => void): CliAnswerer {
  if (lexical) return { answer: async (q, top) => engine.ask(q, { top }), point: { threshold: DECISION_MODEL.threshold, gate: ENGINE_DEFAULTS.lexicalGate } };
  const { requireCompiled } = engine;
  const embedder = () => loadEmbedder(requireCompiled ? { requireCore: () => requireCompiled('@energetic-ai/core') } : {});
  const semantic = new SemanticAnswerer(embedder, {
    ...(engine.vectorStore && { store: engine.vectorStore }),
    computeLimit: CLI_COMPUTE_LIMIT,
    onVectors: (event) => {
      if (!event.ready) warn(event.tooMany ? msg.semanticDeferred(event.tooMany) : msg.semanticUnavailable(event.error));
    },
  });
  // No lexical gate on this path: the similarity evidence is fitted to do that job (README, How answers are found).
  return {
    answer: (q, top) => semantic.ask(engine, q, { top, wait: true }),
    // A getter: only `brief eval` reads it, and the model is not read until then (semanticModel).
    get point() {
      return { threshold: semanticModel().threshold, gate: 0 };
    },
  };
}

