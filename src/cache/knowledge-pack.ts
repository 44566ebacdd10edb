import { z } from 'zod';
import { aliasesFileSchema, sourceSchema, type Fact, type KnowledgeBase } from '../knowledge/schema';
import { packStrings, unpackStrings, type Packed } from './packed';

/** Bump when the packed shape of knowledge changes, so old cache files are ignored. */
const KNOWLEDGE_FORMAT = 2;
/** Per fact in `meta`: number of questions, number of tags, line, index of its source. */
const META = 4;

const headerSchema = z.object({
  format: z.literal(KNOWLEDGE_FORMAT),
  fingerprint: z.string(),
  sources: z.array(sourceSchema.extend({ file: z.string() })),
  aliases: z.union([z.tuple([]), aliasesFileSchema]),
});

/**
 * Knowledge as packed sections: every fact's strings (id, text, questions, tags) in one string table
 * and its counts, line and source in an Int32Array; each source is stored once, as facts share it.
 */
export function packKnowledge(knowledge: KnowledgeBase): Packed {
  const sourceIndex = new Map(knowledge.sources.map((source, i) => [source.file, i]));
  const strings: string[] = [];
  const meta = new Int32Array(knowledge.facts.length * META);
  knowledge.facts.forEach((f, i) => {
    strings.push(f.id, f.text, ...f.questions, ...f.tags);
    meta.set([f.questions.length, f.tags.length, f.line, sourceIndex.get(f.file)!], i * META);
  });
  const { text, lengths } = packStrings(strings);
  const { fingerprint, sources, aliases } = knowledge;
  return { header: { format: KNOWLEDGE_FORMAT, fingerprint, sources, aliases }, sections: { text, lengths, meta } };
}

/**
 * Knowledge back from `packKnowledge`; throws if anything does not fit. Sources and aliases are
 * validated again with the knowledge schemas; facts only for shape and ranges, because re-running
 * the fact schema costs ~0.6 s at 100k facts and cached files are already authenticated (sealed-file.ts):
 * only this user's bot or `brief`, after validating them, can have written them.
 */
export function unpackKnowledge(packed: Packed): KnowledgeBase {
  const header = headerSchema.parse(packed.header);
  const { text, lengths, meta } = packed.sections;
  if (!(text instanceof Uint8Array && lengths instanceof Int32Array && meta instanceof Int32Array) || meta.length % META) {
    throw new Error('packed knowledge: sections missing');
  }
  const strings = unpackStrings(text, lengths);
  const shared = header.sources.map(({ file: _file, ...source }) => source);
  const facts: Fact[] = [];
  let at = 0;
  for (let i = 0; i < meta.length; i += META) {
    const [questions, tags, line, source] = [meta[i]!, meta[i + 1]!, meta[i + 2]!, meta[i + 3]!];
    const end = at + 2 + questions + tags;
    if (questions < 0 || tags < 0 || end > strings.length || line < 1 || !shared[source]) throw new Error('packed knowledge: fact out of range');
    // Spelled out, not spread: at 100k facts a spread costs ~0.4 s.
    facts.push({
      id: strings[at]!,
      text: strings[at + 1]!,
      questions: strings.slice(at + 2, at + 2 + questions),
      tags: strings.slice(at + 2 + questions, end),
      source: shared[source],
      file: header.sources[source]!.file,
      line,
    });
    at = end;
  }
  if (at !== strings.length) throw new Error('packed knowledge: strings left over');
  return { facts, sources: header.sources, aliases: header.aliases, fingerprint: header.fingerprint };
}
