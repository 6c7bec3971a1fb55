import type { IncomingMessage, RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, serve } from '@hono/node-server';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/** How much of a body juri's answer did not need is read and thrown away before the connection is cut. */
const MAX_DISCARDED_BYTES = 1024 * 1024 * 1024;

/** Hono's bindings on Node (@hono/node-server): the request as Node received it. */
interface NodeBindings {
  incoming?: IncomingMessage;
}

/**
 * Reads to its end, and throws away, what the client is still sending of a body the answer did not need
 * (a 413 from the size limit, a refusal before the body is read); resolves false when more than
 * MAX_DISCARDED_BYTES came, or the client went away, and the connection has to be cut.
 *
 * Why before the answer: Node closes the socket right after an answer when the client asked for that
 * (`Connection: close`, which node:http sends by default), and a socket closed with unread bytes makes
 * the kernel send a reset; the client, still writing, then reports EPIPE or ECONNRESET instead of the
 * answer already on its way. Read to its end first, every client reads the answer, and a keep-alive
 * connection carries the next request. Node's requestTimeout still bounds a client that sends slowly.
 */
function discardRest(incoming: IncomingMessage): Promise<boolean> {
  // An ended request is destroyed right after (autoDestroy): only one destroyed before its end was cut.
  if (incoming.readableEnded || incoming.destroyed) return Promise.resolve(incoming.readableEnded);
  return new Promise((done) => {
    let discarded = 0;
    const finish = (whole: boolean) => {
      incoming.off('data', count).off('end', ended).off('close', gone);
      if (!whole) incoming.pause();
      done(whole);
    };
    const count = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > MAX_DISCARDED_BYTES) finish(false);
    };
    const ended = () => finish(true);
    const gone = () => finish(false);
    // The request's web stream may still listen: its queue would keep what is now only thrown away.
    incoming.removeAllListeners('data');
    incoming.on('data', count).once('end', ended).once('close', gone);
    incoming.resume();
  });
}

/** `fetch`, answering once the body it left unread is read (discardRest), or with the connection closed. */
function afterUnreadBody(fetch: Fetch): Fetch {
  return async (request, env) => {
    const response = await fetch(request, env);
    const incoming = (env as NodeBindings | undefined)?.incoming;
    if (!incoming || (await discardRest(incoming))) return response;
    const closing = new Response(response.body, response);
    closing.headers.set('connection', 'close');
    return closing;
  };
}

/**
 * @hono/node-server's own clean-up of an unread body is turned off: it reads for half a second or 64 MiB
 * after the answer and then closes the socket, which reset a client still uploading (a 413 to an 8 MiB
 * fetch became EPIPE against `juri serve`). afterUnreadBody reads the rest instead.
 */
const UNREAD_BODY_LEFT_TO_US = { autoCleanupIncoming: false } as const;

/** A Node request listener for `fetch` (Cloud Functions), with the unread rest of a body discarded. */
export function nodeListener(fetch: Fetch): RequestListener {
  return getRequestListener(afterUnreadBody(fetch), UNREAD_BODY_LEFT_TO_US);
}

/**
 * How long an idle kept-alive connection stays open. Node's 5 s default races clients that keep a
 * connection for about as long (undici, behind Node's fetch, keeps one for 4 s): on a busy machine the
 * server closed a connection just as the client sent its next request on it, and the demo's own intake
 * submissions failed with ECONNRESET. A longer server side leaves the closing to the client.
 */
const IDLE_KEEP_ALIVE_MS = 65_000;

/** Serves a fetch handler on Node; resolves once the port is open, rejects when it cannot be. */
export function listen(fetch: Fetch, port: number, hostname = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const options = { fetch: afterUnreadBody(fetch), port, hostname, ...UNREAD_BODY_LEFT_TO_US };
    const server = serve(options, (info: AddressInfo) => {
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
    if ('keepAliveTimeout' in server) {
      server.keepAliveTimeout = IDLE_KEEP_ALIVE_MS;
      // Node wants the headers timeout above the keep-alive one, or it cuts a reused connection short.
      server.headersTimeout = IDLE_KEEP_ALIVE_MS + 1_000;
    }
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
