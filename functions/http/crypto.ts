import { bytesOf, type Message, toHex } from '../../shared/digest.ts';

/** Web Crypto helpers that run the same on Node 20 and in workerd. */
const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);
}

export async function hmacSha256Hex(secret: string, message: Message): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), bytesOf(message));
  return toHex(new Uint8Array(mac));
}

/**
 * Whether `mac` is HMAC-SHA256(secret, message): Web Crypto's own constant-time check, one call where
 * signing and comparing the hex of both (timingSafeEqualText) took three.
 */
export async function hmacSha256Verify(
  secret: string,
  mac: Uint8Array<ArrayBuffer>,
  message: Message,
): Promise<boolean> {
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), mac, bytesOf(message));
}

/**
 * Constant-time comparison: both sides are hashed first so that length and content
 * leak nothing through timing.
 */
export async function timingSafeEqualText(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([sha256Bytes(a), sha256Bytes(b)]);
  let diff = 0;
  for (let i = 0; i < ha.length; i++) diff |= (ha[i] ?? 0) ^ (hb[i] ?? 0);
  return diff === 0 && a.length === b.length;
}

async function sha256Bytes(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}
