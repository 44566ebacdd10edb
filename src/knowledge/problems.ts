import type { z } from 'zod';
import { fieldHints, knowledgeMessages as msg } from '../messages';

/** One thing wrong with a knowledge file, reported as `path:line: message`, or `path: message` for a whole file or folder. */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

export const formatProblem = (p: Problem): string => `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`;

export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value === 'string' ? 'text' : `a ${typeof value}`} (${JSON.stringify(value)})`;
}

const expectedNames: Record<string, string> = { string: 'text', array: 'a list', object: 'a mapping', record: 'a mapping' };

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** Turns a zod issue into a curator-facing message; `allowedKeys` lists the fields a mapping accepts. */
export function issueMessage(
  issue: z.core.$ZodIssue,
  root: unknown,
  allowedKeys: (path: ReadonlyArray<PropertyKey>) => readonly string[],
): string {
  const field = fieldName(issue.path) || 'the file';
  const value = valueAt(root, issue.path);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        const hint = fieldHints[String(last)] ?? 'add it';
        return msg.required(field, hint);
      }
      return msg.wrongType(field, expectedNames[issue.expected] ?? issue.expected, describe(value));
    }
    case 'too_big':
      if (last === 'id') return msg.idTooLong(field, String(value).length);
      return msg.textTooLong(field, typeof value === 'string' ? value.trim().length : Number(issue.maximum));
    case 'too_small':
      if (issue.origin === 'array') {
        if (last === 'facts') return msg.noFacts(field);
        return issue.path.length === 0 ? msg.noAliasGroups() : msg.aliasGroupTooSmall(Number(issue.path[0]) + 1);
      }
      return msg.empty(field);
    case 'invalid_format':
      return msg.badId(field, String(value));
    case 'custom': {
      const rule = (issue.params as { rule?: string } | undefined)?.rule;
      if (rule === 'date') return msg.badDate(field, String(value));
      if (rule === 'url') return msg.badUrl(field, String(value));
      if (rule === 'text_file') return msg.badTextFile(field, String(value));
      return msg.invalid(field, issue.message);
    }
    case 'invalid_value':
      return msg.badChoice(field, String(value), issue.values.map(String));
    case 'unrecognized_keys':
      // One message per key is built by the caller; this covers the first for completeness.
      return msg.unknownField(field, issue.keys[0] ?? '', allowedKeys(issue.path));
    default:
      return msg.invalid(field, issue.message);
  }
}
