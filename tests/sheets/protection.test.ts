import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { columnOf, criterionColumns, jurorColumns, jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { JUROR_HEADER_ROWS } from '../../shared/sheet/layout.ts';
import { type SheetEnv, seedInnovations, sheetEnvsClosedAfterEach } from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

type Protection = sheets_v4.Schema$ProtectedRange;

function covers(p: Protection, row: number, column: number): boolean {
  const r = p.range ?? {};
  return (
    row >= (r.startRowIndex ?? 0) &&
    row < (r.endRowIndex ?? Number.POSITIVE_INFINITY) &&
    column >= (r.startColumnIndex ?? 0) &&
    column < (r.endColumnIndex ?? Number.POSITIVE_INFINITY)
  );
}

/** Google's rule: a cell is editable only by someone listed in every protected range covering it. */
function canEdit(protections: Protection[], email: string, row: number, column: number): boolean {
  return protections.filter((p) => covers(p, row, column)).every((p) => p.editors?.users?.includes(email));
}

async function jurorSheets(e: SheetEnv) {
  const info = await e.client.spreadsheets.get({ spreadsheetId: e.server.spreadsheetId });
  const byTitle = new Map((info.data.sheets ?? []).map((s) => [s.properties?.title ?? '', s]));
  return jurorTabs(e.services.competition).map((tab) => ({ tab, sheet: byTitle.get(tab.title) }));
}

function descriptions(protections: Protection[]): string[] {
  return protections.map((p) => p.description ?? '').sort();
}

describe('juror tab protection', () => {
  it('locks the key columns of every juror tab to the secretariat, once, however often setup runs', async () => {
    const env = await startEnv();
    const secretariat = env.services.competition.secretariat;
    await seedInnovations(env, 6);
    await provisionSheet(env.services);

    const first = await jurorSheets(env);
    expect(first).toHaveLength(10);
    for (const { tab, sheet } of first) {
      const protections = sheet?.protectedRanges ?? [];
      const columns = jurorColumns(env.services.competition, tab.stage);
      // ID, title, agency, region, and the Proposal and Video links.
      const keyColumns = criterionColumns(columns)[0] ?? 0;
      expect(keyColumns).toBe(6);
      const keys = protections.filter((p) => p.description === 'juri:keys');
      expect(keys).toHaveLength(1);
      // Whole column height: no row bounds, so rows added below the grid are covered too.
      expect(keys[0]?.range).toEqual({
        sheetId: sheet?.properties?.sheetId,
        startColumnIndex: 0,
        endColumnIndex: keyColumns,
      });
      const total = columnOf(columns, 'total');
      expect(protections.filter((p) => p.description === 'juri:formulas').map((p) => p.range)).toEqual([
        { sheetId: sheet?.properties?.sheetId, startColumnIndex: total, endColumnIndex: total + 1 },
      ]);
      expect(keys[0]?.editors?.users).toEqual(secretariat);

      const juror = tab.juror.email;
      const rowCount = sheet?.properties?.gridProperties?.rowCount ?? 0;
      const conflicts = new Set(
        protections.filter((p) => p.description === 'juri:conflict').map((p) => p.range?.startRowIndex ?? -1),
      );
      for (let row = JUROR_HEADER_ROWS; row < rowCount + 5; row++) {
        for (const column of [...Array.from({ length: keyColumns }, (_, c) => c), total]) {
          expect(canEdit(protections, juror, row, column)).toBe(false);
          expect(canEdit(protections, secretariat[0] ?? '', row, column)).toBe(true);
        }
      }
      for (let row = JUROR_HEADER_ROWS; row < rowCount; row++) {
        for (const column of [...criterionColumns(columns), columnOf(columns, 'comment')]) {
          expect(canEdit(protections, juror, row, column)).toBe(!conflicts.has(row));
        }
      }
    }
    expect(
      first.some(({ sheet }) => sheet?.protectedRanges?.some((p) => p.description === 'juri:conflict')),
    ).toBe(true);

    await provisionSheet(env.services);
    await seedInnovations(env, 3, 7);
    await provisionSheet(env.services);
    const again = await jurorSheets(env);
    for (const [i, { sheet }] of again.entries()) {
      const protections = sheet?.protectedRanges ?? [];
      const before = first[i]?.sheet?.protectedRanges ?? [];
      expect(protections.filter((p) => p.description === 'juri:keys')).toHaveLength(1);
      expect(protections.filter((p) => p.description === 'juri:tab')).toHaveLength(1);
      expect(protections.filter((p) => p.description === 'juri:header')).toHaveLength(1);
      // New innovations may bring new conflicted rows, but never a second copy of an old range.
      const ranges = protections.map((p) => JSON.stringify([p.description, p.range]));
      expect(new Set(ranges).size).toBe(ranges.length);
      expect(descriptions(protections).filter((d) => d !== 'juri:conflict')).toEqual(
        descriptions(before).filter((d) => d !== 'juri:conflict'),
      );
    }
  });
});
