import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySignature } from '../../functions/intake/signature.ts';

/**
 * The signature header is checked by Web Crypto's own verification (one call), no longer by comparing
 * it with the expected header's text: what was accepted and refused before still is.
 */
const secret = 'test-intake-secret';
const now = new Date('2024-11-01T00:00:00Z');
const timestamp = String(now.getTime() / 1000);
const body = new TextEncoder().encode('{"responseId":"r1"}');
const hex = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');

const check = (signature: string) =>
  verifySignature({ timestamp, signature }, body, secret, now).then(
    () => 'accepted',
    () => 'refused',
  );

describe('the X-Juri-Signature header', () => {
  it.each([
    ['as signBody writes it', `sha256=${hex}`],
    ['in capitals', `SHA256=${hex.toUpperCase()}`],
    ['with spaces around', `  sha256=${hex}\t`],
  ])('is accepted %s', async (_, signature) => {
    expect(await check(signature)).toBe('accepted');
  });

  it.each([
    ['one digit changed', `sha256=${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`],
    ['a digit short', `sha256=${hex.slice(0, -1)}`],
    ['a digit too many', `sha256=${hex}0`],
    ['without its prefix', hex],
    ['with another prefix', `sha1=${hex}`],
    ['with a space inside', `sha256= ${hex}`],
    ['not hex', `sha256=${'g'.repeat(64)}`],
    ['empty', ''],
  ])('is refused with %s', async (_, signature) => {
    expect(await check(signature)).toBe('refused');
  });
});
