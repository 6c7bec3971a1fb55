import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { afterEach } from 'vitest';
import type { Services } from '../../functions/compose/services.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import {
  type LocalSheetsServer,
  startLocalSheetsServer,
  type TabSnapshot,
} from '../../infra/local-sheets/index.ts';
import { booksOf, createPerJurorScoreSheet } from '../../infra/sheets/per-juror-sheet.ts';
import { createSheetsScoreSheet } from '../../infra/sheets/sheets-adapter.ts';
import { type Competition, parseCompetition, type Stage } from '../../shared/domain/competition.ts';
import { innovationNumber } from '../../shared/domain/innovation.ts';
import { NTT_REGIONS } from '../../shared/domain/regions.ts';
import type { AcceptedSubmission, ScoreSheet, StoreAdapter } from '../../shared/ports.ts';
import { jurorReadRange, locateColumns } from '../../shared/sheet/juror-read.ts';
import { jurorTabs, NAMES_ROW } from '../../shared/sheet/juror-tab.ts';
import { a1Cell, JUROR_HEADER_ROWS, quoteTitle } from '../../shared/sheet/layout.ts';
import { SELECTION_TAB_TITLE } from '../../shared/sheet/selection-tab.ts';
import { loadNtt2024, testServices } from '../helpers/services.ts';

export const TOKEN = 'test-access-token';
/** Fast backoff so fault runs finish quickly; the retry logic is the same as in production. */
export const FAST_RETRY = { retries: 6, minTimeoutMs: 1, maxTimeoutMs: 4, maxRetryAfterMs: 5 };

export interface SheetEnv {
  dir: string;
  file: string;
  server: LocalSheetsServer;
  sheet: ScoreSheet;
  store: StoreAdapter & { close(): void };
  services: Services;
  /** A separate client standing in for people typing into the sheet. */
  client: sheets_v4.Sheets;
  /** The spreadsheet holding a juror's tabs: the one shared spreadsheet, or the juror's own (perJuror). */
  spreadsheetOf(jurorId: string): Promise<string>;
  close(): Promise<void>;
}

export function oauthClient() {
  const client = new auth.OAuth2();
  client.setCredentials({ access_token: TOKEN });
  return client;
}

/** Registers an afterEach that closes every environment the returned starter opened in that test. */
export function sheetEnvsClosedAfterEach(): typeof startSheetEnv {
  const open: SheetEnv[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((env) => env.close()));
  });
  return async (...args) => {
    const env = await startSheetEnv(...args);
    open.push(env);
    return env;
  };
}

