import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { prepareText } from '../curation/verbatim';
import { IngestError } from '../ingest/errors';
import { extract } from '../ingest/extract';
import { fetchDocument, isUrl } from '../ingest/fetch-url';
import { mergeSource, type MergeReport } from '../ingest/merge';
import { planSources, slug, type GivenFields } from '../ingest/plan';
import type { OutputFile } from '../ingest/write';
import { writeAll } from '../ingest/write';
import { parseYaml } from '../knowledge/parse-file';
import { formatProblem } from '../knowledge/problems';
import { knowledgeFileSchema, sourceSchema } from '../knowledge/schema';
import { today } from '../knowledge/review';
import { ingestMessages as msg, knowledgeMessages } from '../messages';
import type { CliIO } from './io';

export interface IngestOptions {
  out: string;
  given: GivenFields;
}

/** Inputs from this size up get a progress line: PDFs that big take seconds. */
const PROGRESS_BYTES = 1024 * 1024;

const statSizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

const shownPath = (file: string, cwd: string) => {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative : file;
};

function checkGiven(given: GivenFields): void {
  const result = sourceSchema.partial().safeParse(given);
  if (result.success) return;
  throw new IngestError(
    result.error.issues.map((issue) => {
      const field = String(issue.path[0]);
      const value = String(given[field as keyof GivenFields]);
      const option = { title: '--source-title', publisher: '--publisher', date: '--date', url: '--url' }[field] ?? field;
      return msg.badOption(option, value, field === 'date' ? knowledgeMessages.badDate('it', value).split(': ').slice(1).join(': ') : 'give a full http:// or https:// address');
    }),
  );
}

interface Planned {
  outputs: OutputFile[];
  lines: string[];
}

async function planDocument(input: string, options: IngestOptions, io: CliIO): Promise<Planned> {
  // A web address is downloaded first; it is then the document's name and, unless given, its source url.
  const fetched = isUrl(input) ? await fetchDocument(input) : undefined;
  const file = fetched?.file ?? path.resolve(io.cwd, input);
  const shown = fetched ? input : shownPath(file, io.cwd);
  let doc: Awaited<ReturnType<typeof extract>>;
  try {
    if (statSizeOf(file) >= PROGRESS_BYTES) io.err(msg.progress(shown, (statSizeOf(file) / 1024 / 1024).toFixed(1)));
    doc = await extract(file, shown);
  } finally {
    fetched?.done();
  }
  const given = fetched && !options.given.url ? { ...options.given, url: input } : options.given;
  const plans = planSources(doc, given, shown);
  const textName = plans.length === 1 ? plans[0]!.name : slug(path.basename(file).replace(/\.[^.]+$/, ''));
  const textFile = `sources/${textName}.txt`;
  const stored = prepareText(doc.text);
  const sha256 = createHash('sha256').update(doc.text).digest('hex');
  const outDir = options.out;
  const outputs: OutputFile[] = [
    { path: path.join(outDir, textFile), content: doc.text },
    {
      path: path.join(outDir, 'sources', `${textName}.origin.yml`),
      content: `# Where ${textFile} came from; written by brief ingest.\nfrom: ${JSON.stringify(fetched ? input : path.relative(outDir, file))}\nformat: ${doc.format}\nsha256: ${sha256}\ningested: ${today()}\n`,
    },
  ];
  const lines = [msg.storedText(shownPath(path.join(outDir, textFile), io.cwd), sha256)];
  for (const plan of plans) {
    const target = path.join(outDir, `${plan.name}.yml`);
    const shownTarget = shownPath(target, io.cwd);
    const existing = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    const parsed = existing === undefined ? undefined : parseYaml(shownTarget, existing, knowledgeFileSchema);
    if (parsed && !parsed.ok) throw new IngestError([msg.existingInvalid(shownTarget), ...parsed.problems.map(formatProblem)]);
    const { yaml, report } = mergeSource(existing, plan, textFile, stored);
    if (yaml !== existing) outputs.push({ path: target, content: yaml });
    lines.push(...describe(shownTarget, report, plan.seen.title ?? '', yaml === existing));
  }
  return { outputs, lines };
}

function describe(file: string, report: MergeReport, title: string, unchanged: boolean): string[] {
  if (unchanged) return [msg.unchanged(file)];
  const head = report.created ? msg.created(file, report.added, title) : msg.updated(file, report);
  return [head, ...report.stale.map(({ id, line }) => formatProblem({ file, line, message: msg.stale(id) }))];
}

/** `brief ingest FILE…`: every document is read and every file planned before anything is written. */
export async function runIngest(inputs: readonly string[], options: IngestOptions, io: CliIO): Promise<number> {
  if (inputs.length === 0) {
    io.err(msg.noFiles());
    return 2;
  }
  try {
    checkGiven(options.given);
    const planned: Planned[] = [];
    for (const input of inputs) planned.push(await planDocument(input, options, io));
    const outputs = planned.flatMap((p) => p.outputs);
    const twice = outputs.find((o, i) => outputs.findIndex((other) => other.path === o.path) !== i);
    if (twice) throw new IngestError([msg.sameOutput(shownPath(twice.path, io.cwd))]);
    writeAll(outputs);
    for (const line of planned.flatMap((p) => p.lines)) io.out(line);
    io.out(msg.next(shownPath(options.out, io.cwd) || '.'));
    return 0;
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    for (const line of error.lines) io.err(line);
    return 1;
  }
}
