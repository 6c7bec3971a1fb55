/**
 * The floors of a sync inside workerd, for bench/workerd.ts (issue 22): what any sync must at least do
 * with the bodies of its subrequests, run in a Worker of its own so that its process's CPU is read as the
 * sync's is. The bench loads the bodies a written cron tick sent and received (POST /load), then measures
 * GET /json (each body JSON-parsed, stringified again and hashed with sha256) and GET /fetch (the same
 * requests made with a plain fetch() to a server that answers each with the recorded answer, each answer
 * parsed, stringified and hashed, as /json). A bench Worker only: it keeps what it was loaded with.
 */
interface Recorded {
  method: string;
  body: string;
  answer: string;
}

interface FloorEnv {
  ECHO_URL: string;
}

let recorded: Recorded[] = [];
const encoder = new TextEncoder();

async function digestJson(text: string): Promise<void> {
  if (text === '') return;
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // not JSON: hashed as it is
  }
  await crypto.subtle.digest('SHA-256', encoder.encode(JSON.stringify(value)));
}

export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === '/load') {
      recorded = (await request.json()) as Recorded[];
      return new Response(String(recorded.length));
    }
    if (path === '/json') {
      for (const r of recorded) {
        await digestJson(r.body);
        await digestJson(r.answer);
      }
    } else if (path === '/fetch') {
      for (const [i, r] of recorded.entries()) {
        const withBody = r.method !== 'GET' && r.method !== 'HEAD';
        const res = await fetch(`${env.ECHO_URL}${i}`, {
          method: r.method,
          headers: { 'content-type': 'application/json' },
          ...(withBody ? { body: r.body } : {}),
        });
        await digestJson(r.body);
        await digestJson(await res.text());
      }
    }
    return new Response('ok');
  },
};
