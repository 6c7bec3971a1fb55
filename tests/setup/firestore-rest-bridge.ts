import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

// Through require: Node's own ESM loader (the benchmark runs this file outside vitest) does not see the
// package's `v1` as a named export of its CommonJS build.
const { v1 } = createRequire(import.meta.url)(
  '@google-cloud/firestore',
) as typeof import('@google-cloud/firestore');

/**
 * A small Firestore REST v1 front for the gRPC-only emulator: the calls @googleapis/firestore makes
 * (get, patch, delete, batchGet, commit, runQuery, beginTransaction, rollback) are forwarded through the gapic
 * client shipped inside @google-cloud/firestore, with REST JSON mapped to and from the proto shapes.
 */
export async function startFirestoreRestBridge(opts: {
  emulatorHost: string;
  port?: number;
  /** gRPC channel options, e.g. a short reconnect backoff for a test that restarts the emulator. */
  grpc?: Record<string, number>;
}): Promise<{ url: string; close(): Promise<void> }> {
  const [servicePath = '127.0.0.1', port = '8080'] = opts.emulatorHost.split(':');
  const gax = createRequire(createRequire(import.meta.url).resolve('@google-cloud/firestore'))(
    'google-gax',
  ) as { grpc: { credentials: { createInsecure(): unknown } } };
  const client = new v1.FirestoreClient({
    servicePath,
    port: Number(port),
    sslCreds: gax.grpc.credentials.createInsecure(),
    // Explicit (unused) credentials keep the auth library from probing for a metadata server.
    credentials: { client_email: 'bridge@juri-test.iam.gserviceaccount.com', private_key: 'unused' },
    projectId: 'juri-bridge',
    ...opts.grpc,
  } as ConstructorParameters<typeof v1.FirestoreClient>[0]);

  const server = createServer((req, res) => {
    handle(client, req)
      .then(({ status, body }) => send(res, status, body))
      .catch((error: unknown) => send(res, ...restError(error)));
  });
  // Google keeps an idle connection open for minutes; Node's 5 s default closed the client's socket while
  // a test compared a national-scale record it had just read, and the next request on it failed with
  // "other side closed" (storage_unavailable) on a busy machine.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Kept-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      });
      await client.close();
    },
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Gapic = InstanceType<typeof v1.FirestoreClient>;

async function handle(client: Gapic, req: IncomingMessage): Promise<{ status: number; body: Json }> {
  const url = new URL(req.url ?? '/', 'http://bridge');
  const path = decodeURIComponent(url.pathname).replace(/^\/v1\//, '');
  const body = toProto(await readJson(req)) as Record<string, unknown>;
  const [resource = '', verb = ''] = splitVerb(path);
  const database = resource.replace(/\/documents(\/.*)?$/, '');

  if (req.method === 'POST' && verb === 'commit') {
    const [result] = await client.commit({ ...body, database } as never);
    return ok(result);
  }
  if (req.method === 'POST' && verb === 'batchGet') {
    return ok(await collect(client.batchGetDocuments({ ...body, database } as never)));
  }
  if (req.method === 'POST' && verb === 'runQuery') {
    return ok(await collect(client.runQuery({ ...body, parent: resource } as never)));
  }
  if (req.method === 'POST' && verb === 'beginTransaction') {
    const [result] = await client.beginTransaction({ ...body, database } as never);
    return ok(result);
  }
  if (req.method === 'POST' && verb === 'rollback') {
    await client.rollback({ ...body, database } as never);
    return { status: 200, body: {} };
  }
  if (req.method === 'GET' && verb === '') return getDocument(client, database, resource);
  if (req.method === 'DELETE' && verb === '') {
    await client.commit({ database, writes: [{ delete: resource }] } as never);
    return { status: 200, body: {} };
  }
  if (req.method === 'PATCH' && verb === '') {
    const mask = url.searchParams.getAll('updateMask.fieldPaths');
    const exists = url.searchParams.get('currentDocument.exists');
    await client.commit({
      database,
      writes: [
        {
          update: { ...body, name: resource },
          ...(mask.length > 0 ? { updateMask: { fieldPaths: mask } } : {}),
          ...(exists !== null ? { currentDocument: { exists: exists === 'true' } } : {}),
        },
      ],
    } as never);
    return getDocument(client, database, resource);
  }
  return { status: 404, body: errorBody(404, 'NOT_FOUND', `bridge: no route for ${req.method} ${path}`) };
}

async function getDocument(client: Gapic, database: string, name: string) {
  const [first] = (await collect(client.batchGetDocuments({ database, documents: [name] } as never))) as {
    found?: Json;
  }[];
  if (first?.found) return { status: 200, body: first.found };
  return { status: 404, body: errorBody(404, 'NOT_FOUND', `Document "${name}" not found.`) };
}

/** "a/b/documents:commit" → ["a/b/documents", "commit"]; a colon inside an id is left alone. */
function splitVerb(path: string): [string, string] {
  const match = /^(.*):([A-Za-z]+)$/.exec(path);
  return match ? [match[1] ?? '', match[2] ?? ''] : [path, ''];
}

function collect(stream: NodeJS.ReadableStream): Promise<Json[]> {
  return new Promise((resolve, reject) => {
    const items: Json[] = [];
    stream.on('data', (item: unknown) => items.push(fromProto(item)));
    stream.on('end', () => resolve(items));
    stream.on('error', reject);
  });
}

function ok(result: unknown) {
  return { status: 200, body: fromProto(result) };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function send(res: ServerResponse, status: number, body: Json) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const TIMESTAMP_KEYS = new Set(['timestampValue', 'updateTime', 'readTime', 'createTime', 'commitTime']);

/** REST JSON → the objects protobufjs' fromObject accepts (bytes may stay base64, int64 may stay strings). */
function toProto(value: unknown, key = ''): unknown {
  if (TIMESTAMP_KEYS.has(key) && typeof value === 'string') {
    const ms = Date.parse(value);
    const nanos = Number((/\.(\d+)/.exec(value)?.[1] ?? '0').padEnd(9, '0').slice(0, 9));
    return { seconds: String(Math.floor(ms / 1000)), nanos };
  }
  if (key === 'nullValue') return 'NULL_VALUE';
  if (key === 'limit' && typeof value === 'number') return { value };
  if (Array.isArray(value)) return value.map((v) => toProto(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toProto(v, k)]));
  }
  return value;
}

