import { firestore } from '@googleapis/firestore';
import { sheets } from '@googleapis/sheets';
import {
  applicationDefaultAuth,
  type GoogleApisAuth,
  toGoogleAuthClient,
} from '../../infra/google-auth/auth-client.ts';
import { ALL_JURI_SCOPES } from '../../infra/google-auth/scopes.ts';
import type { Bilingual, Lang } from '../../shared/domain/i18n.ts';
import { isAppError } from '../../shared/errors.ts';
import { checkJuriEnv, type GoogleEnv, type Runtime } from '../compose/env.ts';
import { googleTokenSource } from '../compose/google.ts';

export interface DoctorCheck {
  name: 'env' | 'config' | 'credentials' | 'sheet' | 'firestore';
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
    return { ok: true, checks };
  }
  const g = parsed.env;
  checks.push({
    name: 'env',
    ok: true,
    message: say({ id: 'Pengaturan lengkap.', en: 'Settings complete.' }),
  });
  checks.push(configCheck(g, say));

  const auth = await credentialsCheck(g, deps, say, checks);
  if (!auth) return finish(checks);
  checks.push(await sheetCheck(g, auth, say));
  checks.push(await firestoreCheck(g, auth, say));
  return finish(checks);
}

function finish(checks: DoctorCheck[]): DoctorReport {
  return { ok: checks.every((c) => c.ok), checks };
}

function configCheck(g: GoogleEnv, say: (t: Bilingual) => string): DoctorCheck {
  const c = g.competition;
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
): Promise<GoogleApisAuth | undefined> {
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
      return toGoogleAuthClient(tokens);
    }
    const adc = applicationDefaultAuth({ scopes: ALL_JURI_SCOPES, projectId: g.projectId });
    if (typeof adc === 'string' || !('getAccessToken' in adc)) return undefined;
    await adc.getAccessToken();
    checks.push({
      name: 'credentials',
      ok: true,
      message: say({
        id: 'Kredensial bawaan (Application Default Credentials) berfungsi.',
        en: 'Application Default Credentials work.',
      }),
    });
    return adc;
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
    return undefined;
  }
}

async function sheetCheck(
  g: GoogleEnv,
  auth: GoogleApisAuth,
  say: (t: Bilingual) => string,
): Promise<DoctorCheck> {
  if (!g.spreadsheetId)
    return {
      name: 'sheet',
      ok: false,
      message: say({
        id: 'SPREADSHEET_ID belum diisi. Ambil dari alamat Sheet: /spreadsheets/d/<SPREADSHEET_ID>/edit',
        en: 'SPREADSHEET_ID is not set. Take it from the Sheet address: /spreadsheets/d/<SPREADSHEET_ID>/edit',
      }),
    };
  const api = sheets({
    version: 'v4',
    auth,
    retry: false,
    ...(g.endpoints.sheetsRootUrl ? { rootUrl: g.endpoints.sheetsRootUrl } : {}),
  });
  try {
    const res = await api.spreadsheets.get({ spreadsheetId: g.spreadsheetId, fields: 'properties.title' });
    const title = res.data.properties?.title ?? g.spreadsheetId;
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

async function firestoreCheck(
  g: GoogleEnv,
  auth: GoogleApisAuth,
  say: (t: Bilingual) => string,
): Promise<DoctorCheck> {
  const api = firestore({
    version: 'v1',
    auth,
    retry: false,
    ...(g.endpoints.firestoreRootUrl ? { rootUrl: g.endpoints.firestoreRootUrl } : {}),
  });
  const name = `projects/${g.projectId}/databases/${g.databaseId}/documents/competitions/${g.competition.id}`;
  const ok: DoctorCheck = {
    name: 'firestore',
    ok: true,
    message: say({
      id: `Firestore proyek ${g.projectId} dapat dibaca.`,
      en: `Firestore of project ${g.projectId} can be read.`,
    }),
  };
  try {
    await api.projects.databases.documents.get({ name });
    return ok;
  } catch (e) {
    const status = statusOf(e);
    // A missing document still proves access; a missing database does not.
    if (status === 404 && !/database .* does not exist/i.test(errorText(e))) return ok;
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

function statusOf(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const withStatus = e as { status?: unknown; response?: { status?: unknown } };
  const status = withStatus.status ?? withStatus.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
