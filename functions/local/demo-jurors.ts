import { sheets } from '@googleapis/sheets';
import { hasConflict } from '../../shared/domain/scoring.ts';
import {
  columnLetter,
  firstScoreColumn,
  JUROR_HEADER_ROWS,
  jurorReadRange,
  jurorTabs,
  quoteTitle,
} from '../../shared/domain/sheet-layout.ts';
import type { LocalRuntime } from './compose-local.ts';
import { DEMO_INNOVATIONS, seededRandom, typedScore } from './demo-scenario.ts';

/**
 * The demo jurors: they read their tabs and type their scores into the workbook through the
 * Sheets API, as a person would in the browser (values as typed, decimal commas and all).
 * One juror slips once, typing words instead of a number, so "Periksa Nilai" has something to show.
 */
export async function typeDemoScores(rt: LocalRuntime, stageId: string): Promise<number> {
  const { competition, store } = rt.services;
  const client = sheets({ version: 'v4', rootUrl: rt.sheetsUrl, auth: rt.sheetsAuth });
  const tabs = jurorTabs(competition).filter((t) => t.stage.id === stageId);
  const innovations = new Map((await store.listInnovations(competition.id)).map((i) => [i.id, i]));
  const quality = new Map(DEMO_INNOVATIONS.map((d) => [d.title, d.quality]));
  const read = await client.spreadsheets.values.batchGet({
    spreadsheetId: rt.spreadsheetId,
    ranges: tabs.map(jurorReadRange),
  });
  const rand = seededRandom(stageId === 'desk' ? 2024 : 1220);
  const data: { range: string; values: string[][] }[] = [];
  tabs.forEach((tab, t) => {
    const rows = read.data.valueRanges?.[t]?.values ?? [];
    rows.forEach((row, r) => {
      const innovation = innovations.get(String(row[0] ?? '').trim());
      if (!innovation || hasConflict(tab.juror, innovation)) return;
      const q = quality.get(innovation.title) ?? 70;
      const typed = tab.stage.criteria.map((c) => typedScore(q, tab.juror.id, c.min, c.max, rand));
      if (stageId === 'desk' && t === 1 && r === 0) typed[1] = 'delapan puluh';
      const sheetRow = JUROR_HEADER_ROWS + 1 + r;
      const first = columnLetter(firstScoreColumn());
      const last = columnLetter(firstScoreColumn() + typed.length - 1);
      data.push({
        range: `${quoteTitle(tab.title)}!${first}${sheetRow}:${last}${sheetRow}`,
        values: [typed],
      });
    });
  });
  await client.spreadsheets.values.batchUpdate({
    spreadsheetId: rt.spreadsheetId,
    requestBody: { valueInputOption: 'USER_ENTERED', data },
  });
  return data.length;
}
