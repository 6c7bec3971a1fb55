import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applicationDefaultAuth } from '../../infra/google-auth/auth-client.ts';
import { ALL_JURI_SCOPES } from '../../infra/google-auth/scopes.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Bilingual, Lang } from '../../shared/domain/i18n.ts';
import { isAppError } from '../../shared/errors.ts';
import { phaseName } from '../../shared/messages/lifecycle.ts';
import type { ScoreSheet, SyncLog } from '../../shared/ports.ts';
import { checkJuriEnv, type GoogleEnv, type Runtime } from '../compose/env.ts';
import { composeGoogleServices, googleTokenSource } from '../compose/google.ts';
import { composeGoogleNodeServices, createNodeGoogleClients } from '../compose/google-node.ts';
import { composeLocal } from '../compose/local.ts';
import type { Services } from '../compose/services.ts';
import { readLifecycle } from '../lifecycle/lifecycle.ts';
import { recordIntact } from '../results/published.ts';
import { freePlanFit, freePlanWords } from './free-plan.ts';

export interface DoctorCheck {
  name: 'env' | 'config' | 'credentials' | 'sheet' | 'firestore' | 'free-plan' | 'lifecycle' | 'integrity';
  ok: boolean;
  message: string;
}

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

export interface DoctorDeps {
  /** Language of the messages; Indonesian by default. */
  lang?: Lang;
  /** 'node' (the CLI, Cloud Functions: ADC allowed) unless checking a Worker's settings. */
  runtime?: Runtime;
  bundledCompetition?: unknown;
  fetch?: typeof fetch;
}

/**
 * `juri doctor`: checks the settings, the Google credentials, one spreadsheets.get and one Firestore
 * read, and says in plain words what is wrong and how to fix it. It never writes anything.
 */
export async function runDoctor(
  env: Record<string, string | undefined>,
  deps: DoctorDeps = {},
): Promise<DoctorReport> {
  const lang = deps.lang ?? 'id';
  const say = (text: Bilingual) => text[lang];
  const checks: DoctorCheck[] = [];
  const parsed = checkJuriEnv(env, {
    runtime: deps.runtime ?? 'node',
    bundledCompetition: deps.bundledCompetition,
  });
  if (!parsed.ok) {
    for (const p of parsed.problems)
      checks.push({ name: 'env', ok: false, message: `${p.variable}: ${say(p.text)}` });
    return { ok: false, checks };
  }
  if (parsed.env.mode === 'local') {
    checks.push({
      name: 'env',
      ok: true,
      message: say({
        id: 'Mode local: data disimpan di komputer ini, tidak perlu akun Google.',
        en: 'Local mode: data stays on this computer; no Google account needed.',
      }),
    });
    const dir = env.JURI_DIR ?? '.juri';
    if (!existsSync(join(dir, 'juri.db'))) return { ok: true, checks };
    const local = await composeLocal({ dir, config: undefined, lang });
    try {
      for (const services of local.deployment) checks.push(...(await recordChecks(services, lang)));
    } finally {
      await local.close();
    }
    return finish(checks);
  }
  const g = parsed.env;
  checks.push({
    name: 'env',
    ok: true,
    message: say({ id: 'Pengaturan lengkap.', en: 'Settings complete.' }),
  });
  for (const deployed of g.competitions) checks.push(configCheck(deployed.competition, say));

  if (!(await credentialsCheck(g, deps, say, checks))) return finish(checks);
  const { deployment, close } = composeForDoctor(g, deps);
  try {
    // Each competition has its own Sheet; the store is one database for them all.
    for (const [i, services] of deployment.entries())
      checks.push(await sheetCheck(g, g.competitions[i]?.spreadsheetId, services.sheet, say));
    const [first] = deployment;
    const firestore = first ? await firestoreCheck(g, first.stores.syncLog, say) : undefined;
    if (firestore) checks.push(firestore);
    if (firestore?.ok)
      for (const services of deployment)
        checks.push(await freePlanCheck(services, say), ...(await recordChecks(services, lang)));
  } finally {
    await close();
  }
  return finish(checks);
}

/** The same adapters the app runs on this runtime: Firestore over gRPC on Node, over REST on Workers. */
function composeForDoctor(
  g: GoogleEnv,
  deps: DoctorDeps,
): { deployment: Services[]; close(): Promise<void> } {
  if (deps.runtime === 'workers') {
    return {
      deployment: composeGoogleServices(g, deps.fetch ? { fetch: deps.fetch } : {}),
      close: async () => {},
    };
  }
  const clients = createNodeGoogleClients(g);
  return {
    deployment: composeGoogleNodeServices(g, clients),
    close: () => clients.firestore.terminate(),
  };
}

