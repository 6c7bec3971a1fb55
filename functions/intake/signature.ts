import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { hmacSha256Hex, hmacSha256Verify } from '../http/crypto.ts';

/** Unix seconds when the sender signed the request. */
export const TIMESTAMP_HEADER = 'X-Juri-Timestamp';
/** `sha256=<lowercase hex of HMAC-SHA256(secret, UTF-8 bytes of timestamp + "." then the raw body bytes)>`. */
export const SIGNATURE_HEADER = 'X-Juri-Signature';
/** A signature older or newer than this is refused, so a captured request cannot be replayed later. */
export const MAX_SKEW_SECONDS = 5 * 60;

/** A fresh error per request, so one request's stack or cause never shows up in another's. */
const unauthorized = () => new AppError('unauthorized', bilingual('error.badSignature'));

/** The exact bytes both sides sign: the timestamp, a dot, then the body's bytes as they travel. */
export function signedBytes(timestamp: string, rawBody: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(`${timestamp}.`);
  const body = typeof rawBody === 'string' ? new TextEncoder().encode(rawBody) : rawBody;
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** A text body is signed as its UTF-8 bytes, which is what Code.gs sends and signs. */
export async function signBody(
  secret: string,
  timestamp: string,
  rawBody: string | Uint8Array,
): Promise<string> {
  return `sha256=${await hmacSha256Hex(secret, signedBytes(timestamp, rawBody))}`;
}

/**
 * Throws 401 unless the request carries a fresh, correct signature over its raw bytes: checked before
 * any decoding, so two bodies that decode to the same text can never share a signature.
 */
export async function verifySignature(
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: Uint8Array,
  secret: string | undefined,
  now: Date,
): Promise<void> {
  const { timestamp, signature } = headers;
  if (!secret || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) throw unauthorized();
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) throw unauthorized();
  // Exactly what signBody writes (any case, spaces around): "sha256=" and the MAC's 64 hex digits.
  const hex = SIGNATURE_FORMAT.exec(signature.trim().toLowerCase())?.[1];
  if (!hex || !(await hmacSha256Verify(secret, fromHex(hex), signedBytes(timestamp, rawBody)))) {
    throw unauthorized();
  }
}

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/;

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
