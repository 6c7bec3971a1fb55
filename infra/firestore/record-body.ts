import type { SyncRecord } from '../../shared/ports.ts';

/**
 * What of a sync record only its readers want (pages, the dashboard, a failed sync carrying the result
 * forward), not the next sync: kept in chunk documents of their own (`bodyChunks`), which syncInputs does
 * not read. At NTT scale that is ~138 KB of the record's ~200 KB. `criterionMeans`: records saved before
 * a sync stopped storing them (the feedback pages work them out from a fixed record's cells) hold them here.
 */
const BODY_KEYS = ['result', 'criterionMeans'] as const;

type Stored = Record<string, unknown>;

/**
 * The record less its body, each body key left in place as null (so that the joined record has its keys
 * in the order saved), and the body (null when the record has none).
 */
export function splitRecord(record: object): { carried: Stored; body: Stored | null } {
  const carried: Stored = { ...record };
  const body: Stored = {};
  for (const key of BODY_KEYS) {
    if (carried[key] === undefined) continue;
    body[key] = key === 'result' ? problemsOnce(carried[key]) : carried[key];
    carried[key] = null;
  }
  return { carried, body: Object.keys(body).length > 0 ? body : null };
}

type ResultLike = { problems?: unknown; final?: { problems?: unknown } | null };

/**
 * rankCompetition gives the final stage the result's own list of problems (the same array): stored
 * once, the final's left in place as null (~33 KB of a written NTT sync's ~245 KB commit).
 */
function problemsOnce(result: unknown): unknown {
  const r = result as ResultLike | null;
  if (!r?.final || !Array.isArray(r.problems) || r.final.problems !== r.problems) return result;
  return { ...r, final: { ...r.final, problems: null } };
}

/** The final stage's problems put back: the result's list, as rankCompetition shared it. */
function problemsBack(result: unknown): void {
  const r = result as ResultLike | null;
  if (r?.final && r.final.problems === null && Array.isArray(r.problems)) r.final.problems = r.problems;
}

/** The record as syncInputs answers it: without its body, when that is kept apart. */
export function withoutBody(stored: Stored): SyncRecord {
  for (const key of BODY_KEYS) if (stored[key] === null) delete stored[key];
  return stored as unknown as SyncRecord;
}

/** The whole record: the carried part with its body put back in place. */
export function joinBody(carried: Stored, body: Stored | null): SyncRecord {
  if (body) problemsBack(body.result);
  return withoutBody(body ? Object.assign(carried, body) : carried);
}
