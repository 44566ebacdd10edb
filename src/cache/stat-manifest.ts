import { statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CacheFolder } from './cache-folder';
import { readSealed } from './sealed-file';
import { statManifestFile, storeSealed } from './store';

/**
 * The stat manifest: how git's index knows a file is unchanged without reading it (git's
 * Documentation/technical/racy-git.txt). For each knowledge file it records name, size, mtime,
 * ctime, inode and device, with the fingerprint of the contents read at the time; when every stamp
 * still matches, the fingerprint is taken from here and the YAML is neither read nor hashed.
 * An edit cannot hide behind a reset mtime: ctime is set by the kernel on every change and user
 * space cannot set it back, and a replaced file has a new inode.
 */
const MANIFEST_FORMAT = 1;

/**
 * "Racy git": a file changed in the same timestamp tick as it was stat'ed can change again without
 * its stamps changing, so stamps are trusted only for files whose mtime and ctime are older than
 * the manifest by this much (covers coarse timestamps, 2 s on FAT, and small clock differences).
 */
const RACY_MARGIN_NS = 2_000_000_000n;

const decimal = z.string().regex(/^\d+$/);
/** name, size, mtimeNs, ctimeNs, ino, dev; decimal strings, as bigints do not go into JSON. */
const stampSchema = z.tuple([z.string(), decimal, decimal, decimal, decimal, decimal]);
const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
    /** Wall-clock time just before the files were stat'ed, in nanoseconds. */
    stampedNs: decimal,
    files: z.array(stampSchema),
  })
  .strict();

export interface Stamps {
  stampedNs: bigint;
  files: Array<z.infer<typeof stampSchema>>;
}

/** The stamps of `files` now, or undefined when one cannot be stat'ed (then the files are read as usual). */
export function stampFiles(files: readonly string[]): Stamps | undefined {
  const stampedNs = BigInt(Date.now()) * 1_000_000n;
  try {
    return {
      stampedNs,
      files: files.map((file) => {
        const s = statSync(file, { bigint: true });
        return [path.basename(file), String(s.size), String(s.mtimeNs), String(s.ctimeNs), String(s.ino), String(s.dev)];
      }),
    };
  } catch {
    return undefined;
  }
}

/**
 * The fingerprint recorded for these exact files, if the folder's manifest is ours and intact, lists
 * the same files with the same stamps, and none of them was racily clean when it was written.
 */
export function fingerprintByStamps(cache: CacheFolder, dir: string, cwd: string, stamps: Stamps): string | undefined {
  const parsed = manifestSchema.safeParse(readSealed(statManifestFile(cache, dir, cwd), cache.key)?.header);
  if (!parsed.success) return undefined;
  const { fingerprint, stampedNs, files } = parsed.data;
  const settled = BigInt(stampedNs) - RACY_MARGIN_NS;
  const same = files.length === stamps.files.length && files.every((stamp, i) => stamp.join('\0') === stamps.files[i]!.join('\0'));
  const old = files.every(([, , mtimeNs, ctimeNs]) => BigInt(mtimeNs) < settled && BigInt(ctimeNs) < settled);
  return same && old ? fingerprint : undefined;
}

/** Records that the files with these stamps have content `fingerprint`; best effort, like every cache write. */
export function writeStatManifest(cache: CacheFolder, dir: string, cwd: string, stamps: Stamps, fingerprint: string): void {
  const header = { format: MANIFEST_FORMAT, fingerprint, stampedNs: String(stamps.stampedNs), files: stamps.files };
  storeSealed(cache, statManifestFile(cache, dir, cwd), () => ({ header, sections: {} }));
}
