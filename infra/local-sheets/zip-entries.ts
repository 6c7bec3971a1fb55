import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Deflated } from '../xlsx/zip.ts';

/**
 * The entries of a zip (an .xlsx) from its central directory, without unpacking any: each entry's
 * CRC-32 says whether a part changed since the workbook was last read or written, and only the parts
 * that changed are then inflated, natively (JSZip inflates in JavaScript, several times slower).
 * Zip64 and multi-disk archives are refused: an .xlsx never needs them, and the caller then reads the
 * workbook the slow, general way.
 */
export interface ZipEntry {
  crc: number;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** A zip this reader does not follow (the caller reads the slow way); its message is a code, the part it met. */
export class UnsupportedZip extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new UnsupportedZip('zip64');
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw new UnsupportedZip('central-directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content, inflated. */
export function entryBytes(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER)
    throw new UnsupportedZip('local-header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return Buffer.from(data);
  if (entry.method === DEFLATED) return inflateRawSync(data);
  throw new UnsupportedZip(`compression-method: ${entry.method}`);
}

/** The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB. */
function endOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new UnsupportedZip('no-end-of-central-directory');
}

/** A part's content deflated natively (several times faster than in JavaScript), for zipOf. */
export function deflatedPart(content: string | Uint8Array): Deflated {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // The fastest level: the file is rewritten on every publish, and its size matters to no one.
  return { crc: crc32(bytes), size: bytes.length, data: deflateRawSync(bytes, { level: 1 }) };
}
