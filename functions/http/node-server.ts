import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * A body refused for its size (413) was not read to its end, so the connection cannot carry another
 * request: say so (Connection: close), and Node closes it once the answer is out, while @hono/node-server
 * drains what the client is still sending, so the client reads the 413 instead of a reset.
 */
export function closingAfterRefusedBody<F extends Fetch>(fetch: F): F {
  return (async (request: Request, env?: unknown) => {
    const response = await fetch(request, env);
    if (response.status !== 413) return response;
    const closing = new Response(response.body, response);
    closing.headers.set('connection', 'close');
    return closing;
  }) as F;
}

/** Serves a fetch handler on Node; resolves once the port is open, rejects when it cannot be. */
export function listen(fetch: Fetch, port: number, hostname = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: closingAfterRefusedBody(fetch), port, hostname }, (info: AddressInfo) => {
      const host = hostname === '0.0.0.0' ? '127.0.0.1' : hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}

/** Resolves on Ctrl+C or a termination signal (a container stop). */
export function untilStopped(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
}
