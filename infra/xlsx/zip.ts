/**
 * A zip (an .xlsx package) from parts already deflated, with no Node API: the Worker zips its .xlsx
 * exports with it, the local Sheets server its workbook (deflating with node:zlib, keeping what did not
 * change). No JSZip on either path, so no string is cut into UTF-16 slices on the way (see
 * infra/jszip-utf8.ts for what that cost).
 */

/** An entry's deflated bytes, with the CRC-32 and size of its content, for the zip's headers. */
export interface Deflated {
  crc: number;
  size: number;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DEFLATED = 8;

/** The zip of `parts` (name → deflated content), in their order. */
export function zipOf(parts: Iterable<readonly [string, Deflated]>): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const entries = [...parts].map(([name, part]) => ({ name: encoder.encode(name), part }));
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.part.data.length, 0);
  const directorySize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const zip = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(zip.buffer);
  let at = 0;
  let central = localSize;
  for (const { name, part } of entries) {
    const offset = at;
    // Version 2.0, UTF-8 names (bit 11), deflated, no time (a part's date says nothing to anyone).
    view.setUint32(at, LOCAL_HEADER, true);
    writeCommon(view, at + 4, name.length, part);
    zip.set(name, at + 30);
    zip.set(part.data, at + 30 + name.length);
    at += 30 + name.length + part.data.length;
    view.setUint32(central, DIRECTORY_ENTRY, true);
    view.setUint16(central + 4, 20, true);
    writeCommon(view, central + 6, name.length, part);
    view.setUint32(central + 42, offset, true);
    zip.set(name, central + 46);
    central += 46 + name.length;
  }
  view.setUint32(central, END_OF_DIRECTORY, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, directorySize, true);
  view.setUint32(central + 16, localSize, true);
  return zip;
}

/** The 26 bytes a local header and a directory entry share, from "version needed" on. */
function writeCommon(view: DataView, at: number, nameLength: number, part: Deflated): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, 0x0800, true);
  view.setUint16(at + 4, DEFLATED, true);
  view.setUint32(at + 6, 0x00210000, true);
  view.setUint32(at + 10, part.crc, true);
  view.setUint32(at + 14, part.data.length, true);
  view.setUint32(at + 18, part.size, true);
  view.setUint16(at + 22, nameLength, true);
}

/** A part deflated with the platform's CompressionStream (Workers and Node alike). */
export async function deflatedPart(content: string): Promise<Deflated> {
  const bytes = new TextEncoder().encode(content);
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const data = new Uint8Array(await new Response(stream).arrayBuffer());
  return { crc: crc32(bytes), size: bytes.length, data };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++)
    crc = (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
