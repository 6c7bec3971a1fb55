import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { forms_v1 } from '@googleapis/forms';

export interface FormsStubRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

/**
 * A tiny stand-in for the Forms API on 127.0.0.1, answering in Google's documented JSON shapes, so the
 * real @googleapis/forms client can be pointed at it with `rootUrl`.
 */
export async function startFormsStub(init: {
  formId: string;
  items: forms_v1.Schema$Item[];
  responses: forms_v1.Schema$FormResponse[];
  pageSize?: number;
}) {
  const state = {
    responses: [...init.responses],
    watches: [] as forms_v1.Schema$Watch[],
    requests: [] as FormsStubRequest[],
    /** While set, every request is answered with this HTTP status (the client retries 5xx itself). */
    failStatus: null as number | null,
  };
  const pageSize = init.pageSize ?? 2;
  const base = `/v1/forms/${init.formId}`;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const body = await readJson(req);
    state.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body,
    });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(payload));
    };
    const failure = state.failStatus;
    if (failure !== null)
      return send(failure, { error: { code: failure, message: 'stub failure', status: 'UNAVAILABLE' } });

    if (req.method === 'GET' && url.pathname === base) {
      return send(200, { formId: init.formId, info: { title: 'KOIN-YANLIK NTT 2024' }, items: init.items });
    }
    if (req.method === 'GET' && url.pathname === `${base}/responses`) {
      const after = /^timestamp > (\S+)$/.exec(url.searchParams.get('filter') ?? '')?.[1];
      const matching = state.responses.filter(
        (r) => !after || Date.parse(r.lastSubmittedTime ?? '') > Date.parse(after),
      );
      const offset = Number(url.searchParams.get('pageToken') ?? '0');
      const page = matching.slice(offset, offset + pageSize);
      const next = offset + pageSize < matching.length ? String(offset + pageSize) : undefined;
      // Like the real API: no formId inside list results, and no empty fields.
      const responses = page.map(({ formId: _formId, ...r }) => r);
      return send(200, {
        ...(responses.length ? { responses } : {}),
        ...(next ? { nextPageToken: next } : {}),
      });
    }
    if (req.method === 'GET' && url.pathname === `${base}/watches`) {
      return send(200, { watches: state.watches });
    }
    if (req.method === 'POST' && url.pathname === `${base}/watches`) {
      const request = body as forms_v1.Schema$CreateWatchRequest;
      const watch: forms_v1.Schema$Watch = {
        ...request.watch,
        id: request.watchId ?? `watch-${state.watches.length + 1}`,
        createTime: '2024-10-25T00:00:00Z',
        expireTime: '2024-11-01T00:00:00Z',
        state: 'ACTIVE',
      };
      state.watches.push(watch);
      return send(200, watch);
    }
    const renew = new RegExp(`^${base}/watches/([^/:]+):renew$`).exec(url.pathname);
    if (req.method === 'POST' && renew) {
      const watch = state.watches.find((w) => w.id === renew[1]);
      if (!watch) return send(404, { error: { code: 404, message: 'watch not found', status: 'NOT_FOUND' } });
      watch.expireTime = '2024-11-08T00:00:00Z';
      return send(200, watch);
    }
    send(404, {
      error: { code: 404, message: `no route ${req.method} ${url.pathname}`, status: 'NOT_FOUND' },
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
