import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../functions/scores/sync.ts';
import { parseCompetition } from '../../shared/domain/competition.ts';
import { type ResultRecord, recordHashInput } from '../../shared/domain/record.ts';
import { verifyRecords } from '../../shared/domain/verify-record.ts';
import { legacyAnnouncementTexts } from '../../shared/messages/announcement-template.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import { scoreFor, sheetEnvsClosedAfterEach, typeScores } from '../sheets/helpers.ts';
import { judgedApp } from './judged-app.ts';

/**
 * Issue 24: a field verification stage between the desk review and the interview, as a gate. The
 * verifiers type in their own tabs (provisioned by setup, read by the sync); one finalist's claims do not
 * hold, so it is out of the final ranking, and the record, the Berita Acara and the public page say why.
 */
const CID = 'koin-yanlik-ntt-2024';
const AFTER = '2024-12-20T10:00:00+08:00';
const startEnv = sheetEnvsClosedAfterEach();

function withFieldStage() {
  const base = loadNtt2024();
  const field = {
    id: 'lapangan',
    name: 'Verifikasi Lapangan',
    kind: 'field',
    minJurors: 2,
    jurorsPerInnovation: 2,
    criteria: [
      { id: 'berjalan', name: 'Layanan Berjalan', weight: 60 },
      { id: 'manfaat', name: 'Manfaat Dirasakan Warga', weight: 40 },
    ],
    gate: { passMark: 60 },
  };
  const parsed = parseCompetition({ ...base, stages: [base.stages[0], field, ...base.stages.slice(1)] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

describe('a field verification stage (issue 24)', () => {
  it('takes the verifiers’ answers from their tabs, turns away a failed entry, and explains it in the record, Berita Acara and public page', async () => {
    const { env, post, get, clock } = await judgedApp(() => startEnv(withFieldStage()));
    const before = (await env.store.competition(CID).syncLog.lastSync())?.result;
    const failing = before?.final.ranking[0]?.id ?? '';
    // The verifiers find the leader's service not running: "tidak" on every claim, with a note.
    await typeScores(env, (s, j, i, c) => (i === failing ? 0 : scoreFor(s, j, i, c)), 'lapangan');
    await runSync(env.services, { trigger: 'cli' });
    const sync = await env.store.competition(CID).syncLog.lastSync();
    const field = sync?.result?.stages.find((s) => s.stage === 'lapangan');
    expect(field?.ranking).toHaveLength(20);
    expect(field?.ranking.find((e) => e.id === failing)).toMatchObject({ score: 0, advances: false });
    expect(sync?.result?.final.ranking.map((e) => e.id)).not.toContain(failing);

    expect((await post('/sekretariat/tetapkan', { confirm: 'yes' })).status).toBe(303);
    const record = (await env.store.competition(CID).records.latestVersion()) as ResultRecord;
    expect(record.rulesVersion).toBe('juri-rules/5');
    expect(record.hash).toBe(createHash('sha256').update(recordHashInput(record)).digest('hex'));
    expect(record.field?.find((f) => f.id === failing)).toMatchObject({
      result: 'failed',
      passMark: 60,
      no: ['berjalan', 'manfaat'],
    });
    const digest = async (t: string) => createHash('sha256').update(t).digest('hex');
    const file = JSON.parse(JSON.stringify(record)) as ResultRecord;
    expect((await verifyRecords([file], digest, { legacyText: legacyAnnouncementTexts })).ok).toBe(true);

    const ba = await (await get('/sekretariat/berita-acara/1')).text();
    expect(ba).toContain('Verifikasi Lapangan');
    expect(ba).toContain('tidak lolos (nilai 0,00, di bawah ambang 60)');
    expect(ba).toContain('tidak terpenuhi: Layanan Berjalan, Manfaat Dirasakan Warga');

    clock.set(AFTER);
    const page = await (await get(`/pengumuman/${CID}`, false)).text();
    expect(page).toContain('Verifikasi Lapangan: klaim proposal tiap inovasi diperiksa di lokasi');
    expect(page).toContain('tidak lolos verifikasi lapangan: nilai 0,00, di bawah ambang 60');
    expect(page).toContain(`${failing} · <bdi>`);
  });
});
