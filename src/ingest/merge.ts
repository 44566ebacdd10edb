import { createHash } from 'node:crypto';
import { Document, isMap, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { isVerbatim, prepareText, type StoredText } from '../curation/verbatim';
import { excerpts } from './excerpts';
import { slug, type SourcePlan } from './plan';

export interface MergeReport {
  created: boolean;
  added: number;
  removed: number;
  kept: number;
  published: number;
  /** Published facts whose text the document no longer contains, with their line. */
  stale: Array<{ id: string; line: number }>;
}

const HEADER = ' Drafts written by brief ingest. Review each fact, add questions, and delete "status: draft"\n to publish it; published facts are kept as they are when the document is ingested again.';

/** Ids from the source and the excerpt: the same sentence of the same source always gets the same id. */
function factId(title: string, text: string, taken: Set<string>): string {
  const base = `${slug(title, 40)}-${createHash('sha256').update(text).digest('hex').slice(0, 6)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The knowledge file for a source: new, or the curator's file updated in place (comments kept).
 * Published facts are never touched; drafts no longer in the document go; sentences a published
 * fact already quotes get no new draft.
 */
export function mergeSource(existing: string | undefined, plan: SourcePlan, textFile: string, stored: StoredText): { yaml: string; report: MergeReport } {
  const doc: Document = existing === undefined ? new Document({ source: {}, facts: [] }) : parseDocument(existing);
  if (existing === undefined) doc.commentBefore = HEADER;
  const source = doc.get('source') as YAMLMap;
  for (const [key, value] of Object.entries(plan.seen)) if (value !== undefined && !source.has(key)) source.set(key, value);
  for (const [key, value] of Object.entries(plan.given)) if (value !== undefined) source.set(key, value);
  source.set('text_file', textFile);

  const facts = doc.get('facts') as YAMLSeq;
  const items = facts.items.filter(isMap);
  const isDraft = (item: YAMLMap) => item.get('status') === 'draft';
  const published = items.filter((item) => !isDraft(item)).map((item) => ({ id: String(item.get('id')), text: String(item.get('text')), item }));
  const publishedTexts = published.map((p) => prepareText(p.text));
  const covered = (sentence: string) => publishedTexts.some((text) => isVerbatim(sentence, text));

  const title = String(source.get('title'));
  const taken = new Set(items.filter((item) => !isDraft(item)).map((item) => String(item.get('id'))));
  const wanted = excerpts(plan.paragraphs, covered).map((text) => ({ id: factId(title, text, taken), text }));
  const wantedIds = new Set(wanted.map((w) => w.id));
  const draftIds = new Set(items.filter(isDraft).map((item) => String(item.get('id'))));

  const report: MergeReport = { created: existing === undefined, added: 0, removed: 0, kept: 0, published: published.length, stale: [] };
  facts.items = facts.items.filter((item) => {
    if (!isMap(item) || !isDraft(item)) return true;
    if (wantedIds.has(String(item.get('id')))) report.kept++;
    else report.removed++;
    return wantedIds.has(String(item.get('id')));
  });
  for (const { id, text } of wanted) {
    if (draftIds.has(id)) continue;
    facts.items.push(doc.createNode({ id, status: 'draft', text }));
    report.added++;
  }
  for (const p of published) {
    if (isVerbatim(p.text, stored)) continue;
    report.stale.push({ id: p.id, line: (existing ?? '').slice(0, p.item.range?.[0] ?? 0).split('\n').length });
  }
  return { yaml: doc.toString({ lineWidth: 100, flowCollectionPadding: false }), report };
}