/** Oneof discriminators that proto-loader adds and REST JSON does not have. */
const ONEOF_KEYS = new Set([
  'valueType',
  'result',
  'continuationSelector',
  'consistencySelector',
  'operation',
]);

/** Proto objects → REST JSON: timestamps as RFC 3339, bytes as base64, empty/unset fields dropped. */
function fromProto(value: unknown): Json {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(fromProto);
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    const keys = new Set(entries.map(([k]) => k));
    if (keys.has('seconds') && keys.has('nanos') && keys.size === 2) return timestamp(value);
    const out: { [key: string]: Json } = {};
    for (const [k, v] of entries) {
      if (ONEOF_KEYS.has(k) || v === null || v === undefined) continue;
      if ((Buffer.isBuffer(v) || v instanceof Uint8Array) && v.length === 0 && k === 'transaction') continue;
      out[k] = fromProto(v);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value as Json;
}

function timestamp(value: object): string {
  const { seconds, nanos } = value as { seconds: string | number; nanos: number };
  const iso = new Date(Number(seconds) * 1000).toISOString().replace(/\.\d+Z$/, '');
  return `${iso}.${String(nanos).padStart(9, '0')}Z`;
}

const HTTP_FOR_GRPC: Record<number, [number, string]> = {
  1: [499, 'CANCELLED'],
  3: [400, 'INVALID_ARGUMENT'],
  4: [504, 'DEADLINE_EXCEEDED'],
  5: [404, 'NOT_FOUND'],
  6: [409, 'ALREADY_EXISTS'],
  7: [403, 'PERMISSION_DENIED'],
  8: [429, 'RESOURCE_EXHAUSTED'],
  9: [400, 'FAILED_PRECONDITION'],
  10: [409, 'ABORTED'],
  12: [501, 'UNIMPLEMENTED'],
  14: [503, 'UNAVAILABLE'],
  16: [401, 'UNAUTHENTICATED'],
};

function restError(error: unknown): [number, Json] {
  const code = typeof error === 'object' && error !== null && 'code' in error ? Number(error.code) : 13;
  const [status, name] = HTTP_FOR_GRPC[code] ?? [500, 'INTERNAL'];
  const message = error instanceof Error ? error.message : String(error);
  return [status, errorBody(status, name, message)];
}

function errorBody(code: number, status: string, message: string): Json {
  return { error: { code, message, status } };
}
