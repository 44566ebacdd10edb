import { statSync } from 'node:fs';
import path from 'node:path';
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

/** name, size, mtimeNs, ctimeNs, ino, dev; decimal strings, as bigints do not go into JSON. */
type Stamp = [name: string, size: string, mtimeNs: string, ctimeNs: string, ino: string, dev: string];

export interface Stamps {
  stampedNs: bigint;
  files: Stamp[];
}

type Manifest = {
  format: typeof MANIFEST_FORMAT;
  fingerprint: string;
  /** Wall-clock time just before the files were stat'ed, in nanoseconds. */
  stampedNs: string;
  files: Stamp[];
};

const isDecimal = (v: unknown): v is string => typeof v === 'string' && /^\d+$/.test(v);
const isStamp = (v: unknown): v is Stamp =>
  Array.isArray(v) && v.length === 6 && typeof v[0] === 'string' && v.slice(1).every(isDecimal);

/**
 * Whether a sealed header is a manifest of this format, exactly. Checked by hand, not with a schema:
 * a warm start reads nothing else that would need zod, which costs ~85 ms to load.
 */
function isManifest(h: Record<string, unknown> | undefined): h is Record<string, unknown> & Manifest {
  if (!h || Object.keys(h).length !== 4) return false;
  const { format, fingerprint, stampedNs, files } = h;
  return format === MANIFEST_FORMAT && typeof fingerprint === 'string' && /^[0-9a-f]{16}$/.test(fingerprint) && isDecimal(stampedNs) && Array.isArray(files) && files.every(isStamp);
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
  const header = readSealed(statManifestFile(cache, dir, cwd), cache.key)?.header;
  if (!isManifest(header)) return undefined;
  const { fingerprint, stampedNs, files } = header;
  const settled = BigInt(stampedNs) - RACY_MARGIN_NS;
  const same = files.length === stamps.files.length && files.every((stamp, i) => stamp.join('\0') === stamps.files[i]!.join('\0'));
  const old = files.every(([, , mtimeNs, ctimeNs]) => BigInt(mtimeNs) < settled && BigInt(ctimeNs) < settled);
  return same && old ? fingerprint : undefined;
}

/** Records that the files with these stamps have content `fingerprint`; best effort, like every cache write. */
export function writeStatManifest(cache: CacheFolder, dir: string, cwd: string, stamps: Stamps, fingerprint: string): void {
  const header: Manifest = { format: MANIFEST_FORMAT, fingerprint, stampedNs: String(stamps.stampedNs), files: stamps.files };
  storeSealed(cache, statManifestFile(cache, dir, cwd), () => ({ header, sections: {} }));
}
