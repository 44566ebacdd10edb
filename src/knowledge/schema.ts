import { z } from 'zod';
import { isHttpUrl, isInsideFolder, isValidPartialDate, KNOWLEDGE_LIMITS } from './limits';

// YAML reads a bare `2024` as a number; a curator means the text "2024" (a year, a tag).
const numberAsText = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'number' ? String(v) : v), schema);

const nonEmptyString = z.string().trim().min(1);

const partialDate = () => numberAsText(z.string().refine(isValidPartialDate, { params: { rule: 'date' } })).optional();

export const sourceSchema = z.strictObject({
  title: nonEmptyString,
  publisher: nonEmptyString.optional(),
  date: partialDate(),
  url: z.string().refine(isHttpUrl, { params: { rule: 'url' } }).optional(),
  as_of: partialDate(),
  review_by: partialDate(),
  text_file: z.string().refine(isInsideFolder, { params: { rule: 'text_file' } }).optional(),
});

export const factSchema = z.strictObject({
  id: z.string().regex(KNOWLEDGE_LIMITS.factIdPattern).max(KNOWLEDGE_LIMITS.maxIdLength),
  text: nonEmptyString.max(KNOWLEDGE_LIMITS.maxTextLength),
  questions: z.array(nonEmptyString).default([]),
  /** Near-misses the fact does not answer (role swaps, details it lacks): a question closer to one of them than to its own questions is not answered with it. */
  does_not_answer: z.array(nonEmptyString).optional(),
  tags: z.array(numberAsText(nonEmptyString)).default([]),
  status: z.enum(['draft', 'published']).optional(),
  as_of: partialDate(),
  review_by: partialDate(),
});

export const knowledgeFileSchema = z.strictObject({
  source: sourceSchema,
  facts: z.array(factSchema).min(1),
});

export const aliasesFileSchema = z.array(z.array(nonEmptyString).min(2)).min(1);

export type Source = z.infer<typeof sourceSchema>;
export type FactEntry = z.infer<typeof factSchema>;
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;

/** A fact as the engine and the bots see it: the entry, its source, and where it was written. */
export interface Fact extends FactEntry {
  source: Source;
  file: string;
  line: number;
}

export interface KnowledgeBase {
  /** Published facts: the only ones answered. */
  facts: Fact[];
  /** Facts marked `status: draft`: listed by `brief check`, never answered. */
  drafts?: Fact[];
  sources: Array<Source & { file: string }>;
  aliases: string[][];
  /** Content hash of every file read; keys caches. */
  fingerprint: string;
}
