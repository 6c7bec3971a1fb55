import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { calibrationStage, sampleRow } from '../../shared/domain/calibration.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { hasConflict } from '../../shared/domain/scoring.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { jurorReadRange, locateColumns } from '../../shared/sheet/juror-read.ts';
import { type JurorTab, jurorTabs, NAMES_ROW } from '../../shared/sheet/juror-tab.ts';
import { a1Cell, JUROR_HEADER_ROWS } from '../../shared/sheet/layout.ts';
import type { LocalCompetition } from '../compose/local.ts';
import { DEMO_CALIBRATION_QUALITY, DEMO_INNOVATIONS, typedScore } from './innovations.ts';

export interface SheetTarget {
  rootUrl: string;
  /** The spreadsheet holding a juror's tabs: one for all in the shared mode, the juror's own in perJuror. */
  spreadsheetOf: (jurorId: string) => string | Promise<string>;
  auth: NonNullable<sheets_v4.Options['auth']>;
}

/** What a juror types on one row: one text per criterion, exactly as typed, and maybe a remark. */
export type ScoreTyping = (
  tab: JurorTab,
  innovation: Innovation,
  tabIndex: number,
  rowIndex: number,
) => { scores: string[]; remark?: string; photos?: string };

/**
 * Jurors at work: they open their tabs and type scores through the Sheets API, as a person would in
 * the browser (USER_ENTERED, decimal commas and all), finding the columns by their names. Conflicted
 * rows are locked in Google Sheets, so they are skipped. Returns how many rows were typed.
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
  const books = new Map<string, JurorTab[]>();
  for (const tab of tabs) {
    const id = await target.spreadsheetOf(tab.juror.id);
    books.set(id, [...(books.get(id) ?? []), tab]);
  }
  let rows = 0;
  for (const [spreadsheetId, bookTabs] of books) {
    const read = await client.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: bookTabs.map(jurorReadRange),
    });
    const data = bookTabs.flatMap((tab, b) => {
      const values = (read.data.valueRanges?.[b]?.values ?? []).map((r) => r.map(String));
      const at = locateColumns(tab, values);
      if (!at.ok) return [];
      const first = at.headerRow + JUROR_HEADER_ROWS - NAMES_ROW;
      return values.slice(first).flatMap((row, i) => {
        const innovation = byId.get(String(row[at.idColumn] ?? '').trim());
        if (!innovation || hasConflict(tab.juror, innovation)) return [];
        rows += 1;
        const { scores, remark, photos } = typing(tab, innovation, tabs.indexOf(tab), i);
        const cells = scores.map((value, ci) => ({
          range: a1Cell(tab.title, at.criteria[ci] ?? 0, first + i),
          values: [[value]],
        }));
        if (remark && at.commentColumn !== undefined)
          cells.push({ range: a1Cell(tab.title, at.commentColumn, first + i), values: [[remark]] });
        if (photos && at.photosColumn !== undefined)
          cells.push({ range: a1Cell(tab.title, at.photosColumn, first + i), values: [[photos]] });
        return cells;
      });
    });
    if (data.length === 0) continue;
    await client.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: { valueInputOption: 'USER_ENTERED', data },
    });
  }
  return rows;
}

/** One write of one cell, as a juror typing it; a strict rule refuses it with Google's 400. */
export async function typeCell(
  target: SheetTarget,
  jurorId: string,
  range: string,
  value: string,
): Promise<void> {
  const client = sheets({ version: 'v4', rootUrl: target.rootUrl, auth: target.auth });
  await client.spreadsheets.values.update({
    spreadsheetId: await target.spreadsheetOf(jurorId),
    range,
    valueInputOption: 'USER_ENTERED',
    requestBody: { values: [[value]] },
  });
}

const REMARKS = [
  'Proposal lengkap; dampak perlu data pembanding.',
  'Video jelas menunjukkan layanan berjalan.',
  'Layak direplikasi ke kabupaten lain.',
];

/**
 * The demo jurors: each marks by the innovation's quality, their own leniency and some noise, now and
 * then with a remark. At the desk review one slips, typing words instead of a number: the sheet refuses
 * it (strict validation), and the refusal's message is returned.
 */
export async function typeDemoScores(
  rt: LocalCompetition,
  stageId: string,
): Promise<{ rows: number; refused: string | null }> {
  const { competition, stores } = rt.services;
  if (competition.stages.find((s) => s.id === stageId)?.kind === 'field')
    return { rows: await typeDemoVerifications(rt, stageId), refused: null };
  const quality = new Map(DEMO_INNOVATIONS.map((d) => [d.title, d.quality]));
  const rand = seededRandom(stageId === 'desk' ? 2024 : 1220);
  const target = { rootUrl: rt.sheetsUrl, spreadsheetOf: rt.spreadsheetOf, auth: rt.sheetsAuth };
  const innovations = await stores.innovations.listInnovations();
  const rows = await typeScores(target, competition, innovations, stageId, (tab, innovation, t, r) => {
    const q = quality.get(innovation.title) ?? 70;
    const scores = tab.stage.criteria.map((c) => typedScore(q, tab.juror.id, c.min, c.max, rand));
    const remark = (r + t) % 5 === 0 ? REMARKS[(r + t) % REMARKS.length] : undefined;
    return remark ? { scores, remark } : { scores };
  });
  const second = jurorTabs(competition).filter((t) => t.stage.id === stageId)[1];
  const refused = stageId === competition.stages[0]?.id && second ? await slip(target, second) : null;
  return { rows, refused };
}

