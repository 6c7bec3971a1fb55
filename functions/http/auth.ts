import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AppEnv } from '../compose/services.ts';
import { timingSafeEqualText } from './crypto.ts';
import { throttledCheck } from './sign-in-throttle.ts';

/**
 * The secretariat's API: `Authorization: Bearer <ADMIN_TOKEN>`. hono's bearer-auth answers 401 (or 400
 * for a malformed header) with an HTTPException, which app.onError turns into juri's error shape. Each
 * check counts against the client's sign-in lockout, shared with the sign-in form (429 while locked).
 */
export function adminAuth(): MiddlewareHandler<AppEnv> {
  return bearerAuth({
    verifyToken: (token, c) =>
      throttledCheck(c, async () => {
        const expected = c.get('services').secrets.adminToken;
        return !!expected && (await timingSafeEqualText(token, expected));
      }),
  });
}
