import { describe, expect, it } from 'vitest';
import type { RawSubmission } from '../../../shared/ports.ts';
import { seededRandom } from '../../../shared/seeded-random.ts';
import { numberToId, type PortsOf, rejection, submission, uniqueCompetition } from '../store-fixtures.ts';

/** The InnovationStore port's contract, run against every store adapter by describeStoreContract. */
export function describeInnovationsContract(stores: PortsOf<'innovations' | 'archive'>) {
  describe('InnovationStore', () => {
    it('creates an innovation with the first number and version 1', async () => {
      const cid = uniqueCompetition();
      const { outcome, innovation } = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-01T08:00:00.000Z'),
        numberToId,
      );
      expect(outcome).toBe('created');
      expect(innovation).toEqual({
        ...submission('r1', '2024-10-01T08:00:00.000Z').innovation,
        id: 'INOV-2024-001',
        version: 1,
        responseId: 'r1',
        submittedAt: '2024-10-01T08:00:00.000Z',
      });
      expect(await stores(cid).innovations.listInnovations()).toEqual([innovation]);
      expect(await stores(cid).innovations.innovationHistory('r1')).toEqual([]);
    });

    it('updates on a newer submittedAt, keeps the number and the earlier version in history', async () => {
      const cid = uniqueCompetition();
      const first = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-01T08:00:00Z', 'Lama'),
        numberToId,
      );
      await stores(cid).innovations.upsertInnovation(submission('r2', '2024-10-01T09:00:00Z'), numberToId);
      const second = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-02T08:00:00Z', 'Baru'),
        numberToId,
      );
      expect(second.outcome).toBe('updated');
      expect(second.innovation).toMatchObject({ id: 'INOV-2024-001', version: 2, title: 'Baru' });
      const third = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-03T08:00:00Z', 'Terbaru'),
        numberToId,
      );
      expect(third.innovation).toMatchObject({ id: 'INOV-2024-001', version: 3, title: 'Terbaru' });
      expect(await stores(cid).innovations.innovationHistory('r1')).toEqual([
        first.innovation,
        second.innovation,
      ]);
      const listed = await stores(cid).innovations.listInnovations();
      expect(listed.map((i) => [i.id, i.title])).toEqual([
        ['INOV-2024-001', 'Terbaru'],
        ['INOV-2024-002', 'Judul r2'],
      ]);
    });

    it('leaves the innovation unchanged for the same or an older submittedAt (same instant, other offset)', async () => {
      const cid = uniqueCompetition();
      const created = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-02T08:00:00Z', 'Asli'),
        numberToId,
      );
      for (const at of ['2024-10-02T08:00:00Z', '2024-10-02T16:00:00+08:00', '2024-10-01T08:00:00Z']) {
        const again = await stores(cid).innovations.upsertInnovation(
          submission('r1', at, 'Lain'),
          numberToId,
        );
        expect(again.outcome).toBe('unchanged');
        expect(again.innovation).toEqual(created.innovation);
      }
      expect(await stores(cid).innovations.listInnovations()).toEqual([created.innovation]);
      expect(await stores(cid).innovations.innovationHistory('r1')).toEqual([]);
    });

    it('numbers 30 concurrent submissions, each redelivered 3 times at once, gap-free and exactly once', async () => {
      const cid = uniqueCompetition();
      const ids = Array.from({ length: 30 }, (_, i) => `resp-${String(i).padStart(2, '0')}`);
      const calls = ids.flatMap((id) => [id, id, id]).map((id) => ({ id, at: '2024-10-05T02:00:00Z' }));
      const results = await Promise.all(
        shuffle(calls).map(async (c) => ({
          id: c.id,
          ...(await stores(cid).innovations.upsertInnovation(submission(c.id, c.at), numberToId)),
        })),
      );
      const created = results.filter((r) => r.outcome === 'created');
      expect(created).toHaveLength(30);
      expect(new Set(created.map((r) => r.id)).size).toBe(30);
      expect(results.every((r) => r.outcome !== 'updated')).toBe(true);
      // Every delivery of one response reports the same number.
      const numberOf = new Map(created.map((r) => [r.id, r.innovation.id]));
      for (const r of results) expect(r.innovation.id).toBe(numberOf.get(r.id));

      const listed = await stores(cid).innovations.listInnovations();
      expect(listed.map((i) => i.id)).toEqual(ids.map((_, i) => numberToId(i + 1)));
      expect(new Set(listed.map((i) => i.responseId)).size).toBe(30);
      expect(listed.every((i) => i.version === 1)).toBe(true);
    });

    it('applies concurrent edits of one response without losing a version', async () => {
      const cid = uniqueCompetition();
      await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-01T00:00:00Z', 'v0'),
        numberToId,
      );
      const edits = Array.from({ length: 6 }, (_, i) => `2024-10-0${i + 2}T00:00:00Z`);
      const outcomes = await Promise.all(
        shuffle(edits).map((at) =>
          stores(cid).innovations.upsertInnovation(submission('r1', at, at), numberToId),
        ),
      );
      expect(outcomes.some((o) => o.outcome === 'updated')).toBe(true);
      const [current] = await stores(cid).innovations.listInnovations();
      expect(current).toMatchObject({ id: 'INOV-2024-001', title: edits.at(-1), submittedAt: edits.at(-1) });
      const history = await stores(cid).innovations.innovationHistory('r1');
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
      await stores(a).innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z'), numberToId);
      await stores(a).innovations.upsertInnovation(submission('r2', '2024-10-01T00:00:00Z'), numberToId);
      const inB = await stores(b).innovations.upsertInnovation(
        submission('r2', '2024-10-01T00:00:00Z'),
        numberToId,
      );
      expect(inB).toMatchObject({ outcome: 'created', innovation: { id: 'INOV-2024-001' } });
      expect((await stores(a).innovations.listInnovations()).map((i) => i.id)).toEqual([
        'INOV-2024-001',
        'INOV-2024-002',
      ]);
      expect(await stores(b).innovations.listInnovations()).toHaveLength(1);
    });

    it('archives the payload with a created or updated innovation, and alone with an unchanged one', async () => {
      const cid = uniqueCompetition();
      const first = payload('p1', 'r1', '2024-10-01T01:00:00.000Z');
      const created = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-01T00:00:00Z'),
        numberToId,
        first,
      );
      expect(created.outcome).toBe('created');
      expect(await stores(cid).archive.listRaw()).toEqual([archived(first, 1, first.receivedAt)]);
      // The same bytes again: the innovation is unchanged, the payload counted.
      const replay = { ...first, receivedAt: '2024-10-01T01:05:00.000Z' };
      const again = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-01T00:00:00Z'),
        numberToId,
        replay,
      );
      expect(again.outcome).toBe('unchanged');
      const edit = payload('p2', 'r1', '2024-10-02T01:00:00.000Z');
      const updated = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-02T00:00:00Z', 'Baru'),
        numberToId,
        edit,
      );
      expect(updated.outcome).toBe('updated');
      expect(await stores(cid).archive.listRaw()).toEqual([
        archived(first, 2, replay.receivedAt),
        archived(edit, 1, edit.receivedAt),
      ]);
      // Without a payload nothing more is archived (a late entry accepted by the secretariat).
      await stores(cid).innovations.upsertInnovation(submission('r2', '2024-10-02T00:00:00Z'), numberToId);
      expect(await stores(cid).archive.listRaw()).toHaveLength(2);
    });

    it('stores an innovation whose payload was archived before, counting this delivery too', async () => {
      const cid = uniqueCompetition();
      const raw = payload('p1', 'r1', '2024-10-01T01:00:00.000Z');
      // An earlier delivery of the same bytes was archived, then its store failed (the sender retried).
      await stores(cid).archive.archiveRaw(raw);
      const retry = { ...raw, receivedAt: '2024-10-01T01:01:00.000Z' };
      const stored = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-01T00:00:00Z'),
        numberToId,
        retry,
      );
      expect(stored).toMatchObject({ outcome: 'created', innovation: { id: 'INOV-2024-001' } });
      expect(await stores(cid).archive.listRaw()).toEqual([archived(raw, 2, retry.receivedAt)]);
    });

    it('counts 8 concurrent deliveries of one new submission once each, and stores it once', async () => {
      const cid = uniqueCompetition();
      const raw = payload('p1', 'r1', '2024-10-01T01:00:00.000Z');
      const at = (i: number) => `2024-10-01T01:00:0${i}.000Z`;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          stores(cid).innovations.upsertInnovation(submission('r1', '2024-10-01T00:00:00Z'), numberToId, {
            ...raw,
            receivedAt: at(i),
          }),
        ),
      );
      expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
      expect(results.every((r) => r.innovation.id === 'INOV-2024-001')).toBe(true);
      const [only, ...rest] = await stores(cid).archive.listRaw();
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ id: raw.id, body: raw.body, deliveries: 8 });
      expect(await stores(cid).innovations.listInnovations()).toHaveLength(1);
    });

    it("clears a response's rejection when its innovation is created or updated, not when unchanged", async () => {
      const cid = uniqueCompetition();
      await stores(cid).archive.recordRejection(rejection('r1', '2024-10-01T00:00:00Z', 'Judul kosong'));
      await stores(cid).archive.recordRejection(rejection('r2', '2024-10-01T00:00:00Z', 'Judul kosong'));
      await stores(cid).innovations.upsertInnovation(submission('r1', '2024-10-02T00:00:00Z'), numberToId);
      expect((await stores(cid).archive.listRejections()).map((r) => r.responseId)).toEqual(['r2']);
      await stores(cid).archive.recordRejection(
        rejection('r1', '2024-10-03T00:00:00Z', 'Wilayah tidak dikenal'),
      );
      const again = await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-02T00:00:00Z'),
        numberToId,
      );
      expect(again.outcome).toBe('unchanged');
      // Oldest received first.
      expect((await stores(cid).archive.listRejections()).map((r) => r.responseId)).toEqual(['r2', 'r1']);
      await stores(cid).innovations.upsertInnovation(
        submission('r1', '2024-10-04T00:00:00Z', 'Baru'),
        numberToId,
      );
      expect((await stores(cid).archive.listRejections()).map((r) => r.responseId)).toEqual(['r2']);
    });
  });
}

/** A payload as the intake names it (here by a made-up hash), for response `responseId`. */
function payload(hash: string, responseId: string, receivedAt: string): RawSubmission {
  return {
    id: `sha256-${hash}`,
    receivedAt,
    source: 'apps-script',
    responseId,
    body: `{"responseId":"${responseId}","hash":"${hash}"}`,
  };
}

function archived(raw: RawSubmission, deliveries: number, lastReceivedAt: string) {
  return { ...raw, deliveries, lastReceivedAt };
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
