import type { Competition } from '../domain/competition.ts';
import { type Lang, localName } from '../domain/i18n.ts';
import type { Innovation } from '../domain/innovation.ts';
import { section } from '../messages/catalogue/section.ts';
import { reminder } from '../messages/reminders.ts';
import type { JurorComment, MissingEntry } from './juror-read.ts';
import { fitTitle, type JurorProgress } from './layout.ts';
import type { OutputTab } from './output-tab.ts';

/** The output tabs about the jurors' own work: what each still has to score, and their remarks. */

export const JUROR_OUTPUT_KEYS = { missing: 'missing', comments: 'comments' } as const;

const WORDS = { id: section('id', 'sheet.jurorOut.'), en: section('en', 'sheet.jurorOut.') };

export interface JurorOutputInput {
  competition: Competition;
  innovations: readonly Innovation[];
  progress: readonly JurorProgress[];
  /** Per `stage|juror`: the entries and criteria still without a score. */
  missing: ReadonlyMap<string, readonly MissingEntry[]>;
  comments: readonly JurorComment[];
  lang: Lang;
}

/**
 * "Belum Dinilai": per juror with something left, a line with the count and ready-to-send reminders
 * (WhatsApp and email links, text in Indonesian), then one line per entry naming the empty criteria.
 */
export function missingTab(input: JurorOutputInput): OutputTab {
  const { competition, lang } = input;
  const w = WORDS[lang];
  const titles = new Map(input.innovations.map((i) => [i.id, i.title]));
  const rows: (string | number | null)[][] = [];
  const links: NonNullable<OutputTab['links']> = [];
  for (const p of input.progress) {
    const stage = competition.stages.find((s) => s.id === p.stage);
    const juror = competition.jurors.find((j) => j.id === p.juror);
    const entries = input.missing.get(`${p.stage}|${p.juror}`) ?? [];
    if (!stage || !juror || entries.length === 0) continue;
    const cells = entries.reduce((n, e) => n + e.criteria.length, 0);
    const r = reminder(competition, stage, juror, { entries: entries.length, cells });
    links.push({ row: rows.length, column: 6, url: r.whatsapp, label: w.sendWa });
    links.push({ row: rows.length, column: 7, url: r.email, label: w.sendEmail });
    const count = w.entries.replace('{n}', String(entries.length)).replace('{cells}', String(cells));
    rows.push([localName(stage, lang), juror.id, juror.name, count, '', '', w.sendWa, w.sendEmail]);
    const names = new Map(stage.criteria.map((c) => [c.id, localName(c, lang)]));
    for (const e of entries) {
      const empty =
        e.criteria.length === stage.criteria.length
          ? w.all
          : e.criteria.map((c) => names.get(c) ?? c).join(', ');
      rows.push(['', '', '', e.innovation, titles.get(e.innovation) ?? '', empty, '', '']);
    }
  }
  return {
    key: JUROR_OUTPUT_KEYS.missing,
    title: fitTitle(w.missing),
    header: [[w.stage, w.juror, w.name, w.innovation, w.title, w.empty, w.whatsapp, w.email]],
    rows: rows.length > 0 ? rows : [[w.allDone, '', '', '', '', '', '', '']],
    widths: [180, 60, 240, 200, 320, 320, 170, 140],
    links,
  };
}

/** "Catatan Juri": every remark a juror typed, by stage, entry and juror, with its cell. */
export function commentsTab(input: JurorOutputInput): OutputTab {
  const { competition, lang } = input;
  const w = WORDS[lang];
  const titles = new Map(input.innovations.map((i) => [i.id, i.title]));
  const stages = new Map(competition.stages.map((s) => [s.id, localName(s, lang)]));
  const names = new Map(competition.jurors.map((j) => [j.id, j.name]));
  const order = new Map(competition.stages.map((s, i) => [s.id, i]));
  const rows = [...input.comments]
    .sort(
      (a, b) =>
        (order.get(a.stage) ?? 0) - (order.get(b.stage) ?? 0) ||
        a.innovation.localeCompare(b.innovation) ||
        a.juror.localeCompare(b.juror),
    )
    .map((c) => [
      stages.get(c.stage) ?? c.stage,
      c.innovation,
      titles.get(c.innovation) ?? '',
      c.juror,
      names.get(c.juror) ?? '',
      c.text,
      c.cell,
    ]);
  return {
    key: JUROR_OUTPUT_KEYS.comments,
    title: fitTitle(w.comments),
    header: [[w.stage, w.innovation, w.title, w.juror, w.name, w.remark, w.cell]],
    rows: rows.length > 0 ? rows : [[w.none, '', '', '', '', '', '']],
    widths: [180, 130, 320, 60, 240, 480, 220],
  };
}
