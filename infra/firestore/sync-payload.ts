/**
 * A fixed result version of a national run is several MB of JSON, over Firestore's 1 MiB per document,
 * written once per fix. It is stored gzipped (CompressionStream exists in Node 20 and workerd) and split
 * into chunks well under the limit. (What a sync stores on every run is plain JSON text: chunks.ts.)
 */
export const CHUNK_BYTES = 900 * 1024;

/** Any JSON value, gzipped and cut into chunks that each fit a Firestore document. */
export async function packJson(value: unknown): Promise<Uint8Array[]> {
  const compressed = await pipe(
    new TextEncoder().encode(JSON.stringify(value)),
    new CompressionStream('gzip'),
  );
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < compressed.length; at += CHUNK_BYTES) {
    chunks.push(compressed.subarray(at, at + CHUNK_BYTES));
  }
  return chunks.length > 0 ? chunks : [compressed];
}

export async function unpackJson<T>(chunks: Uint8Array[]): Promise<T> {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  const text = new TextDecoder().decode(await pipe(joined, new DecompressionStream('gzip')));
  return JSON.parse(text) as T;
}

async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes);
  const stream = new Blob([copy]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
