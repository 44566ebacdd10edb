import { cliMessages as msg } from '../messages';
import type { CliIO } from './io';
import { renderText, toJson, type CliEngine } from './render';

export interface AskOptions {
  json: boolean;
  top: number;
}

export async function runAsk(
  question: string | undefined,
  options: AskOptions,
  loadEngine: () => CliEngine,
  io: CliIO,
): Promise<number> {
  const engine = loadEngine();
  const answerOne = (q: string) => {
    const answer = engine.ask(q, { top: options.top });
    io.out(options.json ? JSON.stringify(toJson(answer, engine.aliases)) : renderText(answer, engine));
  };
  if (question !== undefined) {
    if (!question.trim()) {
      io.err(msg.emptyQuestion());
      return 2;
    }
    answerOne(question.trim());
    return 0;
  }
  let first = true;
  for await (const line of io.stdinLines()) {
    const q = line.trim();
    if (!q) continue;
    if (!first && !options.json) io.out('');
    answerOne(q);
    first = false;
  }
  return 0;
}

