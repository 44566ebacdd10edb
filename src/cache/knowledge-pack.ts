import { isHttpUrl, isInsideFolder } from '../knowledge/limits';
import type { Fact, KnowledgeBase } from '../knowledge/schema';
import { headerOf, is, packStrings, stringReader, type Packed } from './packed';

/** Bump when the packed shape of knowledge changes, so old cache files are ignored. */
const KNOWLEDGE_FORMAT = 4;
/** Per fact in `meta`: number of questions, of tags and of `does_not_answer` phrasings, line, index of its source, optional fields present. */
const META = 6;
/** Bits of the last meta value: which optional fields follow the tags in the string table. */
const HAS = Object.freeze({ asOf: 1, reviewBy: 2, published: 4, draft: 8 });

type Header = Pick<KnowledgeBase, 'fingerprint' | 'sources' | 'aliases'>;

const isText = (v: unknown): v is string => typeof v === 'string';
const isSource = (v: unknown): boolean => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    isText(s.title) && s.title.trim() !== '' && isText(s.file) && Object.values(s).every((x) => x === undefined || isText(x)) &&
    (s.url === undefined || isHttpUrl(s.url as string)) && (s.text_file === undefined || isInsideFolder(s.text_file as string))
  );
};

/**
 * The header by hand (sources are few; zod would cost ~85 ms to load on every warm start). What the bot
 * posts or reads from it (a source's title and link, the stored text's path, the aliases the index is
 * built with) must be what validation lets through, whoever sealed the file.
 */
function checkHeader(h: Header): Header {
  const { fingerprint, sources, aliases } = h as Record<keyof Header, unknown>;
  const fits = isText(fingerprint) && Array.isArray(sources) && sources.every(isSource) && Array.isArray(aliases) && aliases.every((g) => Array.isArray(g) && g.every(isText));
  if (!fits) throw new Error('packed knowledge: header malformed');
  return h;
}

/**
 * Knowledge as packed sections: every fact's strings (id, text, questions, tags, does_not_answer) in one string table
 * and its counts, line and source in an Int32Array; each source is stored once, as facts share it.
 */
export function packKnowledge(knowledge: KnowledgeBase): Packed {
  const sourceIndex = new Map(knowledge.sources.map((source, i) => [source.file, i]));
  const strings: string[] = [];
  // Drafts travel with the published facts, marked, so `brief check` can list them from the cache too.
  const all = [...knowledge.facts, ...(knowledge.drafts ?? [])];
  const meta = new Int32Array(all.length * META);
  all.forEach((f, i) => {
    const notAnswered = f.does_not_answer ?? [];
    strings.push(f.id, f.text, ...f.questions, ...f.tags, ...notAnswered);
    if (f.as_of !== undefined) strings.push(f.as_of);
    if (f.review_by !== undefined) strings.push(f.review_by);
    const flags = (f.as_of !== undefined ? HAS.asOf : 0) | (f.review_by !== undefined ? HAS.reviewBy : 0) | (f.status === 'published' ? HAS.published : 0) | (f.status === 'draft' ? HAS.draft : 0);
    meta.set([f.questions.length, f.tags.length, notAnswered.length, f.line, sourceIndex.get(f.file)!, flags], i * META);
  });
  const { text, lengths } = packStrings(strings);
  const { fingerprint, sources, aliases } = knowledge;
  return { header: { format: KNOWLEDGE_FORMAT, fingerprint, sources, aliases }, sections: { text, lengths, meta } };
}

/**
 * Knowledge back from `packKnowledge`; throws if anything does not fit. Facts are checked for shape and
 * ranges only, not against the knowledge schemas: that would cost ~0.6 s at 100k facts, and cached files
 * are already authenticated (sealed-file.ts): only this user's bot or `brief`, after validating them,
 * can have written them.
 */
export function unpackKnowledge(packed: Packed): KnowledgeBase {
  const steps = unpacking(packed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Facts unpacked between two yields of `unpacking`: a few milliseconds of work. */
const FACTS_PER_STEP = 2000;

/** `unpackKnowledge` in steps, so a caller on the bot's event loop can let requests in between (see watch.ts). */
export function* unpacking(packed: Packed): Generator<void, KnowledgeBase> {
  const header = checkHeader(headerOf<Header>(packed, { format: KNOWLEDGE_FORMAT }, 'packed knowledge'));
  const { text, lengths, meta } = packed.sections;
  if (!(is.u8(text) && is.i32(lengths) && is.i32(meta)) || meta.length % META) {
    throw new Error('packed knowledge: sections missing');
  }
  const strings = stringReader(text, lengths);
  const shared = header.sources.map(({ file: _file, ...source }) => source);
  const facts: Fact[] = [];
  const drafts: Fact[] = [];
  // Sized up front: an array grown by push reserves 17 slots for its first element, ~13 MB more at 100k facts.
  const take = (n: number) => {
    const out = new Array<string>(n);
    for (let k = 0; k < n; k++) out[k] = strings.next();
    return out;
  };
  for (let i = 0; i < meta.length; i += META) {
    if (i > 0 && i % (FACTS_PER_STEP * META) === 0) yield;
    const [questions, tags, notAnswered, line, source, flags] = [meta[i]!, meta[i + 1]!, meta[i + 2]!, meta[i + 3]!, meta[i + 4]!, meta[i + 5]!];
    const optional = (flags & HAS.asOf ? 1 : 0) + (flags & HAS.reviewBy ? 1 : 0);
    if (questions < 0 || tags < 0 || notAnswered < 0 || 2 + questions + tags + notAnswered + optional > strings.left() || line < 1 || !shared[source]) {
      throw new Error('packed knowledge: fact out of range');
    }
    // Spelled out, not spread: at 100k facts a spread costs ~0.4 s.
    const fact: Fact = { id: strings.next(), text: strings.next(), questions: take(questions), tags: take(tags), source: shared[source], file: header.sources[source]!.file, line };
    // Only when written: most facts have none, and an empty list each is ~2 MB at 100k facts.
    if (notAnswered > 0) fact.does_not_answer = take(notAnswered);
    if (flags & HAS.asOf) fact.as_of = strings.next();
    if (flags & HAS.reviewBy) fact.review_by = strings.next();
    if (flags & HAS.published) fact.status = 'published';
    if (flags & HAS.draft) fact.status = 'draft';
    (flags & HAS.draft ? drafts : facts).push(fact);
  }
  strings.end();
  return { facts, drafts, sources: header.sources, aliases: header.aliases, fingerprint: header.fingerprint };
}
