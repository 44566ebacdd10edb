import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface OutputFile {
  path: string;
  content: string;
}

/**
 * Writes every file or none: all are written to temporary names first, then renamed into place,
 * so a failure (disk full, permissions) leaves no half-written knowledge behind.
 */
export function writeAll(files: readonly OutputFile[]): void {
  const temporary = files.map((file) => `${file.path}.${process.pid}.tmp`);
  try {
    files.forEach((file, i) => {
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(temporary[i]!, file.content, { flag: 'wx' });
    });
  } catch (error) {
    for (const t of temporary) rmSync(t, { force: true });
    throw error;
  }
  files.forEach((file, i) => renameSync(temporary[i]!, file.path));
}
