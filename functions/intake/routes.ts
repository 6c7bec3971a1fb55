import { Hono } from 'hono';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { issueLine } from '../../shared/messages/issues.ts';
import type { AppEnv } from '../compose/services.ts';
import { boundedBody, limitBody } from '../http/body-size.ts';
import { pushedFormId, receiveFormsPush, watchingCompetition } from './forms-watch.ts';
import { ingestSubmission, rejectionError } from './ingest.ts';
import { parseAppsScriptPayload, parseJson } from './payloads.ts';
import { verifyPushToken } from './push-token.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature.ts';

/** A Form response is ~20 answers of text; anything near this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * POST /intake/form   — Apps Script push, HMAC-signed (see infra/deploy/apps-script/README.md).
 * POST /intake/pubsub — Pub/Sub push from a Forms API RESPONSES watch, OIDC bearer token.
 */
export const intakeRoutes = new Hono<AppEnv>();
const limit = limitBody(MAX_BODY_BYTES);

intakeRoutes.post('/intake/form', async (c) => {
  // Read once within the limit (not through the `limit` middleware, which can make the body read twice).
  const bytes = await boundedBody(c.req.raw, MAX_BODY_BYTES);
  const services = c.get('services');
  const lang = c.get('lang');
  await verifySignature(
    { timestamp: c.req.header(TIMESTAMP_HEADER), signature: c.req.header(SIGNATURE_HEADER) },
    bytes,
    services.secrets.intakeHmac,
    services.clock.now(),
  );
  // Read leniently (a bad byte becomes U+FFFD, a byte-order mark is skipped); the archive keeps the bytes.
  const json = parseJson(new TextDecoder().decode(bytes));
  const result = await ingestSubmission(
    services,
    { source: 'apps-script', body: bytes, json },
    parseAppsScriptPayload,
  );
  if (result.outsideWindow) {
    // 200, not an error: the Apps Script must not retry it, and the secretariat sees it as a rejection.
    return c.json(
      { responseId: result.responseId, outcome: 'rejected', message: issueLine(result.reasons ?? [], lang) },
      200,
    );
  }
  if (result.outcome === 'rejected') throw rejectionError(result.reasons ?? [], lang);
  return c.json(
    { responseId: result.responseId, outcome: result.outcome, innovationId: result.innovationId },
    result.outcome === 'created' ? 201 : 200,
  );
});

intakeRoutes.post('/intake/pubsub', limit, async (c) => {
  const services = c.get('services');
  await verifyPushToken(
    c.req.header('authorization'),
    services.pubsubKeys,
    services.secrets,
    services.clock.now(),
  );
  const body = await c.req.text();
  const watching = watchingCompetition(c.get('deployment'), pushedFormId(body), services);
  const outcome = await receiveFormsPush(watching, body);
  if (!outcome) {
    throw new AppError('bad_request', bilingual('error.notPubSubPush'));
  }
  // Rejections are stored and listed for the secretariat; answering 2xx stops Pub/Sub redelivering them.
  return c.json(outcome, 200);
});
