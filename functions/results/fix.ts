import { sha256Hex } from '../../shared/digest.ts';
import type { AbsentJuror } from '../../shared/domain/absence.ts';
import { judgingIsComplete } from '../../shared/domain/announcement.ts';
import { finalTop } from '../../shared/domain/competition.ts';
import type { Bilingual, Lang } from '../../shared/domain/i18n.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import {
  type RankedFacts,
  type RecordExclusion,
  type RecordStatus,
  type ResultRecord,
  type ResultRecordBody,
  rankForRecord,
  recordBodyOf,
  sameOutcome,
  sealRecord,
  type VersionFacts,
} from '../../shared/domain/record.ts';
import { admitted } from '../../shared/domain/selection.ts';
import { checkTieDecisions, type TieDecision } from '../../shared/domain/ties.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { tieProblemText } from '../../shared/messages/record.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import type { Services } from '../compose/services.ts';
import { followFixing } from '../lifecycle/lifecycle.ts';

export interface FixRequest {
  /** Required for every version after the first (ralat), except a plain confirmation of a provisional one. */
  reason?: string | undefined;
  /** The panel's decisions on ties at the cut-off (and, if it wishes, on other ties among the winners). */
  tieDecisions?: TieDecision[];
  /** Confirm the provisional version as final after the public test (uji publik). */
  confirm?: boolean;
  /** Entries the panel leaves out of this result (e.g. accepted late and not scored), each with a reason. */
  exclusions?: RecordExclusion[];
  /** The panel fixes the result although some juror scored nothing in a stage: who says so, and why. */
  acknowledgeAbsent?: { by: string; reason: string };
}

const MAX_REASON = 2000;

/** What the store holds when fixing starts: the last sync, the innovations and the latest version. */
interface FixingState {
  sync: SyncRecord | null;
  innovations: Innovation[];
  latest: ResultRecord | null;
}

/** A request that passed the checks made before ranking, with what it fixes. */
interface CheckedRequest {
  sync: SyncRecord & { cells: NonNullable<SyncRecord['cells']> };
  /** The entries this version judges (the selection's admitted ones, and any accepted since). */
  judged: Innovation[];
  exclusions: RecordExclusion[];
  reason: string;
  confirm: boolean;
  acknowledgement: { by: string; reason: string } | undefined;
}

/**
 * Penetapan hasil: freezes the last sync's typed cells, the innovations, the config and the computed
 * rankings into the next result version, hashed and chained to the one before. Reads only the store:
 * press "Sinkronkan sekarang" first so that the last sync holds the Sheet as it is now. Every
 * precondition is checked before the record is built: the request's against the store, then the ranking's.
 */
export async function fixResult(services: Services, request: FixRequest): Promise<ResultRecord> {
  const { competition, stores } = services;
  const state = await readFixingState(services);
  const checked = checkRequest(state, request);
  const ranked = rankForRecord({
    competition,
    innovations: checked.judged,
    cells: checked.sync.cells,
    excluded: checked.exclusions,
  });
  checkRanking(competition, ranked, checked, request.tieDecisions ?? []);
  const body = recordBodyOf(ranked, versionFacts(services, state.latest, checked, request));
  if (state.latest) checkSuccession(state.latest, body, checked.confirm);
  const record = await sealRecord(body, sha256Hex);
  if (!(await stores.records.saveVersion(record))) throw takenElsewhere(record.version);
  await followFixing(services, record);
  return record;
}

async function readFixingState({ stores }: Services): Promise<FixingState> {
  const [sync, innovations, latest] = await Promise.all([
    stores.syncLog.lastSync(),
    stores.innovations.listInnovations(),
    stores.records.latestVersion(),
  ]);
  return { sync, innovations, latest };
}

/**
 * Before anything is ranked, each refused with its own message: a successful sync exists, the reason
 * fits, a confirmation has a provisional version to confirm, each exclusion names a known entry with a
 * reason, every entry accepted since the last sync is synced or left out, and an acknowledgement of
 * absent jurors says who and why.
 */
function checkRequest({ sync, innovations, latest }: FixingState, request: FixRequest): CheckedRequest {
  if (!sync?.cells || sync.status === 'failed') {
    throw refuse(bilingual('results.fix.noSync'));
  }
  const reason = request.reason?.trim() ?? '';
  if (reason.length > MAX_REASON) {
    throw refuse(bilingual('results.fix.reasonTooLong', { max: MAX_REASON }));
  }
  const confirm = request.confirm === true;
  if (confirm && latest?.status !== 'provisional') {
    throw refuse(bilingual('results.fix.nothingToConfirm'));
  }
  // With a selection, only the entries that passed it were judged (functions/scores/sync.ts).
  const judged = sync.selection ? admitted(innovations, sync.selection.verdicts) : innovations;
  // Accepted since the last sync: no selection verdict yet, so neither judged nor knowingly left out.
  const seen = new Set(sync.selection?.verdicts.map((v) => v.id) ?? innovations.map((i) => i.id));
  const unseen = innovations.filter((i) => !seen.has(i.id));
  const exclusions = checkExclusions(request.exclusions ?? [], [...judged, ...unseen]);
  checkNoneWaiting(unseen, exclusions);
  const acknowledgement = request.acknowledgeAbsent && checkAcknowledgement(request.acknowledgeAbsent);
  return { sync: { ...sync, cells: sync.cells }, judged, exclusions, reason, confirm, acknowledgement };
}

