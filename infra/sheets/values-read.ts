import type { sheets_v4 } from '@googleapis/sheets';

/** Whatever @googleapis/sheets accepts as `auth`: an OAuth2Client, GoogleAuth, an API key… */
type SheetsAuth = NonNullable<sheets_v4.Options['auth']>;

/** The part of every google-auth-library client (OAuth2Client, GoogleAuth…): its Authorization header. */
interface Signing {
  getRequestHeaders(url?: string): Promise<Headers | Record<string, string>>;
}

export interface ValuesReadTarget {
  spreadsheetId: string;
  auth: SheetsAuth;
  /** Another Sheets endpoint, e.g. the local Sheets server's url. */
  rootUrl?: string | undefined;
}

const SHEETS_ROOT = 'https://sheets.googleapis.com/';

/**
 * One values.batchGet, its body as bytes. A plain `fetch`, not the generated client: the read is the
 * one request of every cron tick, and the client's request machinery (option merges, a query-string
 * library, header copies, the answer decoded to a string) cost more CPU than the rest of a tick that
 * finds nothing new, which only hashes the bytes. A failure is thrown in the shape the retry layer
 * reads from the client's errors (`status`, `response.headers`, `response.data` as text).
 */
export async function readValues(
  target: ValuesReadTarget,
  ranges: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  const { auth, spreadsheetId } = target;
  const root = (target.rootUrl ?? SHEETS_ROOT).replace(/\/+$/, '');
  const query = [
    ...ranges.map((range) => `ranges=${encodeURIComponent(range)}`),
    // A score formatted to show fewer decimals would be read rounded as FORMATTED_VALUE.
    'valueRenderOption=UNFORMATTED_VALUE',
    'majorDimension=ROWS',
    ...(typeof auth === 'string' ? [`key=${encodeURIComponent(auth)}`] : []),
  ].join('&');
  const url = `${root}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values:batchGet?${query}`;
  const headers = typeof auth === 'string' ? {} : await (auth as unknown as Signing).getRequestHeaders(url);
  const response = await fetch(url, { headers, ...(signal ? { signal } : {}) });
  if (!response.ok) throw await httpError(response);
  return new Uint8Array(await response.arrayBuffer());
}

async function httpError(response: Response): Promise<Error> {
  const data = await response.text();
  return Object.assign(new Error(`sheets: http-${response.status}`), {
    status: response.status,
    response: { status: response.status, headers: response.headers, data },
  });
}

/** `"range"` in UTF-8: every value range of a batchGet answer starts with this key. */
const RANGE_KEY = new Uint8Array([0x22, 0x72, 0x61, 0x6e, 0x67, 0x65, 0x22]);

/**
 * The body up to the last value range, the bookkeeping cell every read asks for last: a publish moves
 * that cell, and a digest that counted it would differ on the next read although no input did. Inside
 * a JSON string a quote is escaped, so the last `"range"` key starts the last value range. The key is
 * ASCII and UTF-8 never puts an ASCII byte inside another character, so the cut is the same as on
 * the decoded text, and so is the digest.
 */
export function withoutBookkeeping(body: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const last = body.length - RANGE_KEY.length;
  for (let at = last; at > 0; at--) {
    if (body[at] === RANGE_KEY[0] && startsAt(body, at)) return body.subarray(0, at);
  }
  return body;
}

function startsAt(body: Uint8Array, at: number): boolean {
  for (let i = 1; i < RANGE_KEY.length; i++) if (body[at + i] !== RANGE_KEY[i]) return false;
  return true;
}
