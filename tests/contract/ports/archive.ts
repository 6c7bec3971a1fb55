import { describe, expect, it } from 'vitest';
import { type PortsOf, rejection, uniqueCompetition } from '../store-fixtures.ts';

/** The SubmissionArchive port's contract, run against every store adapter by describeStoreContract. */
export function describeArchiveContract(stores: PortsOf<'archive'>) {
  describe('SubmissionArchive', () => {
    it('archives each payload once by content, counting its deliveries', async () => {
      const cid = uniqueCompetition();
      const raw = {
        id: 'sha256-aaaa',
        receivedAt: '2024-10-01T01:00:00.000Z',
        source: 'apps-script' as const,
        responseId: 'resp-1',
        body: '{"answers":{"Judul":"Sé"}}',
      };
      expect(await stores(cid).archive.listRaw()).toEqual([]);
      await stores(cid).archive.archiveRaw(raw);
      await stores(cid).archive.archiveRaw({ ...raw, receivedAt: '2024-10-01T01:02:00.000Z' });
      await stores(cid).archive.archiveRaw({
        id: 'sha256-bbbb',
        receivedAt: raw.receivedAt,
        source: 'local',
        body: 'x',
      });
      expect(await stores(cid).archive.listRaw()).toEqual([
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
          stores(cid).archive.archiveRaw({
            id: 'sha256-cccc',
            receivedAt: at(i),
            source: 'local',
            body: 'same',
          }),
        ),
      );
      const [only, ...rest] = await stores(cid).archive.listRaw();
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ id: 'sha256-cccc', body: 'same', deliveries: 10 });
    });

    it('records, replaces, lists and clears rejections', async () => {
      const cid = uniqueCompetition();
      expect(await stores(cid).archive.listRejections()).toEqual([]);
      await stores(cid).archive.recordRejection(
        rejection('r2', '2024-10-02T00:00:00Z', 'Wilayah tidak dikenal'),
      );
      await stores(cid).archive.recordRejection(rejection('r1', '2024-10-01T00:00:00Z', 'Judul kosong'));
      expect((await stores(cid).archive.listRejections()).map((r) => r.responseId)).toEqual(['r1', 'r2']);

      const replacement = rejection('r2', '2024-10-03T00:00:00Z', 'Tahun implementasi < 1 tahun');
      await stores(cid).archive.recordRejection(replacement);
      expect(await stores(cid).archive.listRejections()).toEqual([
        rejection('r1', '2024-10-01T00:00:00Z', 'Judul kosong'),
        replacement,
      ]);

      await stores(cid).archive.clearRejection('r1');
      await stores(cid).archive.clearRejection('never-rejected');
      expect(await stores(cid).archive.listRejections()).toEqual([replacement]);
    });

    it('keeps a rejection whatever its question titles are called', async () => {
      const cid = uniqueCompetition();
      // Titles come from the Form (or from whoever holds the intake secret): any text, even empty.
      const answers = JSON.parse(
        '{"__proto__":"a","__x__":"b","a.b":"c","":"d","`":"e","Judul Inovasi":"f","constructor":"g"}',
      ) as Record<string, string>;
      await stores(cid).archive.recordRejection({ ...rejection('r1', '2024-10-01T00:00:00Z', 'x'), answers });
      const [kept] = await stores(cid).archive.listRejections();
      expect(Object.entries(kept?.answers ?? {})).toEqual(Object.entries(answers));
      expect(Object.getPrototypeOf(kept?.answers)).toBe(Object.prototype);
    });
  });
}
