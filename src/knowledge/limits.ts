import path from 'node:path';

// Kept apart from schema.ts so that messages and other modules on a warm start can use them without loading zod.

/** Limits and patterns of the knowledge format; documented in knowledge/README.md. */
export const KNOWLEDGE_LIMITS = Object.freeze({
  maxTextLength: 3000,
  // Ids travel in Slack button values and log lines; a sentence-long id is a text pasted into the wrong field.
  maxIdLength: 100,
  factIdPattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  datePattern: /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/,
});

export function isValidPartialDate(value: string): boolean {
  const match = KNOWLEDGE_LIMITS.datePattern.exec(value);
  if (!match) return false;
  const [, , month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(match[1]), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The stored text lives beside the knowledge; a path climbing out of the folder or absolute is refused. */
export const isInsideFolder = (value: string) => !path.isAbsolute(value) && !value.split(/[\\/]/).includes('..');
