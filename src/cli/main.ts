import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { readEnvOptions } from '../env-options';
import { openCacheFolder } from '../cache/cache-folder';
import { requireCompiled } from '../cache/code-cache';
import { loadEngine } from '../cache/load-indexed';
import { cacheVectorStore } from '../cache/vector-store';
import { ENGINE_DEFAULTS } from '../engine/config';
import { formatProblem } from '../knowledge/problems';
import { cliMessages as msg, USAGE } from '../messages';
import { runAsk } from './ask';
import { chooseBook, type ChosenBook } from './book';
import type { CliIO } from './io';
import type { CliEngine } from './render';

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean' },
  top: { type: 'string' },
  knowledge: { type: 'string' },
  book: { type: 'string' },
  min: { type: 'string' },
  log: { type: 'string' },
  apply: { type: 'boolean' },
  refuse: { type: 'boolean' },
  accept: { type: 'string' },
  strict: { type: 'boolean' },
  context: { type: 'boolean' },
  lexical: { type: 'boolean' },
  out: { type: 'string' },
  'source-title': { type: 'string' },
  publisher: { type: 'string' },
  date: { type: 'string' },
  url: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function numberOption(name: string, value: string | undefined, fallback: number, valid: (n: number) => boolean, rule: string) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || !valid(n)) throw new UsageError(msg.badNumber(`--${name}`, value, rule));
  return n;
}

/** `--accept 1,3`: proposal numbers as `brief gaps` printed them. */
function acceptedProposals(value: string | undefined): Set<number> {
  if (value === undefined) return new Set();
  const numbers = value.split(',').map((n) => Number(n.trim()));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(msg.badNumber('--accept', value, 'proposal numbers as brief gaps prints them, e.g. 1,3'));
  return new Set(numbers);
}

/** Loads the knowledge and builds the engine, or reports every knowledge problem and signals exit 1 (2: no such book). */
class KnowledgeFailure extends Error {
  constructor(readonly exitCode = 1) {
    super();
  }
}
function engineLoader(book: () => ChosenBook, cacheDir: string, io: CliIO): () => CliEngine & { book: ChosenBook } {
  return () => {
    const chosen = book();
    // The bot's cache (same folder rules): a warm `brief ask` on a large knowledge base skips parsing and indexing.
    const cache = openCacheFolder(cacheDir, io.err);
    const result = loadEngine(chosen.dir, io.cwd, cache);
    if (!result.ok) {
      for (const problem of result.problems) io.err(formatProblem(problem));
      throw new KnowledgeFailure();
    }
    return { ...result.engine, aliases: result.knowledge.aliases, book: chosen, ...(cache && { vectorStore: cacheVectorStore(cache), requireCompiled: (id: string) => requireCompiled(id, cache) }) };
  };
}

/** The book `--book` names (else the default one), or the problems in the way and exit 1, or an unknown name and exit 2. */
function bookChooser(dir: string, name: string | undefined, io: CliIO): () => ChosenBook {
  return () => {
    const choice = chooseBook(dir, io.cwd, name);
    if (choice.ok) return choice.book;
    if ('unknown' in choice) {
      io.err(choice.unknown);
      throw new KnowledgeFailure(2);
    }
    for (const problem of choice.problems) io.err(formatProblem(problem));
    throw new KnowledgeFailure();
  };
}

/** Runs `brief` with `argv` (without node and script); resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (!command) throw new UsageError(msg.noCommand());
    // Flags win over the environment by standing in for the variables they override.
    const settings = readEnvOptions({ ...io.env, ...(values.knowledge && { KNOWLEDGE_DIR: values.knowledge }), ...(values.log && { FEEDBACK_LOG: values.log }) }, io.cwd);
    const book = bookChooser(settings.knowledgeDir, values.book, io);
    const loadEngine = engineLoader(book, settings.knowledgeCacheDir, io);
    switch (command) {
      case 'ask': {
        const top = numberOption('top', values.top, ENGINE_DEFAULTS.defaultTop, (n) => Number.isInteger(n) && n >= 1 && n <= 50, 'a whole number from 1 to 50');
        return await runAsk(rest.length ? rest.join(' ') : undefined, { json: values.json ?? false, top, context: values.context ?? false, lexical: values.lexical ?? false }, loadEngine, io);
      }
      // Each command's module loads only when it runs, so `brief ask` does not pay for the others at start.
      case 'check': {
        const { runCheck } = await import('./check');
        return runCheck(rest[0] ? path.resolve(io.cwd, rest[0]) : settings.knowledgeDir, io, { strict: values.strict ?? false });
      }
      case 'review': {
        const { runReview } = await import('./review');
        // A folder given here is chosen from like the knowledge folder: its default book, or --book's.
        const chosen = rest[0] ? bookChooser(path.resolve(io.cwd, rest[0]), values.book, io)() : book();
        return runReview(chosen.dir, io);
      }
      case 'eval': {
        const min = numberOption('min', values.min, 0.9, (n) => n >= 0 && n <= 1, 'a ratio from 0 to 1');
        if (!rest[0]) throw new UsageError(msg.evalFileMissing());
        const { runEval } = await import('./eval');
        return await runEval(rest[0], min, loadEngine, io, { json: values.json ?? false, lexical: values.lexical ?? false });
      }
      case 'ingest': {
        const given = { title: values['source-title'], publisher: values.publisher, date: values.date, url: values.url };
        const out = path.resolve(io.cwd, values.out ?? 'knowledge');
        // The document readers (linkedom, mammoth, pdf.js) alone cost ~200 ms to load.
        const { runIngest } = await import('./ingest');
        return await runIngest(rest, { out, given: Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) }, io);
      }
      case 'stats': {
        const { runStats } = await import('./stats');
        return await runStats(book(), settings, io);
      }
      case 'books': {
        const { runBooks } = await import('./books');
        return runBooks(settings.knowledgeDir, openCacheFolder(settings.knowledgeCacheDir, io.err), io);
      }
      case 'gaps': {
        const { runGaps } = await import('./gaps');
        return await runGaps(settings, io, loadEngine, values.apply ?? false, acceptedProposals(values.accept), values.refuse ?? false);
      }
      default:
        throw new UsageError(msg.unknownCommand(command));
    }
  } catch (error) {
    if (error instanceof KnowledgeFailure) return error.exitCode;
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(error instanceof UsageError ? error.message : msg.badOption((error as Error).message));
      io.err(USAGE);
      return 2;
    }
    throw error;
  }
}

export function processIO(): CliIO {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    env: process.env,
    cwd: process.cwd(),
  };
}

export function runFromProcess(): void {
  // A reader that stops early (`brief eval … | head`) closes the pipe: nothing is left to say to it, and it is
  // not an error of ours, so no stack trace; exit as a command killed by SIGPIPE would, 128 + 13.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(141);
  });
  run(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`brief: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runFromProcess();