/** Entries accepted since the last sync are synced first, or left out by the panel with a reason. */
function checkNoneWaiting(unseen: readonly Innovation[], exclusions: readonly RecordExclusion[]) {
  const left = new Set(exclusions.map((x) => x.id));
  const waiting = unseen.filter((i) => !left.has(i.id)).map((i) => i.id);
  if (waiting.length > 0) {
    throw refuse(bilingual('results.fix.notThroughSelection', { ids: waiting.join(', ') }));
  }
}

/** The ranking's preconditions: judging complete, absent jurors acknowledged, ties at the cut-off decided. */
function checkRanking(
  competition: Services['competition'],
  ranked: RankedFacts,
  checked: CheckedRequest,
  tieDecisions: readonly TieDecision[],
) {
  if (!judgingIsComplete(ranked.result)) {
    const open = unscoredEntries(ranked.result);
    throw refuse(bilingual('results.fix.judgingIncomplete', { open }));
  }
  const absent = ranked.absentJurors;
  if (absent.length > 0 && !checked.acknowledgement) {
    const names = absent.map((a) => absentName(competition, a)).join('; ');
    throw refuse(bilingual('results.fix.absentJurors', { names }));
  }
  const tieProblems = checkTieDecisions(ranked.result.final, finalTop(competition), tieDecisions);
  if (tieProblems.length > 0) {
    const problems = (lang: Lang) => tieProblems.map((p) => tieProblemText(p, lang)).join(' ');
    throw refuse({
      id: t('id', 'results.fix.tiesUndecided', { problems: problems('id') }),
      en: t('en', 'results.fix.tiesUndecided', { problems: problems('en') }),
    });
  }
}

/**
 * The version's own facts: the next number, chained to the latest; final when confirmed, after a final
 * one or without a public test, else provisional until the public test's days have passed.
 */
function versionFacts(
  { competition, clock }: Services,
  latest: ResultRecord | null,
  checked: CheckedRequest,
  request: FixRequest,
): VersionFacts {
  const now = clock.now();
  const { confirm, sync, reason } = checked;
  const status: RecordStatus =
    confirm || (latest && latest.status === 'final') || !competition.publicTest ? 'final' : 'provisional';
  const days = competition.publicTest?.days ?? 0;
  return {
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
    ...(checked.acknowledgement ? { absenceAcknowledged: checked.acknowledgement } : {}),
  };
}

/** Each exclusion names an entry of this result once, with a reason. */
function checkExclusions(exclusions: readonly RecordExclusion[], judged: readonly { id: string }[]) {
  const known = new Set(judged.map((i) => i.id));
  const seen = new Set<string>();
  return exclusions.map((x) => {
    const id = x.id.trim();
    const reason = x.reason.trim();
    if (!known.has(id) || seen.has(id)) {
      throw refuse(bilingual('results.fix.unknownExclusion', { id }));
    }
    if (reason === '' || reason.length > MAX_REASON) {
      throw refuse(bilingual('results.fix.exclusionNeedsReason', { id, max: MAX_REASON }));
    }
    seen.add(id);
    return { id, reason };
  });
}

function checkAcknowledgement(ack: { by: string; reason: string }): { by: string; reason: string } {
  const by = ack.by.trim();
  const reason = ack.reason.trim();
  if (by === '' || reason === '' || reason.length > MAX_REASON) {
    throw refuse(bilingual('results.fix.acknowledgementIncomplete'));
  }
  return { by, reason };
}

/** "INOV-2024-095 (Penilaian Proposal)", the entries not complete in some stage, at most a few named. */
function unscoredEntries(result: ResultRecordBody['result']): string {
  const open = result.stages.flatMap((s) =>
    s.ranking.filter((e) => e.status !== 'complete').map((e) => `${e.id} (${s.stage})`),
  );
  const shown = open.slice(0, 10).join(', ');
  return open.length > 10 ? `${shown} … +${open.length - 10}` : shown;
}

function absentName(competition: Services['competition'], a: AbsentJuror): string {
  const juror = competition.jurors.find((j) => j.id === a.juror);
  const stage = competition.stages.find((s) => s.id === a.stage);
  return `${juror?.name ?? a.juror} (${stage?.name ?? a.stage})`;
}

/** A new version must change something, and a changed result needs a written reason. */
function checkSuccession(latest: ResultRecord, next: ResultRecordBody, confirm: boolean) {
  const same = sameOutcome(latest, next);
  if (same && !confirm) {
    throw refuse(bilingual('results.fix.sameAsVersion', { version: latest.version }));
  }
  if (!same && next.reason === null) {
    throw refuse(bilingual('results.fix.correctionNeedsReason', { version: latest.version }));
  }
}

function takenElsewhere(version: number): AppError {
  return refuse(bilingual('results.fix.takenElsewhere', { version }));
}

function refuse(text: Bilingual): AppError {
  return new AppError('conflict', text);
}
