import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { hasConflict } from '../../shared/domain/scoring.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import {
  columnLetter,
  firstScoreColumn,
  JUROR_HEADER_ROWS,
  type JurorTab,
  jurorReadRange,
  jurorTabs,
  quoteTitle,
} from '../../shared/sheet/layout.ts';
import type { LocalRuntime } from '../compose/local.ts';
import { DEMO_INNOVATIONS, typedScore } from './innovations.ts';

export interface SheetTarget {
  rootUrl: string;
  spreadsheetId: string;
  auth: NonNullable<sheets_v4.Options['auth']>;
}

/** What a juror types on one row: one text per criterion, exactly as typed. */
export type ScoreTyping = (
  tab: JurorTab,
  innovation: Innovation,
  tabIndex: number,
  rowIndex: number,
) => string[];

/**
 * Jurors at work: they read their tabs and type scores through the Sheets API, as a person would
 * in the browser (values as typed, decimal commas and all). Conflicted rows are locked in Google
 * Sheets, so they are skipped. Returns how many rows were typed.
 */
export async function typeScores(
  target: SheetTarget,
  competition: Competition,
  innovations: readonly Innovation[],
  stageId: string,
  typing: ScoreTyping,
): Promise<number> {
  const client = sheets({ version: 'v4', rootUrl: target.rootUrl, auth: target.auth });
  const tabs = jurorTabs(competition).filter((t) => t.stage.id === stageId);
  const byId = new Map(innovations.map((i) => [i.id, i]));
  const read = await client.spreadsheets.values.batchGet({
    spreadsheetId: target.spreadsheetId,
    ranges: tabs.map(jurorReadRange),
  });
  const data = tabs.flatMap((tab, t) =>
    (read.data.valueRanges?.[t]?.values ?? []).flatMap((row, r) => {
      const innovation = byId.get(String(row[0] ?? '').trim());
      if (!innovation || hasConflict(tab.juror, innovation)) return [];
      const sheetRow = JUROR_HEADER_ROWS + 1 + r;
      const range = `${quoteTitle(tab.title)}!${columnLetter(firstScoreColumn())}${sheetRow}`;
      return [{ range, values: [typing(tab, innovation, t, r)] }];
    }),
  );
  await client.spreadsheets.values.batchUpdate({
    spreadsheetId: target.spreadsheetId,
    requestBody: { valueInputOption: 'USER_ENTERED', data },
  });
  return data.length;
}

/**
 * The demo jurors: each marks by the innovation's quality, their own leniency and some noise.
 * One slips once, typing words instead of a number, so "Periksa Nilai" has something to show.
 */
export async function typeDemoScores(rt: LocalRuntime, stageId: string): Promise<number> {
  const { competition, store } = rt.services;
  const quality = new Map(DEMO_INNOVATIONS.map((d) => [d.title, d.quality]));
  const rand = seededRandom(stageId === 'desk' ? 2024 : 1220);
  const target = { rootUrl: rt.sheetsUrl, spreadsheetId: rt.spreadsheetId, auth: rt.sheetsAuth };
  const innovations = await store.listInnovations(competition.id);
  return typeScores(target, competition, innovations, stageId, (tab, innovation, t, r) => {
    const q = quality.get(innovation.title) ?? 70;
    const typed = tab.stage.criteria.map((c) => typedScore(q, tab.juror.id, c.min, c.max, rand));
    if (stageId === 'desk' && t === 1 && r === 0) typed[1] = 'delapan puluh';
    return typed;
  });
}
