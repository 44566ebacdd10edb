import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { brief } from '../helpers/cli';
import { FIXTURES } from '../helpers/paths';

// A real HTTP server on loopback stands in for the web: the page is the HTML fixture, served as text/html.
let server: Server;
let base = '';
beforeAll(async () => {
  const page = readFileSync(path.join(FIXTURES, 'ingest', 'news-article-with-nav-and-ads.html'));
  server = createServer((req, res) => {
    if (req.url === '/news/river-park') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else if (req.url === '/moved') res.writeHead(302, { location: '/news/river-park' }).end();
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('brief ingest URL', () => {
  it('downloads a page, drafts its article, and records the address as the source url and origin', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'brief-ingest-url-'));
    const result = await brief(['ingest', `${base}/moved`, '--out', out]);
    expect(result).toMatchObject({ code: 0, err: '' });
    const [draft] = loadKnowledgeOrThrow(out).drafts ?? [];
    expect(draft!.source).toMatchObject({ title: 'City council approves river park', url: `${base}/moved` });
    const origin = readdirSync(path.join(out, 'sources')).find((f) => f.endsWith('.origin.yml'))!;
    expect(readFileSync(path.join(out, 'sources', origin), 'utf8')).toContain(`from: "${base}/moved"`);
    expect((await brief(['check', out])).code).toBe(0);
  });

  it('says which address failed and writes nothing', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'brief-ingest-url-'));
    const result = await brief(['ingest', `${base}/gone`, '--out', out]);
    expect(result).toMatchObject({ code: 1, err: `${base}/gone: could not download it (HTTP 404): nothing was written` });
    expect(readdirSync(out)).toEqual([]);
  });
});