/**
 * The calibration round before the real scoring: every juror of the samples' stage scores them, by the
 * sample's quality and the juror's own leniency (seeded apart from the entries, so the entries' scores
 * are the demo's as before). Returns how many sample rows were typed.
 */
export async function typeDemoCalibration(rt: LocalCompetition, stageId: string): Promise<number> {
  const { competition } = rt.services;
  if (calibrationStage(competition)?.id !== stageId) return 0;
  const samples = competition.calibration?.entries.map(sampleRow) ?? [];
  const rand = seededRandom(2416);
  const target = { rootUrl: rt.sheetsUrl, spreadsheetOf: rt.spreadsheetOf, auth: rt.sheetsAuth };
  return typeScores(target, competition, samples, stageId, (tab, sample) => {
    const q = DEMO_CALIBRATION_QUALITY[sample.id] ?? 70;
    return { scores: tab.stage.criteria.map((c) => typedScore(q, tab.juror.id, c.min, c.max, rand)) };
  });
}

/** The juror types "delapan puluh" over their first entry's second score: the refusal's message, or null. */
async function slip(target: SheetTarget, tab: JurorTab): Promise<string | null> {
  const client = sheets({ version: 'v4', rootUrl: target.rootUrl, auth: target.auth });
  const spreadsheetId = await target.spreadsheetOf(tab.juror.id);
  const read = await client.spreadsheets.values.get({ spreadsheetId, range: jurorReadRange(tab) });
  const at = locateColumns(
    tab,
    (read.data.values ?? []).map((r) => r.map(String)),
  );
  if (!at.ok) return null;
  const cell = a1Cell(tab.title, at.criteria[1] ?? 0, at.headerRow + JUROR_HEADER_ROWS - NAMES_ROW);
  try {
    await typeCell(target, tab.juror.id, cell, 'delapan puluh');
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * What the demo's verifiers find on site, by title: the solar pumps of one entry mostly stand idle, so
 * it fails the field verification's gate; elsewhere the claims hold (a weaker entry's papers partly).
 */
const FIELD_FINDINGS: Record<string, { answers: Record<string, string>[]; note: string }> = {
  'Air Bersih Tenaga Surya untuk Desa Kering': {
    answers: [
      { berjalan: 'tidak', manfaat: 'tidak', bukti: 'ya' },
      { berjalan: 'sebagian', manfaat: 'tidak', bukti: 'ya' },
    ],
    note: 'Pompa surya di 2 dari 3 desa tidak beroperasi sejak Agustus; warga masih membeli air dari truk tangki.',
  },
};

const PARTLY_NOTE = 'Layanan berjalan; data capaian baru sebagian terdokumentasi.';

/**
 * The demo verifiers at work on the field verification's tabs: ya / sebagian / tidak per claim and a
 * photo link on every row, and a note where a claim did not fully hold, as a verifier fills them in
 * after the visit.
 */
async function typeDemoVerifications(rt: LocalCompetition, stageId: string): Promise<number> {
  const { competition, stores } = rt.services;
  const quality = new Map(DEMO_INNOVATIONS.map((d) => [d.title, d.quality]));
  const target = { rootUrl: rt.sheetsUrl, spreadsheetOf: rt.spreadsheetOf, auth: rt.sheetsAuth };
  const innovations = await stores.innovations.listInnovations();
  const visits = new Map<string, number>();
  return typeScores(target, competition, innovations, stageId, (tab, innovation) => {
    const visit = visits.get(innovation.id) ?? 0;
    visits.set(innovation.id, visit + 1);
    const found = FIELD_FINDINGS[innovation.title];
    const typed = found?.answers[visit % found.answers.length];
    const weaker = (quality.get(innovation.title) ?? 70) < 75;
    const scores = tab.stage.criteria.map(
      (c) => typed?.[c.id] ?? (weaker && c.id === 'bukti' && visit === 0 ? 'sebagian' : 'ya'),
    );
    const photos = `https://foto.example.org/${innovation.id}/${tab.juror.id}-1.jpg`;
    const remark = found?.note ?? (scores.includes('sebagian') ? PARTLY_NOTE : undefined);
    return remark ? { scores, remark, photos } : { scores, photos };
  });
}
