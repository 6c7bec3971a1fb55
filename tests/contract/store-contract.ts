import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecyclePhase, LifecycleTransition } from '../../shared/domain/lifecycle.ts';
import type { StoreAdapter } from '../../shared/ports.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import {
  bigSync,
  numberToId,
  rejection,
  resultRecord,
  scoreChange,
  smallSync,
  submission,
  uniqueCompetition,
} from './store-fixtures.ts';

export type OpenStore = () => Promise<{ store: StoreAdapter; close(): Promise<void> }>;

/**
 * The behaviour every StoreAdapter adapter must have. Each test uses its own competition id, so adapters
 * that share one backend (the emulator) stay isolated without clearing it.
 */
export function describeStoreContract(name: string, open: OpenStore) {
  describe(`StoreAdapter contract: ${name}`, () => {
    let store: StoreAdapter;
    let close: () => Promise<void> = async () => {};

    beforeAll(async () => {
      const opened = await open();
      store = opened.store;
      close = opened.close;
    });
    afterAll(async () => close());

    it('archives each payload once by content, counting its deliveries', async () => {
      const cid = uniqueCompetition();
      const raw = {
        id: 'sha256-aaaa',
        receivedAt: '2024-10-01T01:00:00.000Z',
        source: 'apps-script' as const,
        responseId: 'resp-1',
        body: '{"answers":{"Judul":"Sé"}}',
      };
      expect(await store.competition(cid).archive.listRaw()).toEqual([]);
      await store.competition(cid).archive.archiveRaw(raw);
      await store.competition(cid).archive.archiveRaw({ ...raw, receivedAt: '2024-10-01T01:02:00.000Z' });
      await store.competition(cid).archive.archiveRaw({
        id: 'sha256-bbbb',
        receivedAt: raw.receivedAt,
        source: 'local',
        body: 'x',
      });
      expect(await store.competition(cid).archive.listRaw()).toEqual([
        { ...raw, deliveries: 2, lastReceivedAt: '2024-10-01T01:02:00.000Z' },
        {
          id: 'sha256-bbbb',
          receivedAt: raw.receivedAt,
          source: 'local',
          body: 'x',
          deliveries: 1,
          lastReceivedAt: raw.receivedAt,
        },
      ]);
    });

    it('counts 10 concurrent deliveries of one payload and keeps one copy', async () => {
      const cid = uniqueCompetition();
      const at = (i: number) => `2024-10-01T01:00:0${i}.000Z`;
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store
            .competition(cid)
            .archive.archiveRaw({ id: 'sha256-cccc', receivedAt: at(i), source: 'local', body: 'same' }),
        ),
      );
      const [only, ...rest] = await store.competition(cid).archive.listRaw();
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ id: 'sha256-cccc', body: 'same', deliveries: 10 });
    });

    it('creates an innovation with the first number and version 1', async () => {
      const cid = uniqueCompetition();
      const { outcome, innovation } = await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-01T08:00:00.000Z'), numberToId);
      expect(outcome).toBe('created');
      expect(innovation).toEqual({
        ...submission('r1', '2024-10-01T08:00:00.000Z').innovation,
        id: 'INOV-2024-001',
        version: 1,
        responseId: 'r1',
        submittedAt: '2024-10-01T08:00:00.000Z',
      });
      expect(await store.competition(cid).innovations.listInnovations()).toEqual([innovation]);
      expect(await store.competition(cid).innovations.innovationHistory('r1')).toEqual([]);
    });

    it('updates on a newer submittedAt, keeps the number and the earlier version in history', async () => {
      const cid = uniqueCompetition();
      const first = await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-01T08:00:00Z', 'Lama'), numberToId);
      await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r2', '2024-10-01T09:00:00Z'), numberToId);
      const second = await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-02T08:00:00Z', 'Baru'), numberToId);
      expect(second.outcome).toBe('updated');
      expect(second.innovation).toMatchObject({ id: 'INOV-2024-001', version: 2, title: 'Baru' });
      const third = await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-03T08:00:00Z', 'Terbaru'), numberToId);
      expect(third.innovation).toMatchObject({ id: 'INOV-2024-001', version: 3, title: 'Terbaru' });
      expect(await store.competition(cid).innovations.innovationHistory('r1')).toEqual([
        first.innovation,
        second.innovation,
      ]);
      const listed = await store.competition(cid).innovations.listInnovations();
      expect(listed.map((i) => [i.id, i.title])).toEqual([
        ['INOV-2024-001', 'Terbaru'],
        ['INOV-2024-002', 'Judul r2'],
      ]);
    });

    it('leaves the innovation unchanged for the same or an older submittedAt (same instant, other offset)', async () => {
      const cid = uniqueCompetition();
      const created = await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-02T08:00:00Z', 'Asli'), numberToId);
      for (const at of ['2024-10-02T08:00:00Z', '2024-10-02T16:00:00+08:00', '2024-10-01T08:00:00Z']) {
        const again = await store
          .competition(cid)
          .innovations.upsertInnovation(submission('r1', at, 'Lain'), numberToId);
        expect(again.outcome).toBe('unchanged');
        expect(again.innovation).toEqual(created.innovation);
      }
      expect(await store.competition(cid).innovations.listInnovations()).toEqual([created.innovation]);
      expect(await store.competition(cid).innovations.innovationHistory('r1')).toEqual([]);
    });

    it('numbers 30 concurrent submissions, each redelivered 3 times at once, gap-free and exactly once', async () => {
      const cid = uniqueCompetition();
      const ids = Array.from({ length: 30 }, (_, i) => `resp-${String(i).padStart(2, '0')}`);
      const calls = ids.flatMap((id) => [id, id, id]).map((id) => ({ id, at: '2024-10-05T02:00:00Z' }));
      const results = await Promise.all(
        shuffle(calls).map(async (c) => ({
          id: c.id,
          ...(await store.competition(cid).innovations.upsertInnovation(submission(c.id, c.at), numberToId)),
        })),
      );
      const created = results.filter((r) => r.outcome === 'created');
      expect(created).toHaveLength(30);
      expect(new Set(created.map((r) => r.id)).size).toBe(30);
      expect(results.every((r) => r.outcome !== 'updated')).toBe(true);
      // Every delivery of one response reports the same number.
      const numberOf = new Map(created.map((r) => [r.id, r.innovation.id]));
      for (const r of results) expect(r.innovation.id).toBe(numberOf.get(r.id));

      const listed = await store.competition(cid).innovations.listInnovations();
      expect(listed.map((i) => i.id)).toEqual(ids.map((_, i) => numberToId(i + 1)));
      expect(new Set(listed.map((i) => i.responseId)).size).toBe(30);
      expect(listed.every((i) => i.version === 1)).toBe(true);
    });

    it('applies concurrent edits of one response without losing a version', async () => {
      const cid = uniqueCompetition();
      await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z', 'v0'), numberToId);
      const edits = Array.from({ length: 6 }, (_, i) => `2024-10-0${i + 2}T00:00:00Z`);
      const outcomes = await Promise.all(
        shuffle(edits).map((at) =>
          store.competition(cid).innovations.upsertInnovation(submission('r1', at, at), numberToId),
        ),
      );
      expect(outcomes.some((o) => o.outcome === 'updated')).toBe(true);
      const [current] = await store.competition(cid).innovations.listInnovations();
      expect(current).toMatchObject({ id: 'INOV-2024-001', title: edits.at(-1), submittedAt: edits.at(-1) });
      const history = await store.competition(cid).innovations.innovationHistory('r1');
      const updates = outcomes.filter((o) => o.outcome === 'updated').length;
      expect(current?.version).toBe(updates + 1);
      expect(history.map((h) => h.version)).toEqual(Array.from({ length: updates }, (_, i) => i + 1));
      expect(history[0]?.title).toBe('v0');
      // History is in submission order: each kept version is older than the next.
      const times = [...history, current].map((h) => Date.parse(h?.submittedAt ?? ''));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });

    it('numbers each competition on its own and keeps their data apart', async () => {
      const a = uniqueCompetition('a');
      const b = uniqueCompetition('b');
      await store
        .competition(a)
        .innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z'), numberToId);
      await store
        .competition(a)
        .innovations.upsertInnovation(submission('r2', '2024-10-01T00:00:00Z'), numberToId);
      const inB = await store
        .competition(b)
        .innovations.upsertInnovation(submission('r2', '2024-10-01T00:00:00Z'), numberToId);
      expect(inB).toMatchObject({ outcome: 'created', innovation: { id: 'INOV-2024-001' } });
      expect((await store.competition(a).innovations.listInnovations()).map((i) => i.id)).toEqual([
        'INOV-2024-001',
        'INOV-2024-002',
      ]);
      expect(await store.competition(b).innovations.listInnovations()).toHaveLength(1);
    });

    it('records, replaces, lists and clears rejections', async () => {
      const cid = uniqueCompetition();
      expect(await store.competition(cid).archive.listRejections()).toEqual([]);
      await store
        .competition(cid)
        .archive.recordRejection(rejection('r2', '2024-10-02T00:00:00Z', 'Wilayah tidak dikenal'));
      await store
        .competition(cid)
        .archive.recordRejection(rejection('r1', '2024-10-01T00:00:00Z', 'Judul kosong'));
      expect((await store.competition(cid).archive.listRejections()).map((r) => r.responseId)).toEqual([
        'r1',
        'r2',
      ]);

      const replacement = rejection('r2', '2024-10-03T00:00:00Z', 'Tahun implementasi < 1 tahun');
      await store.competition(cid).archive.recordRejection(replacement);
      expect(await store.competition(cid).archive.listRejections()).toEqual([
        rejection('r1', '2024-10-01T00:00:00Z', 'Judul kosong'),
        replacement,
      ]);

      await store.competition(cid).archive.clearRejection('r1');
      await store.competition(cid).archive.clearRejection('never-rejected');
      expect(await store.competition(cid).archive.listRejections()).toEqual([replacement]);
    });

    it("clears a response's rejection when its innovation is created or updated, not when unchanged", async () => {
      const cid = uniqueCompetition();
      await store
        .competition(cid)
        .archive.recordRejection(rejection('r1', '2024-10-01T00:00:00Z', 'Judul kosong'));
      await store
        .competition(cid)
        .archive.recordRejection(rejection('r2', '2024-10-01T00:00:00Z', 'Judul kosong'));
      await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-02T00:00:00Z'), numberToId);
      expect((await store.competition(cid).archive.listRejections()).map((r) => r.responseId)).toEqual([
        'r2',
      ]);
      await store
        .competition(cid)
        .archive.recordRejection(rejection('r1', '2024-10-03T00:00:00Z', 'Wilayah tidak dikenal'));
      const again = await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-02T00:00:00Z'), numberToId);
      expect(again.outcome).toBe('unchanged');
      // Oldest received first.
      expect((await store.competition(cid).archive.listRejections()).map((r) => r.responseId)).toEqual([
        'r2',
        'r1',
      ]);
      await store
        .competition(cid)
        .innovations.upsertInnovation(submission('r1', '2024-10-04T00:00:00Z', 'Baru'), numberToId);
      expect((await store.competition(cid).archive.listRejections()).map((r) => r.responseId)).toEqual([
        'r2',
      ]);
    });

    it('keeps a rejection whatever its question titles are called', async () => {
      const cid = uniqueCompetition();
      // Titles come from the Form (or from whoever holds the intake secret): any text, even empty.
      const answers = JSON.parse(
        '{"__proto__":"a","__x__":"b","a.b":"c","":"d","`":"e","Judul Inovasi":"f","constructor":"g"}',
      ) as Record<string, string>;
      await store
        .competition(cid)
        .archive.recordRejection({ ...rejection('r1', '2024-10-01T00:00:00Z', 'x'), answers });
      const [kept] = await store.competition(cid).archive.listRejections();
      expect(Object.entries(kept?.answers ?? {})).toEqual(Object.entries(answers));
      expect(Object.getPrototypeOf(kept?.answers)).toBe(Object.prototype);
    });

    it('saves syncs and returns the one that finished last', async () => {
      const cid = uniqueCompetition();
      expect(await store.competition(cid).syncLog.lastSync()).toBeNull();
      await store.competition(cid).syncLog.saveSync(smallSync('s2', '2024-11-02T00:00:00.000Z'));
      await store.competition(cid).syncLog.saveSync(smallSync('s1', '2024-11-01T00:00:00.000Z'));
      expect(await store.competition(cid).syncLog.lastSync()).toEqual(
        smallSync('s2', '2024-11-02T00:00:00.000Z'),
      );
      const redone = { ...smallSync('s2', '2024-11-02T00:00:00.000Z', 'failed'), message: 'Kuota habis' };
      await store.competition(cid).syncLog.saveSync(redone);
      expect(await store.competition(cid).syncLog.lastSync()).toEqual(redone);
      expect(await store.competition(uniqueCompetition()).syncLog.lastSync()).toBeNull();
    });

    it('round-trips a national-scale sync result (3,500 entries) exactly', async () => {
      const cid = uniqueCompetition();
      const big = bigSync('big-1', '2024-12-20T01:00:00.000Z');
      expect(JSON.stringify(big).length).toBeGreaterThan(1024 * 1024);
      await store.competition(cid).syncLog.saveSync(big);
      expect(await store.competition(cid).syncLog.lastSync()).toEqual(big);
      // A smaller, later record replaces it as the last one.
      await store.competition(cid).syncLog.saveSync(smallSync('small-2', '2024-12-20T02:00:00.000Z'));
      expect(await store.competition(cid).syncLog.lastSync()).toEqual(
        smallSync('small-2', '2024-12-20T02:00:00.000Z'),
      );
    });

    it('returns the sync with the highest sequence, whatever the clocks or ids say', async () => {
      const cid = uniqueCompetition();
      const same = '2024-11-02T00:00:00.000Z';
      // Two instances whose clocks disagree, and ids that sort the other way round.
      await store.competition(cid).syncLog.saveSync({ ...smallSync('b', same), sequence: 1 });
      await store.competition(cid).syncLog.saveSync({ ...smallSync('a', same), sequence: 2 });
      expect((await store.competition(cid).syncLog.lastSync())?.id).toBe('a');
      await store
        .competition(cid)
        .syncLog.saveSync({ ...smallSync('c', '2024-11-01T23:59:00.000Z'), sequence: 3 });
      expect((await store.competition(cid).syncLog.lastSync())?.id).toBe('c');
    });

    it('keeps a session until it is revoked or expires', async () => {
      const cid = uniqueCompetition();
      const t = (h: number) => new Date(Date.UTC(2024, 10, 1, h));
      expect(await store.competition(cid).sessions.sessionActive('s1', t(0))).toBe(false);
      await store.competition(cid).sessions.createSession('s1', t(4));
      await store.competition(cid).sessions.createSession('s2', t(4));
      expect(await store.competition(cid).sessions.sessionActive('s1', t(1))).toBe(true);
      expect(await store.competition(uniqueCompetition()).sessions.sessionActive('s1', t(1))).toBe(false);
      await store.competition(cid).sessions.revokeSession('s1');
      await store.competition(cid).sessions.revokeSession('never-created');
      expect(await store.competition(cid).sessions.sessionActive('s1', t(1))).toBe(false);
      expect(await store.competition(cid).sessions.sessionActive('s2', t(1))).toBe(true);
      expect(await store.competition(cid).sessions.sessionActive('s2', t(4))).toBe(false);
    });

    it('counts sign-in attempts per client, newest first, exactly under concurrency', async () => {
      const cid = uniqueCompetition();
      const t = (s: number) => new Date(Date.UTC(2024, 10, 1, 0, 0, s));
      const ip = '203.0.113.7';
      expect(await store.competition(cid).signIn.recentAttempts(ip, t(0), 10)).toEqual([]);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.competition(cid).signIn.addAttempt(ip, { id: `a${i + 10}`, at: t(i) }),
        ),
      );
      // Two in the same millisecond are ordered by id.
      await store.competition(cid).signIn.addAttempt(ip, { id: 'b0', at: t(11) });
      await store.competition(cid).signIn.addAttempt('198.51.100.1', { id: 'x', at: t(30) });
      const recent = await store.competition(cid).signIn.recentAttempts(ip, t(3), 50);
      expect(recent.map((a) => [a.id, a.at.toISOString()])).toEqual([
        ['b0', t(11).toISOString()],
        ...Array.from({ length: 9 }, (_, i) => [`a${21 - i}`, t(11 - i).toISOString()]),
      ]);
      expect(await store.competition(cid).signIn.recentAttempts(ip, t(0), 4)).toHaveLength(4);
      await store.competition(cid).signIn.clearAttempts(ip);
      expect(await store.competition(cid).signIn.recentAttempts(ip, t(0), 50)).toEqual([]);
      expect(await store.competition(cid).signIn.recentAttempts('198.51.100.1', t(0), 50)).toHaveLength(1);
    });

    it('keeps a lease exclusive until it expires or is released', async () => {
      const cid = uniqueCompetition();
      const t = (min: number) => new Date(Date.UTC(2024, 10, 1, 0, min));
      expect(await store.competition(cid).leases.acquireLease('sync', 'a', t(0), t(5))).toBe(true);
      expect(await store.competition(cid).leases.acquireLease('sync', 'b', t(1), t(6))).toBe(false);
      expect(await store.competition(cid).leases.acquireLease('other', 'b', t(1), t(6))).toBe(true);
      // The holder may extend its own lease.
      expect(await store.competition(cid).leases.acquireLease('sync', 'a', t(2), t(8))).toBe(true);
      expect(await store.competition(cid).leases.acquireLease('sync', 'b', t(6), t(9))).toBe(false);
      // Only the holder can release it.
      await store.competition(cid).leases.releaseLease('sync', 'b');
      expect(await store.competition(cid).leases.acquireLease('sync', 'b', t(7), t(9))).toBe(false);
      await store.competition(cid).leases.releaseLease('sync', 'a');
      expect(await store.competition(cid).leases.acquireLease('sync', 'b', t(7), t(9))).toBe(true);
      // After expiry anyone may take it.
      expect(await store.competition(cid).leases.acquireLease('sync', 'c', t(9), t(12))).toBe(true);
      expect(await store.competition(cid).leases.acquireLease('sync', 'b', t(10), t(13))).toBe(false);
      await store.competition(cid).leases.releaseLease('sync', 'c');
      await store.competition(cid).leases.releaseLease('sync', 'c');
    });

    it('grants a free lease to exactly one of many concurrent takers', async () => {
      const cid = uniqueCompetition();
      const now = new Date('2024-11-01T00:00:00Z');
      const until = new Date('2024-11-01T00:05:00Z');
      const holders = Array.from({ length: 10 }, (_, i) => `worker-${i}`);
      const granted = await Promise.all(
        holders.map((h) => store.competition(cid).leases.acquireLease('sync', h, now, until)),
      );
      expect(granted.filter(Boolean)).toHaveLength(1);
    });

    it('saves each result version once: a taken number is never overwritten', async () => {
      const cid = uniqueCompetition();
      expect(await store.competition(cid).records.latestVersion()).toBeNull();
      expect(await store.competition(cid).records.listVersions()).toEqual([]);
      expect(await store.competition(cid).records.saveVersion(resultRecord(1))).toBe(true);
      const rival = { ...resultRecord(1), reason: 'menimpa', hash: 'hash-other' };
      expect(await store.competition(cid).records.saveVersion(rival)).toBe(false);
      expect(await store.competition(cid).records.getVersion(1)).toEqual(resultRecord(1));
      expect(await store.competition(cid).records.saveVersion(resultRecord(2))).toBe(true);
      expect(await store.competition(cid).records.latestVersion()).toEqual(resultRecord(2));
      expect(
        (await store.competition(cid).records.listVersions()).map((v) => [v.version, v.hash, v.reason]),
      ).toEqual([
        [1, 'hash-1', null],
        [2, 'hash-2', resultRecord(2).reason],
      ]);
      expect(await store.competition(cid).records.getVersion(3)).toBeNull();
      expect(await store.competition(uniqueCompetition()).records.latestVersion()).toBeNull();
    });

    it('lets exactly one of several concurrent fixers take a version number', async () => {
      const cid = uniqueCompetition();
      const tries = Array.from({ length: 5 }, (_, i) => ({ ...resultRecord(1), hash: `hash-try-${i}` }));
      const won = await Promise.all(tries.map((r) => store.competition(cid).records.saveVersion(r)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = tries[won.indexOf(true)];
      expect(await store.competition(cid).records.getVersion(1)).toEqual(winner);
    });

    it('round-trips a national-scale record (3,500 entries, 75,000 cells) exactly', async () => {
      const cid = uniqueCompetition();
      const big = resultRecord(1, 75_000);
      expect(JSON.stringify(big).length).toBeGreaterThan(4 * 1024 * 1024);
      expect(await store.competition(cid).records.saveVersion(big)).toBe(true);
      expect(await store.competition(cid).records.getVersion(1)).toEqual(big);
      expect(await store.competition(cid).records.latestVersion()).toEqual(big);
    });

    it('appends score changes per sync and lists them newest first with the total', async () => {
      const cid = uniqueCompetition();
      expect(await store.competition(cid).changeLog.listScoreChanges()).toEqual({ changes: [], total: 0 });
      const first = [0, 1, 2].map((i) => scoreChange('sync-000000001', i));
      const second = [3, 4].map((i) => scoreChange('sync-000000002', i, '7'));
      expect(await store.competition(cid).changeLog.appendScoreChanges('sync-000000001', first)).toEqual({
        changes: [],
        total: 3,
      });
      // Each append answers the newest `limit` as listScoreChanges would now (the sync publishes them).
      const afterSecond = await store
        .competition(cid)
        .changeLog.appendScoreChanges('sync-000000002', second, 4);
      expect(await store.competition(cid).changeLog.appendScoreChanges('sync-000000002', second, 4)).toEqual(
        afterSecond,
      );
      expect(await store.competition(cid).changeLog.appendScoreChanges('sync-000000003', [], 5000)).toEqual(
        await store.competition(cid).changeLog.listScoreChanges(),
      );
      const all = await store.competition(cid).changeLog.listScoreChanges();
      expect(all.total).toBe(5);
      expect(all.changes).toEqual([...second].reverse().concat([...first].reverse()));
      expect(afterSecond).toEqual({ changes: all.changes.slice(0, 4), total: 5 });
      const newest = await store.competition(cid).changeLog.listScoreChanges(3);
      expect(newest).toEqual({ changes: all.changes.slice(0, 3), total: 5 });
    });

    it('keeps public responses to a provisional result, oldest first', async () => {
      const cid = uniqueCompetition();
      const response = (id: string, at: string) => ({
        id,
        receivedAt: at,
        version: 1,
        name: 'Warga Kupang',
        contact: '0812 0000 0000',
        message: 'Mohon periksa nilai INOV-2024-003 — “sé”',
      });
      await store
        .competition(cid)
        .publicResponses.savePublicResponse(response('b', '2024-12-21T02:00:00.000Z'));
      await store
        .competition(cid)
        .publicResponses.savePublicResponse(response('a', '2024-12-21T01:00:00.000Z'));
      expect((await store.competition(cid).publicResponses.listPublicResponses()).map((r) => r.id)).toEqual([
        'a',
        'b',
      ]);
      expect((await store.competition(cid).publicResponses.listPublicResponses())[0]).toEqual(
        response('a', '2024-12-21T01:00:00.000Z'),
      );
    });

    it('logs lifecycle transitions once per number, oldest first, one winner among concurrent moves', async () => {
      const cid = uniqueCompetition();
      expect(await store.competition(cid).lifecycle.listTransitions()).toEqual([]);
      const first = transition(1, { code: 'registration' }, { code: 'judging', stage: 'administrasi' });
      expect(await store.competition(cid).lifecycle.appendTransition(first)).toBe(true);
      expect(await store.competition(cid).lifecycle.appendTransition({ ...first, reason: 'menimpa' })).toBe(
        false,
      );
      const tries = [
        transition(2, first.to, { code: 'fixing' }, 'pendaftaran — “sé” 9 > 10'),
        transition(2, first.to, { code: 'judging', stage: 'wawancara' }),
        { ...transition(2, first.to, { code: 'announced' }), version: 3 },
      ];
      const won = await Promise.all(tries.map((t) => store.competition(cid).lifecycle.appendTransition(t)));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await store.competition(cid).lifecycle.listTransitions()).toEqual([
        first,
        tries[won.indexOf(true)],
      ]);
      expect(await store.competition(uniqueCompetition()).lifecycle.listTransitions()).toEqual([]);
    });

    it('stores cursors per name', async () => {
      const cid = uniqueCompetition();
      expect(await store.competition(cid).cursors.getCursor('forms')).toBeNull();
      await store.competition(cid).cursors.setCursor('forms', '2024-10-01T00:00:00Z');
      await store.competition(cid).cursors.setCursor('forms/2', 'x');
      await store.competition(cid).cursors.setCursor('forms', '2024-10-02T00:00:00Z');
      expect(await store.competition(cid).cursors.getCursor('forms')).toBe('2024-10-02T00:00:00Z');
      expect(await store.competition(cid).cursors.getCursor('forms/2')).toBe('x');
      expect(await store.competition(uniqueCompetition()).cursors.getCursor('forms')).toBeNull();
    });
  });
}

function transition(
  seq: number,
  from: LifecyclePhase,
  to: LifecyclePhase,
  reason = 'Pendaftaran ditutup',
): LifecycleTransition {
  return { seq, from, to, at: `2024-11-0${seq}T01:00:00.000Z`, by: 'secretariat', reason };
}

/** The same order on every run (seeded), so a failure can be replayed; a different one per call. */
const random = seededRandom(20241220);

function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a !== undefined && b !== undefined) {
      out[i] = b;
      out[j] = a;
    }
  }
  return out;
}
