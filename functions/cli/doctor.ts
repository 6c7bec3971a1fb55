import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applicationDefaultAuth } from '../../infra/google-auth/auth-client.ts';
import { ALL_JURI_SCOPES } from '../../infra/google-auth/scopes.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import { type Lang, localName } from '../../shared/domain/i18n.ts';
import { isAppError } from '../../shared/errors.ts';
import { t } from '../../shared/messages/catalogue/t.ts';
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
  const checks: DoctorCheck[] = [];
  const parsed = checkJuriEnv(env, {
    runtime: deps.runtime ?? 'node',
    bundledCompetition: deps.bundledCompetition,
  });
  if (!parsed.ok) {
    for (const p of parsed.problems)
      checks.push({ name: 'env', ok: false, message: `${p.variable}: ${p.text[lang]}` });
    return { ok: false, checks };
  }
  if (parsed.env.mode === 'local') {
    checks.push({
      name: 'env',
      ok: true,
      message: t(lang, 'cli.doctor.localMode'),
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
  checks.push({ name: 'env', ok: true, message: t(lang, 'cli.doctor.settingsComplete') });
  for (const deployed of g.competitions) checks.push(configCheck(deployed.competition, lang));

  if (!(await credentialsCheck(g, deps, lang, checks))) return finish(checks);
  const { deployment, close } = composeForDoctor(g, deps);
  try {
    // Each competition has its own Sheet; the store is one database for them all.
    for (const [i, services] of deployment.entries())
      checks.push(await sheetCheck(g, g.competitions[i]?.spreadsheetId, services.sheet, lang));
    const [first] = deployment;
    const firestore = first ? await firestoreCheck(g, first.stores.syncLog, lang) : undefined;
    if (firestore) checks.push(firestore);
    if (firestore?.ok)
      for (const services of deployment)
        checks.push(await freePlanCheck(services, lang), ...(await recordChecks(services, lang)));
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
  const phaseText = phaseName(phase, competition, lang);
  return [
    {
      name: 'lifecycle',
      ok: true,
      message: t(lang, 'cli.doctor.phase', { phase: phaseText, n: log.length }),
    },
    failing.length === 0
      ? {
          name: 'integrity',
          ok: true,
          message: t(lang, 'cli.doctor.versionsIntact', { n: versions.length }),
        }
      : {
          name: 'integrity',
          ok: false,
          message: t(lang, 'cli.doctor.versionsAltered', { versions: failing.join(', ') }),
        },
  ];
}

function finish(checks: DoctorCheck[]): DoctorReport {
  return { ok: checks.every((c) => c.ok), checks };
}

function configCheck(c: Competition, lang: Lang): DoctorCheck {
  const stages = c.stages.map((s) => s.name).join(', ');
  const base = t(lang, 'cli.doctor.configValid', {
    name: localName(c, lang),
    jurors: c.jurors.length,
    stages,
  });
  if (!c.form) return { name: 'config', ok: false, message: `${base} ${t(lang, 'cli.doctor.formMissing')}` };
  return { name: 'config', ok: true, message: base };
}

async function credentialsCheck(
  g: GoogleEnv,
  deps: DoctorDeps,
  lang: Lang,
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
        message: t(lang, 'cli.doctor.keyAccepted', { email: key.clientEmail }),
      });
      return true;
    }
    const adc = applicationDefaultAuth({ scopes: ALL_JURI_SCOPES, projectId: g.projectId });
    if (typeof adc === 'string' || !('getAccessToken' in adc)) return false;
    await adc.getAccessToken();
    checks.push({
      name: 'credentials',
      ok: true,
      message: t(lang, 'cli.doctor.adcWorks'),
    });
    return true;
  } catch (e) {
    const detail = isAppError(e) ? e.text[lang] : errorText(e);
    checks.push({
      name: 'credentials',
      ok: false,
      message: g.serviceAccount ? detail : t(lang, 'cli.doctor.noCredentials', { detail }),
    });
    return false;
  }
}

async function sheetCheck(
  g: GoogleEnv,
  spreadsheetId: string | undefined,
  sheet: ScoreSheet | undefined,
  lang: Lang,
): Promise<DoctorCheck> {
  if (!spreadsheetId || !sheet)
    return {
      name: 'sheet',
      ok: false,
      message: t(lang, 'cli.doctor.sheetIdUnset'),
    };
  try {
    const { title } = await sheet.describe();
    return {
      name: 'sheet',
      ok: true,
      message: t(lang, 'cli.doctor.sheetOpens', { title }),
    };
  } catch (e) {
    const status = statusOf(e);
    const who = g.serviceAccount?.clientEmail ?? t(lang, 'cli.doctor.functionAccount');
    const message =
      status === 403
        ? t(lang, 'cli.doctor.sheetNotShared', { who })
        : status === 404
          ? t(lang, 'cli.doctor.sheetNotFound')
          : t(lang, 'cli.doctor.sheetUnopenable', { detail: errorText(e) });
    return { name: 'sheet', ok: false, message };
  }
}

/** One read through the app's own store adapter: a missing document still proves access. */
async function firestoreCheck(g: GoogleEnv, store: SyncLog, lang: Lang): Promise<DoctorCheck> {
  try {
    await store.lastSync();
    return {
      name: 'firestore',
      ok: true,
      message: t(lang, 'cli.doctor.firestoreReadable', { project: g.projectId }),
    };
  } catch (e) {
    const status = statusOf(e);
    const project = g.projectId;
    const message =
      status === 403
        ? t(lang, 'cli.doctor.firestoreDenied', { project })
        : status === 404
          ? t(lang, 'cli.doctor.firestoreMissing', { database: g.databaseId, project })
          : t(lang, 'cli.doctor.firestoreUnreachable', { detail: errorText(e) });
    return { name: 'firestore', ok: false, message };
  }
}

/**
 * Whether this competition's syncs fit Cloudflare Workers' free plan, from the entries stored so far and
 * the cells the last sync read. It informs, it does not fail: doctor cannot see which plan the account
 * is on, and intake and the pages fit it either way.
 */
async function freePlanCheck(services: Services, lang: Lang): Promise<DoctorCheck> {
  const [innovations, last] = await Promise.all([
    services.stores.innovations.listInnovations(),
    services.stores.syncLog.lastSync(),
  ]);
  const fit = freePlanFit(services.competition, innovations.length, last?.cells?.length ?? 0);
  return {
    name: 'free-plan',
    ok: true,
    message: freePlanWords(fit, innovations.length)[lang],
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
