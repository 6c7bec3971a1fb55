import type { Services } from '../../compose/services.ts';
import { hmacSha256Hex, timingSafeEqualText } from '../../http/crypto.ts';

/**
 * A juror's private link to their calibration summary: /kalibrasi/<competition>/<juror>/<token>, the
 * token an HMAC of the competition and juror ids under a key derived from the server's admin token.
 * Nothing is stored: the link works as long as the admin token stays, and rotating the token ends
 * every link with it. Another juror's token, a changed id or a guess finds nothing (404), checked in
 * constant time.
 */

export const CALIBRATION_BASE = '/kalibrasi';
/** 128 bits of the MAC: far beyond guessing, short enough for a WhatsApp message. */
const TOKEN_HEX = 32;

async function linkKey(adminToken: string): Promise<string> {
  return hmacSha256Hex(adminToken, 'juri/kalibrasi/link/v1');
}

/** The token of one juror's link; null when the server has no admin token (then no link works). */
export async function calibrationToken(
  services: Pick<Services, 'secrets'>,
  competitionId: string,
  jurorId: string,
): Promise<string | null> {
  const secret = services.secrets.adminToken;
  if (!secret) return null;
  const mac = await hmacSha256Hex(await linkKey(secret), `${competitionId}\n${jurorId}`);
  return mac.slice(0, TOKEN_HEX);
}

/** The path of a juror's private link, or null without an admin token. */
export async function calibrationPath(
  services: Pick<Services, 'secrets'>,
  competitionId: string,
  jurorId: string,
): Promise<string | null> {
  const token = await calibrationToken(services, competitionId, jurorId);
  if (!token) return null;
  const part = encodeURIComponent;
  return `${CALIBRATION_BASE}/${part(competitionId)}/${part(jurorId)}/${token}`;
}

/** Whether `given` is this juror's token for this competition (constant time; false without a secret). */
export async function isCalibrationToken(
  services: Pick<Services, 'secrets'>,
  competitionId: string,
  jurorId: string,
  given: string,
): Promise<boolean> {
  const expected = await calibrationToken(services, competitionId, jurorId);
  return expected !== null && (await timingSafeEqualText(given, expected));
}
