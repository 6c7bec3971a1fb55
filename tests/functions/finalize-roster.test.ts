import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixResult } from '../../functions/results/fix.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { type ResultRecord, recordHashInput } from '../../shared/domain/record.ts';
import { type Finding, verifyRecords } from '../../shared/domain/verify-record.ts';
import { isAppError } from '../../shared/errors.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';
import { beritaAcara } from '../../shared/messages/berita-acara.ts';
import { findingText } from '../../shared/messages/record.ts';
import { testServices } from '../helpers/services.ts';
import { smallCompetition } from '../unit/fixtures.ts';

const digest = async (text: string) => createHash('sha256').update(text).digest('hex');
const CHECK = { legacyText: legacyAnnouncementTexts };

const cell = (stage: string, innovation: string, juror: string, criterion: string, value: string) => ({
  stage,
  innovation,
  juror,
  criterion,
  value,
});

/**
 * The small competition (3 jurors, 2 needed per entry) judged by j1 and j2 only: j3 typed nothing in
 * either stage. `late` entries were accepted after judging and have no score.
 */
async function judgedWithoutJ3(late: string[] = []) {
  const competition = smallCompetition();
  const store = openSqliteStore(':memory:');
  const stores = store.competition(competition.id);
  const ids = ['I-1', 'I-2', 'I-3', ...late];
  for (const [k, id] of ids.entries()) {
    await stores.innovations.upsertInnovation(
      {
        responseId: `resp-${k}`,
        submittedAt: `2024-09-01T00:00:0${k}Z`,
        source: 'local',
        rawId: `raw-${k}`,
        innovation: { title: `Inovasi ${id}`, agency: 'Dinas', region: 'Sikka', category: 'kabkota' },
      },
      () => id,
    );
  }
  const desk = { 'I-1': ['90', '80'], 'I-2': ['70', '60'], 'I-3': ['50', '40'] } as Record<string, string[]>;
  const cells: ScoreEntry[] = [];
  for (const juror of ['j1', 'j2']) {
    for (const [id, [a = '', b = '']] of Object.entries(desk)) {
      cells.push(cell('desk', id, juror, 'a', a), cell('desk', id, juror, 'b', b));
    }
    // The top two advance: I-1 and I-2.
    cells.push(cell('interview', 'I-1', juror, 'x', '9'), cell('interview', 'I-2', juror, 'x', '7'));
  }
  await stores.syncLog.saveSync({
    id: 'sync-000000001',
    sequence: 1,
    startedAt: '2024-12-19T01:00:00.000Z',
    finishedAt: '2024-12-19T01:00:01.000Z',
    status: 'written',
    inputHash: 'x',
    requests: { reads: 1, writes: 1 },
    cells,
  });
  return testServices({ store, competition });
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (isAppError(e)) return e.messageIn('id');
    throw e;
  }
  throw new Error('not refused');
}

