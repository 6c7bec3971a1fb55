import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { jurorTabs } from '../../shared/sheet/juror-tab.ts';
import { needTools } from '../helpers/tools.ts';
import { type SheetEnv, scoreFor, seedInnovations, sheetEnvsClosedAfterEach, typeScores } from './helpers.ts';

const startEnv = sheetEnvsClosedAfterEach();

/** What a juror tab looks like in the file: its notes, frozen panes, column widths and shaded cells. */
interface Looks {
  notes: Record<string, string>;
  frozen: { rows: number; columns: number };
  widths: number[];
  fills: Record<string, string>;
}

async function looksOf(file: string, titles: string[]): Promise<Map<string, Looks>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const out = new Map<string, Looks>();
  for (const title of titles) {
    const ws = book.getWorksheet(title);
    if (!ws) throw new Error(`no tab ${title}`);
    const looks: Looks = { notes: {}, frozen: { rows: 0, columns: 0 }, widths: [], fills: {} };
    const view = ws.views[0];
    if (view?.state === 'frozen') looks.frozen = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    for (let c = 1; c <= ws.columnCount; c++) looks.widths.push(Math.round(ws.getColumn(c).width ?? 0));
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const note = cell.note;
        const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
        if (text) looks.notes[cell.address] = text;
        const fill = cell.fill;
        if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb)
          looks.fills[cell.address] = fill.fgColor.argb.slice(-6).toUpperCase();
      });
    });
    out.set(title, looks);
  }
  return out;
}

/** LibreOffice opens the workbook and saves it again as .xlsx, as a person would (without a screen). */
function saveInLibreOffice(env: SheetEnv, soffice: string, format = 'xlsx'): string {
  const home = join(env.dir, `home-${format}`);
  const out = join(env.dir, `lo-${format}`);
  mkdirSync(home, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(env.dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      out,
      env.file,
    ],
    // LibreOffice needs a home it can write to.
    { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: home } },
  );
  const [saved] = readdirSync(out);
  if (!saved) throw new Error('LibreOffice wrote nothing');
  return join(out, saved);
}

describe('the workbook after a LibreOffice save', () => {
  it('keeps the criterion notes, frozen rows, widths and shading through the next sync, and shows decimal commas', async (ctx) => {
    // LibreOffice comes from Debian; .ci/run installs it, and in CI its absence fails.
    const tools = needTools(ctx, ['soffice'], 'apt-get install libreoffice-calc-nogui');
    const env = await startEnv();
    await seedInnovations(env, 12);
    await provisionSheet(env.services);
    await typeScores(env, (s, j, i, c) => `${scoreFor(s, j, i, c)},5`, 'desk');
    expect((await runSync(env.services, { trigger: 'cli' })).status).toBe('written');
    await env.server.flush();
    const titles = jurorTabs(env.services.competition)
      .filter((t) => t.stage.id === 'desk')
      .map((t) => t.title);
    const before = await looksOf(env.file, titles);
    const first = before.get(titles[0] ?? '');
    // What there is to keep: a note per criterion, the frozen header, sized and shaded columns.
    expect(Object.keys(first?.notes ?? {}).length).toBeGreaterThanOrEqual(5);
    expect(first?.frozen.rows).toBeGreaterThan(0);
    expect(Object.values(first?.fills ?? {})).toContain('FFF2B3');

    copyFileSync(saveInLibreOffice(env, tools.soffice), env.file);
    // A juror changes a score after the save; the sync reads the file LibreOffice wrote and writes it again.
    await typeScores(env, (s, j, i, c) => `${scoreFor(s, j, i, c) - 1},5`, 'desk');
    expect((await runSync(env.services, { trigger: 'cli' })).status).toBe('written');
    await env.server.flush();
    const after = await looksOf(env.file, titles);
    for (const title of titles) expect(after.get(title), title).toEqual(before.get(title));
    // The publish removed its staging tabs: none is left in the workbook.
    const names = (await new ExcelJS.Workbook().xlsx.readFile(env.file)).worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('_stg_'))).toEqual([]);

    // Shown by LibreOffice in an English session, the typed scores and the totals keep the decimal comma
    // of the spreadsheet's id_ID locale.
    const csv = readFileSync(saveInLibreOffice(env, tools.soffice, 'csv'), 'utf8');
    expect(csv).toMatch(/"?\d{2},5"?/);
    expect(csv).toMatch(/"?\d{2},\d0"?/);
    expect(csv).not.toMatch(/\b\d{2}\.5\b/);
  }, 240_000);
});
