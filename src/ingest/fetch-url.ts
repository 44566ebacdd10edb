import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ingestMessages as msg } from '../messages';
import { IngestError } from './errors';

/** The reader each kind of response needs, by content type (the URL's own extension when the type is vague). */
const EXTENSIONS: ReadonlyArray<[RegExp, string]> = [
  [/^text\/html|^application\/xhtml/, '.html'],
  [/^application\/pdf/, '.pdf'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/, '.docx'],
  [/^text\/markdown/, '.md'],
  [/^text\/plain/, '.txt'],
];

export const FETCH_LIMITS = Object.freeze({ timeoutMs: 30_000, maxBytes: 50 * 1024 * 1024 });

export const isUrl = (input: string) => /^https?:\/\//i.test(input);

/**
 * Downloads a document into a private temporary folder, named with the extension its reader needs;
 * the caller removes it with `done()`. Failures say what went wrong with which address.
 */
export async function fetchDocument(url: string): Promise<{ file: string; done: () => void }> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_LIMITS.timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new IngestError([msg.fetchFailed(url, cause?.code ?? cause?.message ?? (error as Error).message)]);
  }
  if (!response.ok) throw new IngestError([msg.fetchFailed(url, `HTTP ${response.status}`)]);
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  const fromPath = path.extname(new URL(response.url || url).pathname).toLowerCase();
  const ext = EXTENSIONS.find(([pattern]) => pattern.test(type))?.[1] ?? (fromPath || '.html');
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > FETCH_LIMITS.maxBytes) throw new IngestError([msg.fetchFailed(url, `larger than ${FETCH_LIMITS.maxBytes / 1024 / 1024} MB`)]);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > FETCH_LIMITS.maxBytes) throw new IngestError([msg.fetchFailed(url, `larger than ${FETCH_LIMITS.maxBytes / 1024 / 1024} MB`)]);
  const dir = mkdtempSync(path.join(tmpdir(), 'brief-ingest-'));
  const file = path.join(dir, `document${ext}`);
  writeFileSync(file, bytes, { mode: 0o600 });
  return { file, done: () => rmSync(dir, { recursive: true, force: true }) };
}