describe('finalize: absent jurors and unscored entries (issue 19)', () => {
  it('a juror with no score in a stage must be acknowledged; the record keeps it and the Berita Acara names them absent', async () => {
    const services = await judgedWithoutJ3();
    expect(await refusal(fixResult(services, {}))).toContain(
      'juri berikut tidak memberi nilai sama sekali pada tahap itu (tidak hadir): J3 (Proposal); J3 (Wawancara)',
    );
    expect(
      await refusal(fixResult(services, { acknowledgeAbsent: { by: 'Maria Ina', reason: ' ' } })),
    ).toContain('perlu nama yang menyatakan dan alasannya');
    const record = await fixResult(services, {
      acknowledgeAbsent: { by: 'Maria Ina', reason: 'J3 sakit selama masa penilaian' },
    });
    expect(record.absentJurors).toEqual([
      { stage: 'desk', juror: 'j3' },
      { stage: 'interview', juror: 'j3' },
    ]);
    expect(record.absenceAcknowledged).toEqual({ by: 'Maria Ina', reason: 'J3 sakit selama masa penilaian' });
    expect((await verifyRecords([record], digest, CHECK)).ok).toBe(true);

    const ba = beritaAcara(record, 'id');
    const text = JSON.stringify(ba.blocks);
    expect(text).toContain('Juri yang tidak hadir / tidak memberi nilai');
    expect(text).toContain('tidak hadir / tidak memberi nilai');
    expect(text).toContain('Diketahui oleh Maria Ina: J3 sakit selama masa penilaian');
    const signatures = ba.blocks.find((b) => b.kind === 'signatures');
    expect(signatures?.kind === 'signatures' && signatures.rows.map((r) => r.name)).not.toContain('J3');
  });

  it('refuses while a late entry is unscored, naming it, unless the panel leaves it out with a reason', async () => {
    const services = await judgedWithoutJ3(['I-9']);
    const ack = { by: 'Maria Ina', reason: 'J3 sakit' };
    expect(await refusal(fixResult(services, { acknowledgeAbsent: ack }))).toContain(
      'Belum lengkap: I-9 (desk)',
    );
    expect(
      await refusal(fixResult(services, { acknowledgeAbsent: ack, exclusions: [{ id: 'I-9', reason: '' }] })),
    ).toContain('hanya bisa dikeluarkan dengan alasan tertulis');
    const record: ResultRecord = await fixResult(services, {
      acknowledgeAbsent: ack,
      exclusions: [{ id: 'I-9', reason: 'Diterima terlambat, tidak sempat dinilai dewan juri' }],
    });
    expect(record.excluded).toEqual([
      { id: 'I-9', reason: 'Diterima terlambat, tidak sempat dinilai dewan juri' },
    ]);
    expect(record.innovations.map((i) => i.id)).not.toContain('I-9');
    expect(record.result.stages[0]?.ranking.map((e) => e.id)).not.toContain('I-9');
    expect((await verifyRecords([record], digest, CHECK)).ok).toBe(true);
    expect(JSON.stringify(beritaAcara(record, 'id').blocks)).toContain(
      'Inovasi yang dikeluarkan dari hasil oleh dewan juri',
    );
  });
});

describe('juri verify checks the facts of issue 19', () => {
  it('refutes a record whose absent jurors or exclusion reason were edited (and resealed)', async () => {
    const services = await judgedWithoutJ3(['I-9']);
    const record = await fixResult(services, {
      acknowledgeAbsent: { by: 'Maria Ina', reason: 'J3 sakit' },
      exclusions: [{ id: 'I-9', reason: 'Diterima terlambat' }],
    });
    const reseal = async (body: ResultRecord): Promise<ResultRecord> => ({
      ...body,
      hash: await digest(recordHashInput(body)),
    });
    const noAbsence = await reseal({ ...record, absentJurors: [] });
    const report = await verifyRecords([noAbsence], digest, CHECK);
    expect(report.findings.map((f) => f.code)).toEqual(['absence-differs']);
    const noReason = await reseal({ ...record, excluded: [{ id: 'I-9', reason: '' }] });
    const refuted = await verifyRecords([noReason], digest, CHECK);
    expect(refuted.findings).toEqual([{ code: 'reason-missing', version: 1, subject: 'I-9' }]);
    expect(findingText(refuted.findings[0] as Finding, 'id')).toContain('tanpa alasan tertulis');
  });
});

describe('finalize with a selection: an entry accepted after the last sync', () => {
  it('is not silently left out: refused until synced, or excluded with a reason', async () => {
    const services = await judgedWithoutJ3(['I-9']);
    const { stores } = services;
    const last = await stores.syncLog.lastSync();
    if (!last) throw new Error('no sync');
    // The last sync applied a selection that passed I-1..I-3: I-9 came in after it.
    const verdicts = ['I-1', 'I-2', 'I-3'].map((id) => ({
      id,
      rule: 'pass' as const,
      reasons: [],
      outcome: 'pass' as const,
    }));
    await stores.syncLog.saveSync({ ...last, selection: { verdicts, log: [] } });
    const ack = { by: 'Maria Ina', reason: 'J3 sakit' };
    expect(await refusal(fixResult(services, { acknowledgeAbsent: ack }))).toContain(
      'diterima setelah sinkronisasi terakhir dan belum melewati seleksi: I-9',
    );
    const record = await fixResult(services, {
      acknowledgeAbsent: ack,
      exclusions: [{ id: 'I-9', reason: 'Masuk setelah penilaian ditutup' }],
    });
    expect(record.excluded).toEqual([{ id: 'I-9', reason: 'Masuk setelah penilaian ditutup' }]);
    expect((await verifyRecords([record], digest, CHECK)).ok).toBe(true);
  });
});