/**
 * The phase as the lifecycle log has it, and every stored result version hashed again from its content:
 * a version edited in the store is an alarm here, as on the dashboard. Reads only.
 */
export async function recordChecks(services: Services, lang: Lang): Promise<DoctorCheck[]> {
  const { competition, stores } = services;
  const [{ log, phase }, versions] = await Promise.all([
    readLifecycle(services),
    stores.records.listVersions(),
  ]);
  const failing: number[] = [];
  for (const v of versions) {
    const record = await stores.records.getVersion(v.version);
    if (!record || !(await recordIntact(record))) failing.push(v.version);
  }
  const en = lang === 'en';
  const name = phaseName(phase, competition, lang);
  return [
    {
      name: 'lifecycle',
      ok: true,
      message: en
        ? `Phase: ${name} (${log.length} transitions logged).`
        : `Tahap: ${name} (${log.length} perpindahan tercatat).`,
    },
    failing.length === 0
      ? {
          name: 'integrity',
          ok: true,
          message: en
            ? `Every stored result version (${versions.length}) matches its hash.`
            : `Setiap versi hasil yang tersimpan (${versions.length}) cocok dengan hash-nya.`,
        }
      : {
          name: 'integrity',
          ok: false,
          message: en
            ? `ALARM: stored result version ${failing.join(', ')} does not match its hash: its content was changed in the store. The public page does not show it.`
            : `PERINGATAN: versi hasil ${failing.join(', ')} yang tersimpan tidak cocok dengan hash-nya: isinya diubah di penyimpanan. Halaman publik tidak menampilkannya.`,
        },
  ];
}

function finish(checks: DoctorCheck[]): DoctorReport {
  return { ok: checks.every((c) => c.ok), checks };
}

function configCheck(c: Competition, say: (t: Bilingual) => string): DoctorCheck {
  const stages = c.stages.map((s) => s.name).join(', ');
  const base = say({
    id: `Konfigurasi lomba "${c.name}" valid: ${c.jurors.length} juri, tahap ${stages}.`,
    en: `Competition config "${c.nameEn ?? c.name}" is valid: ${c.jurors.length} jurors, stages ${stages}.`,
  });
  if (!c.form)
    return {
      name: 'config',
      ok: false,
      message: `${base} ${say({
        id: 'Bagian "form" belum ada: juri tidak tahu pertanyaan Form mana yang berisi judul, instansi, dst.',
        en: 'The "form" section is missing: juri cannot tell which Form questions hold the title, agency, etc.',
      })}`,
    };
  return { name: 'config', ok: true, message: base };
}

async function credentialsCheck(
  g: GoogleEnv,
  deps: DoctorDeps,
  say: (t: Bilingual) => string,
  checks: DoctorCheck[],
): Promise<boolean> {
  try {
    const key = g.serviceAccount;
    if (key) {
      const tokens = googleTokenSource(g, deps.fetch ? { fetch: deps.fetch } : {});
      await tokens.getAccessToken();
      checks.push({
        name: 'credentials',
        ok: true,
        message: say({
          id: `Kunci service account ${key.clientEmail} diterima Google.`,
          en: `Google accepted the service-account key ${key.clientEmail}.`,
        }),
      });
      return true;
    }
    const adc = applicationDefaultAuth({ scopes: ALL_JURI_SCOPES, projectId: g.projectId });
    if (typeof adc === 'string' || !('getAccessToken' in adc)) return false;
    await adc.getAccessToken();
    checks.push({
      name: 'credentials',
      ok: true,
      message: say({
        id: 'Kredensial bawaan (Application Default Credentials) berfungsi.',
        en: 'Application Default Credentials work.',
      }),
    });
    return true;
  } catch (e) {
    const detail = isAppError(e) ? say(e.text) : errorText(e);
    checks.push({
      name: 'credentials',
      ok: false,
      message: g.serviceAccount
        ? detail
        : say({
            id: `Tidak ada kredensial Google: isi GOOGLE_SERVICE_ACCOUNT_JSON, atau jalankan "gcloud auth application-default login". (${detail})`,
            en: `No Google credentials: set GOOGLE_SERVICE_ACCOUNT_JSON, or run "gcloud auth application-default login". (${detail})`,
          }),
    });
    return false;
  }
}

