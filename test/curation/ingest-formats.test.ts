import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { brief } from '../helpers/cli';
import { FIXTURES, REPO } from '../helpers/paths';

const fixture = (name: string) => path.join(FIXTURES, 'ingest', name);

/**
 * PDFs are ingested by the compiled command, as curators run it: pdf.js loads its bundle with a
 * dynamic import, which jest's module sandbox does not allow. Other formats run in-process (faster).
 */
async function ingest(args: string[], cwd = REPO) {
  if (!args.some((arg) => arg.endsWith('.pdf'))) return brief(['ingest', ...args], { cwd });
  const result = spawnSync(process.execPath, [path.join(REPO, 'bin', 'brief.js'), 'ingest', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout.trimEnd(), err: result.stderr.trimEnd() };
}
const tmp = () => mkdtempSync(path.join(tmpdir(), 'brief-ingest-'));

/** Ingests one fixture into a fresh folder; the drafts must load and pass brief check (verbatim against the stored text). */
async function ingested(name: string, extra: string[] = []) {
  const out = tmp();
  const result = await ingest([fixture(name), '--out', out, ...extra]);
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  const check = await brief(['check', out]);
  expect(check.err).toBe('');
  expect(check.code).toBe(0);
  const drafts = loadKnowledgeOrThrow(out).drafts ?? [];
  const storedName = readdirSync(path.join(out, 'sources')).find((f) => f.endsWith('.txt'))!;
  return { out, drafts, source: drafts[0]!.source, stored: readFileSync(path.join(out, 'sources', storedName), 'utf8'), printed: result.out };
}

describe('brief ingest, one reader per format', () => {
  it('an HTML page keeps the article and drops nav, ads, sidebar and footer', async () => {
    const { drafts, source, stored } = await ingested('news-article-with-nav-and-ads.html');
    expect(source).toMatchObject({ title: 'City council approves river park', publisher: 'Riverside Gazette', date: '2024-03-14' });
    expect(source.url).toBeUndefined();
    for (const noise of ['Advertisement', 'Subscribe', 'Most read', 'Riverside Gazette. All rights', 'Sport']) expect(stored).not.toContain(noise);
    expect(drafts.map((f) => f.text)).toContain('Residents can comment on the detailed plans at the library until the end of April.');
    expect(drafts).toHaveLength(4);
  });

  it('a two-page PDF gives drafts from both pages, titled from its Title property', async () => {
    const { drafts, source, stored } = await ingested('two-page-report.pdf');
    expect(source.title).toBe('Harbour Authority Annual Report 2023');
    expect(drafts.map((f) => f.text)).toEqual([
      'The harbour handled 4.2 million tonnes of cargo in 2023.',
      'Container traffic rose by eight percent over the year.',
      'The new north quay opened to ships in September.',
      'Dredging of the main channel is planned for 2025.',
    ]);
    expect(stored).toContain('Dredging of the main channel');
  });

  it('a Word document takes its Title paragraph as the source title', async () => {
    const { drafts, source } = await ingested('field-office-memo.docx');
    expect(source.title).toBe('Field Office Memo: Spring Floods');
    expect(drafts.map((f) => f.text)).toEqual([
      'The field office opened two shelters in March.',
      'Both shelters closed in May once the river had fallen. Volunteers from three towns staffed them.',
    ]);
  });

  it('a Markdown file is stored as the text a reader sees: no markup in facts', async () => {
    const { drafts, source, stored } = await ingested('programme-overview.md', ['--publisher', 'County Youth Service', '--date', '2024-02', '--url', 'https://example.org/mentoring']);
    expect(source).toMatchObject({ title: 'Youth Mentoring Programme: Overview', publisher: 'County Youth Service', date: '2024-02', url: 'https://example.org/mentoring' });
    expect(drafts[0]!.text).toBe('The Youth Mentoring Programme pairs volunteers with pupils aged 12 to 16. It runs in eleven schools across the county.');
    expect(drafts.map((f) => f.text)).not.toContain('How it works');
    expect(stored).not.toMatch(/\*\*|\]\(|^#|^- |^> /m);
  });

  it('gives stable ids: the same document ingested twice changes nothing', async () => {
    const { out } = await ingested('two-page-report.pdf');
    const again = await ingest([fixture('two-page-report.pdf'), '--out', out]);
    expect(again.out).toMatch(/harbour-authority-annual-report-2023\.yml: unchanged/);
  });
});

describe('brief ingest refuses, writing nothing', () => {
  const refused = async (args: string[]) => {
    const out = tmp();
    const result = await ingest([...args, '--out', out], FIXTURES);
    expect(readdirSync(out)).toEqual([]);
    return result;
  };

  it('a malformed PDF', async () => {
    const { code, err } = await refused(['ingest/two-page-report.pdf', 'ingest/truncated-upload.pdf']);
    expect(code).toBe(1);
    expect(err).toBe('ingest/truncated-upload.pdf: not a readable PDF (Invalid PDF structure.): nothing was written');
  });

  it('a password-protected PDF', async () => {
    expect((await refused(['ingest/password-protected.pdf'])).err).toBe(
      'ingest/password-protected.pdf: the PDF is password-protected: save an unprotected copy and ingest that',
    );
  });

  it('an empty file, a missing file, an unknown format', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'empty.txt'), '  \n');
    writeFileSync(path.join(dir, 'slides.pptx'), 'x');
    expect((await refused([path.join(dir, 'empty.txt')])).err).toBe(`${path.join(dir, 'empty.txt')}: no text found: the document is empty (a scanned PDF needs OCR first)`);
    expect((await refused(['ingest/nowhere.pdf'])).err).toMatch(/^ingest\/nowhere\.pdf: cannot read the file \(ENOENT/);
    expect((await refused([path.join(dir, 'slides.pptx')])).err).toBe(`${path.join(dir, 'slides.pptx')}: cannot ingest ".pptx" files: give a .txt, .md, .html, .docx or .pdf document`);
  });

  it('a bad --date, and --source-title on a document of many sources', async () => {
    expect((await refused(['ingest/programme-overview.md', '--date', '2024-13'])).err).toBe(
      'brief ingest: --date "2024-13" is not valid: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05',
    );
    const notes = path.join(__dirname, '..', '..', 'knowledge', 'sources', 'briefing-notes-nrf.txt');
    expect((await refused([notes, '--source-title', 'Notes'])).err).toMatch(/--source-title names one source, but the document has 6 sections/);
  });

  it('no file at all is a usage error', async () => {
    const { code, err } = await ingest([]);
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('brief ingest: give the documents to ingest, e.g. brief ingest report.pdf --out knowledge/');
  });
});

describe('brief ingest, large and repeated inputs', () => {
  it('prints a progress line for an input of a megabyte or more', async () => {
    const dir = tmp();
    const sentence = 'The survey counted twelve thousand households in the valley that spring. ';
    writeFileSync(path.join(dir, 'survey.txt'), `Valley Household Survey\n${`${sentence.repeat(5)}\n`.repeat(2900)}`);
    const { code, err } = await brief(['ingest', path.join(dir, 'survey.txt'), '--out', path.join(dir, 'out')]);
    expect(code).toBe(0);
    expect(err).toBe(`Reading ${path.join(dir, 'survey.txt')} (1.0 MB)…`);
  });

  it('refuses two documents that would write the same file', async () => {
    const out = tmp();
    const { code, err } = await brief(['ingest', fixture('programme-overview.md'), fixture('programme-overview.md'), '--out', out]);
    expect(code).toBe(1);
    expect(err).toMatch(/^two of the documents would both write .*sources\/youth-mentoring-programme-overview\.txt \(same source title or file name\)/);
    expect(readdirSync(out)).toEqual([]);
  });
});
