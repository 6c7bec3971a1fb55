import { sha256Hex } from '../../shared/digest.ts';
import { type PublishedView, publishedView, type ReadVersion } from '../../shared/domain/published-view.ts';
import { type ResultRecord, recordHash } from '../../shared/domain/record.ts';
import type { Services } from '../compose/services.ts';
import { readLifecycle } from '../lifecycle/lifecycle.ts';

/**
 * Integrity on read: the version's hash recomputed from its stored content, with the record's own hash
 * function. A stored version edited by hand (a score, a rank, a title) no longer matches.
 */
export async function recordIntact(record: ResultRecord): Promise<boolean> {
  return (await recordHash(record, sha256Hex)) === record.hash;
}

async function read(record: ResultRecord): Promise<ReadVersion> {
  return { record, intact: await recordIntact(record) };
}

/**
 * What the public may see now (shared/domain/published-view.ts), from the store: the lifecycle phase,
 * the latest fixed version and, when asked, an earlier one, each checked before it is served. Null
 * when the version asked for does not exist (and there is something to show).
 */
export async function loadPublishedView(services: Services, version?: number): Promise<PublishedView | null> {
  const { competition, stores, clock } = services;
  const [{ phase }, latest] = await Promise.all([readLifecycle(services), stores.records.latestVersion()]);
  const base = { competition, now: clock.now(), phase, latest: latest ? await read(latest) : null };
  const view = publishedView(base);
  // An earlier version is looked for only once there is something to show: nothing leaks before that.
  if (view.status === 'embargoed' || view.status === 'pending') return view;
  if (version === undefined || version === latest?.version) return view;
  const asked = await stores.records.getVersion(version);
  return asked ? publishedView({ ...base, asked: await read(asked) }) : null;
}
