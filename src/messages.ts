/**
 * Every message a user or curator can see, in one place, so wording stays consistent and tests can
 * assert it exactly. Each says what is wrong, where, and how to fix it.
 */
import { KNOWLEDGE_LIMITS } from './knowledge/schema';

const limit = KNOWLEDGE_LIMITS.maxTextLength.toLocaleString('en-US');

export const knowledgeMessages = Object.freeze({
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  emptyFile: () =>
    'the file is empty: a knowledge file needs a source: block and a facts: list (see knowledge/README.md)',
  notAMapping: (found: string) =>
    `the file should be a mapping with source: and facts: at the top level, not ${found}`,
  required: (field: string, hint: string) => `${field} is required: ${hint}`,
  wrongType: (field: string, expected: string, found: string) => `${field} should be ${expected}, not ${found}`,
  empty: (field: string) => `${field} is empty: remove it or give it a value`,
  textTooLong: (field: string, length: number) =>
    `${field} is ${length.toLocaleString('en-US')} characters long, over the ${limit} limit: split it into smaller facts`,
  noFacts: (field: string) => `${field} has no facts: add at least one fact, or remove the file`,
  aliasGroupTooSmall: (field: string) => `${field} has a single term: an alias group needs two or more terms that mean the same`,
  noAliasGroups: () => 'the aliases file has no groups: add groups like "- [NRF, National Resistance Front]" or delete the file',
  badId: (field: string, value: string) =>
    `${field} "${value}" is not a valid id: use lowercase letters, digits and single hyphens, e.g. "programme-base"`,
  badDate: (field: string, value: string) =>
    `${field} "${value}" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05`,
  badUrl: (field: string, value: string) => `${field} "${value}" is not a web address: use a full http:// or https:// URL`,
  unknownField: (where: string, key: string, allowed: readonly string[]) =>
    `${where} has an unknown field "${key}": allowed fields are ${allowed.join(', ')}`,
  duplicateId: (field: string, id: string, firstAt: string) =>
    `${field} "${id}" is already used at ${firstAt}: fact ids must be unique across the knowledge base`,
  invalid: (field: string, detail: string) => `${field} is invalid: ${detail}`,
  dirMissing: (dir: string) =>
    `${dir}: knowledge folder not found: pass --knowledge DIR or set KNOWLEDGE_DIR to a folder of *.yml files`,
  noFiles: (dir: string) =>
    `${dir}: no knowledge files (*.yml, *.yaml) found: add one file per source (see knowledge/README.md)`,
  unreadable: (detail: string) => `cannot read the file: ${detail}`,
});

export const fieldHints: Readonly<Record<string, string>> = Object.freeze({
  source: 'add a source: block with at least a title',
  title: 'give the source its title',
  facts: 'add a facts: list with at least one fact',
  id: 'give the fact an id made of lowercase letters, digits and hyphens',
  text: 'add the verbatim excerpt this fact quotes',
});
