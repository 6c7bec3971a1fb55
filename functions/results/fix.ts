import { sha256Hex } from '../../shared/digest.ts';
import { judgingIsComplete } from '../../shared/domain/announcement.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import { finalTop } from '../../shared/domain/competition.ts';
import {
  buildRecordBody,
  type RecordStatus,
  type ResultRecord,
  type ResultRecordBody,
  sealRecord,
} from '../../shared/domain/record.ts';
import { admitted } from '../../shared/domain/selection.ts';
import { checkTieDecisions, type TieDecision } from '../../shared/domain/ties.ts';
import { AppError } from '../../shared/errors.ts';
import { tieProblemText } from '../../shared/messages/record.ts';
import type { Services } from '../compose/services.ts';
import { followFixing } from '../lifecycle/lifecycle.ts';

export interface FixRequest {
  /** Required for every version after the first (ralat), except a plain confirmation of a provisional one. */
  reason?: string | undefined;
  /** The panel's decisions on ties at the cut-off (and, if it wishes, on other ties among the winners). */
  tieDecisions?: TieDecision[];
  /** Confirm the provisional version as final after the public test (uji publik). */
  confirm?: boolean;
}

const MAX_REASON = 2000;

/**
 * Penetapan hasil: freezes the last sync's typed cells, the innovations, the config and the computed
 * rankings into the next result version, hashed and chained to the one before. Reads only the store:
 * press "Sinkronkan sekarang" first so that the last sync holds the Sheet as it is now.
 */
export async function fixResult(services: Services, request: FixRequest): Promise<ResultRecord> {
  const { competition, store, clock } = services;
  const [sync, innovations, latest] = await Promise.all([
    store.lastSync(competition.id),
    store.listInnovations(competition.id),
    store.latestVersion(competition.id),
  ]);
  if (!sync?.cells || sync.status === 'failed') {
    throw refuse(
      'Belum ada sinkronisasi nilai yang berhasil. Tekan "Sinkronkan sekarang" dahulu, lalu tetapkan hasil.',
      'There is no successful score sync yet. Press "Sync now" first, then fix the result.',
    );
  }
  const reason = request.reason?.trim() ?? '';
  if (reason.length > MAX_REASON) {
    throw refuse(
      `Alasan terlalu panjang (maks. ${MAX_REASON} karakter).`,
      `Reason too long (max ${MAX_REASON}).`,
    );
  }
  const confirm = request.confirm === true;
  if (confirm && latest?.status !== 'provisional') {
    throw refuse(
      'Tidak ada hasil sementara yang bisa dikukuhkan.',
      'There is no provisional result to confirm.',
    );
  }
  const now = clock.now();
  const status: RecordStatus =
    confirm || (latest && latest.status === 'final') || !competition.publicTest ? 'final' : 'provisional';
  const days = competition.publicTest?.days ?? 0;
  // With a selection, only the entries that passed it were judged (functions/scores/sync.ts).
  const judged = sync.selection ? admitted(innovations, sync.selection.verdicts) : innovations;
  const body = buildRecordBody({
    competition,
    innovations: judged,
    cells: sync.cells,
    version: (latest?.version ?? 0) + 1,
    status,
    fixedAt: now.toISOString(),
    previous: latest ? { version: latest.version, hash: latest.hash } : null,
    reason: reason === '' ? null : reason,
    confirms: confirm && latest ? latest.version : null,
    provisionalUntil:
      status === 'provisional' ? new Date(now.getTime() + days * 86_400_000).toISOString() : null,
    sourceSync: { id: sync.id, finishedAt: sync.finishedAt },
    tieDecisions: request.tieDecisions ?? [],
  });
  if (!judgingIsComplete(body.result)) {
    throw refuse(
      'Penilaian belum selesai: setiap inovasi di setiap tahap dan peringkat akhir harus lengkap sebelum hasil ditetapkan.',
      'Judging is not complete: every innovation of every stage and of the final ranking must be complete first.',
    );
  }
  const tieProblems = checkTieDecisions(body.result.final, finalTop(competition), body.tieDecisions);
  if (tieProblems.length > 0) {
    throw refuse(
      `Hasil belum bisa ditetapkan: ${tieProblems.map((p) => tieProblemText(p, 'id')).join(' ')}`,
      `The result cannot be fixed yet: ${tieProblems.map((p) => tieProblemText(p, 'en')).join(' ')}`,
    );
  }
  if (latest) checkSuccession(latest, body, confirm);
  const record = await sealRecord(body, sha256Hex);
  if (!(await store.saveVersion(competition.id, record))) {
    throw refuse(
      `Versi ${record.version} baru saja ditetapkan dari tempat lain. Muat ulang dasbor dan periksa.`,
      `Version ${record.version} was just fixed elsewhere. Reload the dashboard and check.`,
    );
  }
  await followFixing(services, record);
  return record;
}

/** A new version must change something, and a changed result needs a written reason. */
function checkSuccession(latest: ResultRecord, next: ResultRecordBody, confirm: boolean) {
  const same =
    canonicalJson(latest.announcement) === canonicalJson(next.announcement) &&
    canonicalJson(latest.result) === canonicalJson(next.result) &&
    canonicalJson(latest.tieDecisions) === canonicalJson(next.tieDecisions);
  if (same && !confirm) {
    throw refuse(
      `Hasil sama dengan versi ${latest.version}; tidak ada yang perlu ditetapkan ulang.`,
      `The result equals version ${latest.version}; there is nothing to fix again.`,
    );
  }
  if (!same && next.reason === null) {
    throw refuse(
      `Hasil berbeda dari versi ${latest.version}. Ralat hanya bisa diterbitkan dengan alasan tertulis.`,
      `The result differs from version ${latest.version}. A correction needs a written reason.`,
    );
  }
}

function refuse(id: string, en: string): AppError {
  return new AppError('conflict', { id, en });
}
