import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { AppEnv } from '../compose/services.ts';

/** hono/body-limit answering juri's 413 (on Node, once the unread rest of the body is discarded: node-server.ts). */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('payload_too_large', bilingual('http.payloadTooLarge', { size }));
    },
  });
}
