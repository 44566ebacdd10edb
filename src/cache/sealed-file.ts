import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { is, type Packed, type Section } from './packed';

/**
 * A packed value on disk, authenticated with an HMAC keyed by the cache folder's private key, so a
 * file planted or edited by anyone without the key is rejected before it is parsed.
 * Layout: MAGIC | HMAC-SHA256 of the rest | u32 header length | header JSON | sections, each 8-aligned.
 */
const MAGIC = Buffer.from('BRIEFBOT');
const MAC_BYTES = 32;
const KINDS = { i32: Int32Array, u16: Uint16Array, u8: Uint8Array } as const;
type Kind = keyof typeof KINDS;

const kindOf = (s: Section): Kind => (is.i32(s) ? 'i32' : is.u16(s) ? 'u16' : 'u8');
const align = (n: number) => (n + 7) & ~7;

export function writeSealed(file: string, key: Buffer, packed: Packed): void {
  const table: Array<[name: string, kind: Kind, offset: number, length: number]> = [];
  let offset = 0;
  for (const [name, section] of Object.entries(packed.sections)) {
    table.push([name, kindOf(section), offset, section.length]);
    offset = align(offset + section.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ ...packed.header, sections: table }), 'utf8');
  const start = align(4 + header.length);
  const body = Buffer.alloc(start + offset);
  body.writeUInt32LE(header.length, 0);
  header.copy(body, 4);
  for (const [name, , at] of table) {
    const s = packed.sections[name]!;
    body.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), start + at);
  }
  const mac = createHmac('sha256', key).update(body).digest();
  // Written to a temporary name, then renamed, so readers never see half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([MAGIC, mac, body]), { mode: 0o600 });
  renameSync(temporary, file);
}

/** `bytes` where typed arrays can view it: as it is when 8-aligned (a large file read is), else a copy. */
function aligned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset % 8 === 0) return bytes;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

/** The packed value in `file`, or undefined when it is missing, truncated, or not sealed with `key`. */
export function readSealed(file: string, key: Buffer): Packed | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < MAGIC.length + MAC_BYTES + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const mac = bytes.subarray(MAGIC.length, MAGIC.length + MAC_BYTES);
  const body = aligned(bytes.subarray(MAGIC.length + MAC_BYTES));
  if (!timingSafeEqual(mac, createHmac('sha256', key).update(body).digest())) return undefined;
  try {
    const view = Buffer.from(body.buffer, body.byteOffset, body.length);
    const headerLength = view.readUInt32LE(0);
    const { sections: table, ...header } = JSON.parse(view.toString('utf8', 4, 4 + headerLength)) as {
      sections: Array<[string, Kind, number, number]>;
    };
    const start = body.byteOffset + align(4 + headerLength);
    const sections: Record<string, Section> = {};
    for (const [name, kind, at, length] of table) sections[name] = new KINDS[kind](body.buffer as ArrayBuffer, start + at, length);
    return { header, sections };
  } catch {
    return undefined; // sealed by us but unreadable: a format from another version
  }
}
