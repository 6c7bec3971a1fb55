import { isFieldStage } from '../../shared/domain/field.ts';
import { type Lang, localName } from '../../shared/domain/i18n.ts';
import type { LifecyclePhase } from '../../shared/domain/lifecycle.ts';
import { verificationCode } from '../../shared/domain/record.ts';
import { selectionCounts } from '../../shared/domain/selection.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import type { SyncRecord } from '../../shared/ports.ts';
import type { LocalCompetition } from '../compose/local.ts';
import type { Services } from '../compose/services.ts';
import { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from '../intake/signature.ts';
import { movePhase } from '../lifecycle/lifecycle.ts';
import { fixResult } from '../results/fix.ts';
import { provisionSheet } from '../scores/provision.ts';
import { runSync } from '../scores/sync.ts';
import { syncOutcomeWords } from '../scores/sync-words.ts';
import { DEMO_INNOVATIONS, demoFormAnswers } from './innovations.ts';
import { typeDemoCalibration, typeDemoScores } from './jurors.ts';
import { outcomeLines } from './outcome.ts';
import { DEMO_DECIDER, secretariatPassesChecks } from './secretariat.ts';

/**
 * Sends the demo innovations through the HTTP intake route exactly as the Apps Script trigger
 * would: signed POSTs to /intake/form.
 */
export async function submitDemoInnovations(services: Services, baseUrl: string): Promise<string[]> {
  const secret = services.secrets.intakeHmac ?? '';
  const ids: string[] = [];
  for (const [index, demo] of DEMO_INNOVATIONS.entries()) {
    const submittedAt = new Date(Date.UTC(2024, 8, 2 + index, 1 + (index % 8), 17)).toISOString();
    const body = JSON.stringify({
      responseId: `ACYDBNdemo${String(index + 1).padStart(3, '0')}`,
      timestamp: submittedAt,
      respondentEmail: `inovasi${index + 1}@pemda.example.go.id`,
      answers: Object.entries(demoFormAnswers(demo, index)).map(([title, value]) => ({
        title,
        values: [value],
      })),
    });
    const timestamp = String(Math.floor(services.clock.now().getTime() / 1000));
    const response = await fetch(`${baseUrl}/intake/form`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: await signBody(secret, timestamp, body),
      },
      body,
    });
    const answer = (await response.json()) as { innovationId?: string; error?: { message: string } };
    if (!response.ok || !answer.innovationId) {
      const why = `${response.status} ${answer.error?.message ?? ''}`;
      throw new AppError('internal', bilingual('demo.intakeRefused', { n: index + 1, why }));
    }
    ids.push(answer.innovationId);
  }
  return ids;
}

/**
 * intake → administrative selection (one entry fails, one the secretariat lets through in the "Seleksi"
 * tab) → per stage: juror tabs, scores, sync → the panel fixes the result (version 1) → one more sync,
 * which writes the Berita Acara tab.
 */
export async function runScenario(
  rt: LocalCompetition,
  baseUrl: string,
  log: (line: string) => void,
): Promise<void> {
  const { services } = rt;
  const lang = services.lang;
  const ids = await submitDemoInnovations(services, baseUrl);
  const range = `${ids[0]} … ${ids.at(-1)}`;
  log(t(lang, 'demo.intake', { n: ids.length, url: `${baseUrl}/intake/form`, range }));
  // The secretariat moves the phase by hand at each step; fixing the result moves it on by itself.
  const move = (to: LifecyclePhase, reason: string) => movePhase(services, to, reason, 'demo');
  if (services.competition.selection) {
    await move({ code: 'selection' }, t(lang, 'demo.selectionOpens'));
    // Sets up the Sheet; the first stage's juror tabs get only the entries that already pass.
    await provisionAndSay(services, log);
    log(selectionLine(await syncedRecord(services), lang));
    const target = { rootUrl: rt.sheetsUrl, spreadsheetId: rt.spreadsheetId, auth: rt.sheetsAuth };
    const passed = await secretariatPassesChecks(target);
    if (passed.length > 0) {
      log(t(lang, 'demo.secretariatPasses', { who: DEMO_DECIDER, ids: passed.join(', ') }));
      log(selectionLine(await syncedRecord(services), lang));
    }
  }
  for (const stage of services.competition.stages) {
    const name = localName(stage, lang);
    await move({ code: 'judging', stage: stage.id }, t(lang, 'demo.stageOpens', { stage: name }));
    // Adds the entries that passed since (the ones the secretariat let through) and, later, the finalists.
    await provisionAndSay(services, log);
    const samples = await typeDemoCalibration(rt, stage.id);
    if (samples > 0) log(t(lang, 'demo.calibration', { n: samples }));
    const typed = await typeDemoScores(rt, stage.id);
    if (typed.refused) log(t(lang, 'demo.refused', { message: typed.refused }));
    const sync = await runSync(services, { trigger: 'cli' });
    const said = { stage: name, rows: typed.rows, outcome: syncOutcomeWords(sync.status, lang) };
    const { reads, writes } = sync.requests;
    log(
      isFieldStage(stage)
        ? t(lang, 'demo.fieldTyped', { ...said, per: stage.jurorsPerInnovation ?? '', reads, writes })
        : t(lang, 'demo.stageTyped', { ...said, reads, writes }),
    );
  }
  const record = await fixResult(services, {});
  await runSync(services, { trigger: 'cli' });
  const code = verificationCode(record.hash);
  log(t(lang, 'demo.fixed', { version: record.version, hash: record.hash, code }));
  for (const line of outcomeLines(record, lang)) log(line);
}

/** Sets up (or extends) the juror tabs; in perJuror mode, says where each new juror workbook is. */
async function provisionAndSay(services: Services, log: (line: string) => void): Promise<void> {
  const setup = await provisionSheet(services);
  for (const book of (setup.books ?? []).filter((b) => b.created)) {
    const juror = services.competition.jurors.find((j) => j.id === book.key);
    log(t(services.lang, 'demo.ownWorkbook', { name: juror?.name ?? book.key, url: book.url }));
  }
}

/** Syncs, then the full record: an unchanged sync's own record carries no selection. */
async function syncedRecord(services: Services): Promise<SyncRecord> {
  const sync = await runSync(services, { trigger: 'cli' });
  return sync.status === 'unchanged' ? ((await services.stores.syncLog.lastSync()) ?? sync) : sync;
}

function selectionLine(sync: SyncRecord, lang: Lang): string {
  const c = selectionCounts(sync.selection?.verdicts ?? []);
  return t(lang, 'demo.selection', c);
}