async function sheetCheck(
  g: GoogleEnv,
  spreadsheetId: string | undefined,
  sheet: ScoreSheet | undefined,
  say: (t: Bilingual) => string,
): Promise<DoctorCheck> {
  if (!spreadsheetId || !sheet)
    return {
      name: 'sheet',
      ok: false,
      message: say({
        id: 'SPREADSHEET_ID belum diisi. Ambil dari alamat Sheet: /spreadsheets/d/<SPREADSHEET_ID>/edit',
        en: 'SPREADSHEET_ID is not set. Take it from the Sheet address: /spreadsheets/d/<SPREADSHEET_ID>/edit',
      }),
    };
  try {
    const { title } = await sheet.describe();
    return {
      name: 'sheet',
      ok: true,
      message: say({ id: `Sheet "${title}" dapat dibuka.`, en: `Sheet "${title}" can be opened.` }),
    };
  } catch (e) {
    const status = statusOf(e);
    const who =
      g.serviceAccount?.clientEmail ??
      say({ id: 'akun layanan fungsi', en: "the function's service account" });
    const text: Bilingual =
      status === 403
        ? {
            id: `Sheet belum dibagikan. Buka Sheet → Bagikan → tambahkan ${who} sebagai Editor.`,
            en: `The Sheet is not shared. Open the Sheet → Share → add ${who} as Editor.`,
          }
        : status === 404
          ? {
              id: 'Sheet tidak ditemukan: periksa SPREADSHEET_ID.',
              en: 'Sheet not found: check SPREADSHEET_ID.',
            }
          : {
              id: `Sheet tidak dapat dibuka (${errorText(e)}).`,
              en: `The Sheet cannot be opened (${errorText(e)}).`,
            };
    return { name: 'sheet', ok: false, message: say(text) };
  }
}

/** One read through the app's own store adapter: a missing document still proves access. */
async function firestoreCheck(
  g: GoogleEnv,
  store: SyncLog,
  say: (t: Bilingual) => string,
): Promise<DoctorCheck> {
  try {
    await store.lastSync();
    return {
      name: 'firestore',
      ok: true,
      message: say({
        id: `Firestore proyek ${g.projectId} dapat dibaca.`,
        en: `Firestore of project ${g.projectId} can be read.`,
      }),
    };
  } catch (e) {
    const status = statusOf(e);
    const text: Bilingual =
      status === 403
        ? {
            id: `Akses Firestore ditolak. Beri service account peran "Cloud Datastore User" di proyek ${g.projectId}.`,
            en: `Firestore access denied. Give the service account the "Cloud Datastore User" role in project ${g.projectId}.`,
          }
        : status === 404
          ? {
              id: `Database Firestore "${g.databaseId}" belum dibuat di proyek ${g.projectId}. Buat di Firebase console → Firestore Database.`,
              en: `Firestore database "${g.databaseId}" does not exist in project ${g.projectId}. Create it in the Firebase console → Firestore Database.`,
            }
          : {
              id: `Firestore tidak dapat dihubungi (${errorText(e)}).`,
              en: `Firestore cannot be reached (${errorText(e)}).`,
            };
    return { name: 'firestore', ok: false, message: say(text) };
  }
}

/**
 * Whether this competition's syncs fit Cloudflare Workers' free plan, from the entries stored so far and
 * the cells the last sync read. It informs, it does not fail: doctor cannot see which plan the account
 * is on, and intake and the pages fit it either way.
 */
async function freePlanCheck(services: Services, say: (t: Bilingual) => string): Promise<DoctorCheck> {
  const [innovations, last] = await Promise.all([
    services.stores.innovations.listInnovations(),
    services.stores.syncLog.lastSync(),
  ]);
  const fit = freePlanFit(services.competition, innovations.length, last?.cells?.length ?? 0);
  return {
    name: 'free-plan',
    ok: true,
    message: say(freePlanWords(fit, innovations.length)),
  };
}

/** The HTTP status behind an error, looking through the adapters' wrapping; gRPC codes read as HTTP. */
function statusOf(e: unknown): number | undefined {
  for (let cause = e, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth++) {
    // An AppError's own status is juri's answer (503), not what Google said.
    if (isAppError(cause)) {
      cause = cause.cause;
      continue;
    }
    const err = cause as {
      status?: unknown;
      code?: unknown;
      response?: { status?: unknown };
      cause?: unknown;
    };
    const status = err.response?.status ?? err.status;
    if (typeof status === 'number') return status;
    if (err.code === GRPC_PERMISSION_DENIED) return 403;
    if (err.code === GRPC_NOT_FOUND) return 404;
    cause = err.cause;
  }
  return undefined;
}

const GRPC_NOT_FOUND = 5;
const GRPC_PERMISSION_DENIED = 7;

/** The innermost message: the adapters' own wording is generic, the cause says what happened. */
function errorText(e: unknown): string {
  let inner = e;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return inner instanceof Error ? inner.message : String(inner);
}

/** `juri doctor`: one line per check, ✔ or ✘, in plain words. */
export async function doctorCommand(lang: Lang): Promise<{ ok: boolean; text: string }> {
  const report = await runDoctor(process.env, { lang, runtime: 'node' });
  const lines = report.checks.map((c) => `${c.ok ? '✔' : '✘'} ${c.message}`);
  return { ok: report.ok, text: lines.join('\n') };
}