export async function startSheetEnv(
  competition: Competition = loadNtt2024(),
  file?: string,
): Promise<SheetEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'juri-sheets-'));
  const path = file ?? join(dir, 'juri.xlsx');
  const server = await startLocalSheetsServer({ file: path, accessToken: TOKEN });
  const main = {
    spreadsheetId: server.spreadsheetId,
    auth: oauthClient(),
    rootUrl: server.url,
    retry: FAST_RETRY,
  };
  const sheet =
    competition.sheet.mode === 'perJuror'
      ? createPerJurorScoreSheet({ main, urlOf: (id) => server.fileOf(id) })
      : createSheetsScoreSheet(main);
  const store = openSqliteStore(':memory:');
  const services = testServices({ store, sheet, competition });
  const client = sheets({ version: 'v4', auth: oauthClient(), rootUrl: server.url, retry: false });
  return {
    dir,
    file: path,
    server,
    sheet,
    store,
    services,
    client,
    async spreadsheetOf(jurorId) {
      if (competition.sheet.mode !== 'perJuror') return server.spreadsheetId;
      const { publishState } = (await createSheetsScoreSheet(main).readRanges([])).snapshot();
      const id = booksOf(publishState)[jurorId];
      if (!id) throw new Error(`no spreadsheet for ${jurorId}`);
      return id;
    },
    async close() {
      await server.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function submission(
  n: number,
  fields: Partial<AcceptedSubmission['innovation']> = {},
): AcceptedSubmission {
  return {
    responseId: `resp-${String(n).padStart(5, '0')}`,
    submittedAt: `2024-09-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
    source: 'local',
    rawId: `raw-${n}`,
    innovation: {
      title: `Inovasi Layanan ${n}`,
      agency: `Dinas ${n % 7 === 0 ? 'Kesehatan' : 'Kependudukan'}`,
      region: NTT_REGIONS[n % NTT_REGIONS.length] ?? 'Kupang',
      category: n % 3 === 0 ? 'prov' : 'kabkota',
      ...fields,
    },
  };
}

export async function seedInnovations(env: SheetEnv, count: number, from = 1): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await env.store
      .competition(env.services.competition.id)
      .innovations.upsertInnovation(submission(n), (k) => innovationNumber(2024, k));
  }
}

/** A national-size competition: `jurors` jurors, `perInnovation` of them per entry at the desk stage. */
export function scaledCompetition(jurors: number, perInnovation: number): Competition {
  const base = loadNtt2024();
  const parsed = parseCompetition({
    ...base,
    id: `skala-${jurors}`,
    jurors: Array.from({ length: jurors }, (_, i) => ({
      id: `j${i + 1}`,
      name: `Juri ${i + 1}`,
      email: `juri${i + 1}@example.org`,
      region: NTT_REGIONS[(i * 5) % NTT_REGIONS.length] ?? 'Kupang',
    })),
    stages: base.stages.map((s, k) =>
      k === 0
        ? { ...s, jurorsPerInnovation: perInnovation }
        : { ...s, jurors: ['j1', 'j2', 'j3', 'j4', 'j5'] },
    ),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/**
 * Types scores the way a person would (USER_ENTERED, decimals with a comma as text where asked), into
 * the columns the tab's header names: `value(stage, juror, innovation, criterionIndex)` returns what to
 * type, or null to leave blank.
 */
export async function typeScores(
  env: SheetEnv,
  value: (stage: string, juror: string, innovation: string, criterion: number) => string | number | null,
  stageId?: string,
): Promise<void> {
  const tabs = jurorTabs(env.services.competition).filter((t) => !stageId || t.stage.id === stageId);
  const books = new Map<string, typeof tabs>();
  for (const tab of tabs) {
    const id = await env.spreadsheetOf(tab.juror.id);
    books.set(id, [...(books.get(id) ?? []), tab]);
  }
  for (const [spreadsheetId, bookTabs] of books) {
    const got = await env.client.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: bookTabs.map(jurorReadRange),
    });
    const data: sheets_v4.Schema$ValueRange[] = [];
    bookTabs.forEach((tab, i) => {
      const values = (got.data.valueRanges?.[i]?.values ?? []).map((r) => r.map(String));
      const at = locateColumns(tab, values);
      if (!at.ok) throw new Error(`cannot find the columns of ${tab.title}`);
      const first = at.headerRow + JUROR_HEADER_ROWS - NAMES_ROW;
      const [start = 0] = at.criteria;
      const adjacent = at.criteria.every((c, k) => c === start + k);
      values.slice(first).forEach((row, k) => {
        const id = row[at.idColumn] ?? '';
        if (id === '') return;
        const typed = tab.stage.criteria.map((_, ci) =>
          asTyped(tab.stage, value(tab.stage.id, tab.juror.id, id, ci) ?? ''),
        );
        if (adjacent) {
          data.push({ range: a1Cell(tab.title, start, first + k), values: [typed] });
          return;
        }
        typed.forEach((v, ci) => {
          data.push({ range: a1Cell(tab.title, at.criteria[ci] ?? 0, first + k), values: [[v]] });
        });
      });
    });
    if (data.length === 0) continue;
    await env.client.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'USER_ENTERED', data },
    });
  }
}

/**
 * A field verification's cells take words: a number given for one reads as its point on the 0–2
 * scale where it is one (0 tidak, 1 sebagian, 2 ya), and as "ya" otherwise (every claim holds).
 */
function asTyped(stage: Stage, v: string | number): string | number {
  if (stage.kind !== 'field' || typeof v !== 'number') return v;
  return ['tidak', 'sebagian', 'ya'][v] ?? 'ya';
}

/** A deterministic score per cell so that runs are comparable. */
export function scoreFor(stage: string, juror: string, innovation: string, criterion: number): number {
  let h = 7;
  for (const ch of `${stage}${juror}${innovation}${criterion}`) h = (h * 31 + ch.charCodeAt(0)) % 1000;
  return stage === 'desk' ? 50 + (h % 50) : 1 + (h % 10);
}

export function visible(tabs: TabSnapshot[]): TabSnapshot[] {
  return tabs.filter((t) => !t.hidden);
}

export function requestsSince(env: SheetEnv, from: number) {
  const entries = env.server.log.slice(from);
  return {
    reads: entries.filter((e) => e.kind === 'read').length,
    writes: entries.filter((e) => e.kind === 'write').length,
  };
}

/** The tab of that title as the stand-in server holds it now. */
export async function tabOf(env: SheetEnv, title: string) {
  return (await env.server.snapshot()).find((t) => t.title === title);
}

/** The secretariat types a decision (keputusan, oleh, catatan) into the "Seleksi" tab's row of `id`. */
export async function typeInSelection(env: SheetEnv, id: string, cells: [string, string, string]) {
  const tab = await tabOf(env, SELECTION_TAB_TITLE);
  const row = (tab?.values ?? []).findIndex((r) => r[0] === id) + 1;
  await env.client.spreadsheets.values.batchUpdate({
    spreadsheetId: env.server.spreadsheetId,
    requestBody: {
      valueInputOption: 'USER_ENTERED',
      data: [{ range: `${quoteTitle(SELECTION_TAB_TITLE)}!H${row}:J${row}`, values: [cells] }],
    },
  });
}
