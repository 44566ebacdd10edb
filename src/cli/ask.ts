import { excerptContext } from '../curation/context';
import type { Fact } from '../knowledge/schema';
import { cliMessages as msg, curationMessages as cur } from '../messages';
import type { CliIO } from './io';
import { cliAnswerer } from './answerer';
import { renderText, toJson, type CliEngine } from './render';

export interface AskOptions {
  json: boolean;
  top: number;
  /** Show the sentences around the excerpt in the source's stored text. */
  context?: boolean;
  /** Answer with the lexical engine alone (no sentence model). */
  lexical?: boolean;
}

function contextLines(fact: Fact, cwd: string): string[] {
  const found = excerptContext(fact, cwd);
  if (!found) return [cur.noStoredText()];
  if (!found.before && !found.after) return [cur.contextNotFound(found.textFile)];
  return [cur.contextHeader(found.textFile), ...(found.before ? [cur.contextBefore(found.before)] : []), ...(found.after ? [cur.contextAfter(found.after)] : [])];
}

export async function runAsk(
  question: string | undefined,
  options: AskOptions,
  loadEngine: () => CliEngine,
  io: CliIO,
): Promise<number> {
  const engine = loadEngine();
  const answerer = cliAnswerer(engine, options.lexical ?? false, io.err);
  const answerOne = async (q: string) => {
    const answer = await answerer.answer(q, options.top);
    io.out(options.json ? JSON.stringify(toJson(answer, engine.aliases)) : renderText(answer, engine, options.context ? (fact) => contextLines(fact, io.cwd) : undefined));
  };
  if (question !== undefined) {
    if (!question.trim()) {
      io.err(msg.emptyQuestion());
      return 2;
    }
    await answerOne(question.trim());
    return 0;
  }
  let first = true;
  for await (const line of io.stdinLines()) {
    const q = line.trim();
    if (!q) continue;
    if (!first && !options.json) io.out('');
    await answerOne(q);
    first = false;
  }
  return 0;
}

