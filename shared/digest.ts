/** SHA-256 through Web Crypto: the same on Node 20 and in workerd, and free of any SDK. */
const encoder = new TextEncoder();

/** Text is hashed as its UTF-8 bytes; bytes as they are. */
export type Message = string | Uint8Array<ArrayBuffer>;

export function bytesOf(message: Message): Uint8Array<ArrayBuffer> {
  return typeof message === 'string' ? encoder.encode(message) : message;
}

export async function sha256Hex(message: Message): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytesOf(message))));
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
