import {
  type Competition,
  decision,
  documentNumber,
  finalTop,
  panelChair,
  type Stage,
} from '../domain/competition.ts';
import { localParts } from '../domain/dates.ts';
import { isFieldStage } from '../domain/field.ts';
import { type Lang, localName } from '../domain/i18n.ts';
import {
  announcedFinal,
  type ResultRecord,
  representationOf,
  shownResult,
  verificationCode,
} from '../domain/record.ts';
import { hasConflict } from '../domain/scoring.ts';
import { tieGroups } from '../domain/ties.ts';
import { absenceBlocks, scoredNothing } from './berita-acara-absence.ts';
import { methodNotes, stabilityAppendix } from './berita-acara-appendix.ts';
import type { BaBlock, BaCell } from './berita-acara-blocks.ts';
import { fieldBlocks } from './field.ts';
import { clockText, formatLongDate, zoneName } from './moments.ts';
import { formatNumber, formatScore, scoreText } from './numbers.ts';
import { representationNotes, representationParagraphs } from './representation.ts';
import { terbilang } from './terbilang.ts';

/**
 * The Berita Acara (official minutes of the panel's result) as a document model: the page prints it,
 * the Sheet's "Berita Acara" tab carries the same rows. Indonesian is the official text.
 */
export interface BaDocument {
  title: string;
  /** "Nomor: 800/1/ORG/2024" from the config's pattern; null without one. */
  number: string | null;
  subtitle: string;
  blocks: BaBlock[];
}

const W = {
  id: {
    title: 'BERITA ACARA PENETAPAN HASIL PENILAIAN',
    version: 'Versi {n}',
    provisional: 'hasil sementara (uji publik sampai {until})',
    final: 'hasil akhir',
    number: 'Nomor: {number}',
    opening:
      'Pada hari ini, {weekday}, tanggal {day} bulan {month} tahun {year},{atPlace} kami yang bertanda tangan di bawah ini, Dewan Juri {name}, telah melaksanakan penilaian dan menetapkan hasil sebagai berikut:',
    atPlace: ' bertempat di {place},',
    correction: 'Berita acara ini memperbarui versi {n}. Alasan ralat: {reason}',
    confirms:
      'Berita acara ini mengukuhkan hasil sementara versi {n} sebagai hasil akhir setelah uji publik.',
    s1: 'I. Kompetisi',
    organizer: 'Penyelenggara',
    year: 'Tahun',
    innovations: 'Inovasi yang dinilai',
    categories: 'Kategori',
    s2: 'II. Tahapan, Kriteria dan Bobot Penilaian',
    stageLine: '{name}: minimal {min} juri per inovasi; {advance}.',
    advanceTop: '{top} besar lolos ke tahap berikutnya ({per})',
    winnersTop: 'tahap terakhir; {top} besar peringkat akhir menjadi pemenang',
    fieldLine: '{name}: minimal {min} verifikator per inovasi memeriksa klaim proposal di lokasi; {result}.',
    fieldGate: 'inovasi dengan nilai di bawah {passMark} tidak masuk peringkat akhir',
    fieldScore: 'nilainya masuk bobot nilai akhir',
    fieldScale: 'ya / sebagian / tidak',
    perOverall: 'peringkat keseluruhan',
    perCategory: 'per kategori',
    criterion: 'Kriteria',
    weight: 'Bobot',
    share: 'Porsi',
    scale: 'Skala',
    finalWeights: 'Nilai akhir = rata-rata tertimbang: {parts}. Pemenang: {top} besar.',
    rule: 'Cara perhitungan: nilai seorang juri = 100 × Σ bobot × (nilai − min)/(maks − min) / Σ bobot; nilai tahap = rata-rata nilai juri yang dihitung. Nilai ditulis dengan dua angka di belakang koma, dibulatkan dari nilai yang tepat (setengah ke atas).',
    s3: 'III. Dewan Juri',
    no: 'No.',
    name: 'Nama',
    affiliation: 'Instansi',
    region: 'Wilayah',
    role: 'Jabatan',
    chair: 'Ketua',
    member: 'Anggota',
    s4: 'IV. Konflik Kepentingan yang Dikecualikan',
    noConflicts: 'Tidak ada.',
    stage: 'Tahap',
    juror: 'Juri',
    innovation: 'Inovasi',
    reason: 'Alasan',
    sameRegion: 'wilayah yang sama ({region})',
    declared: 'dinyatakan sendiri',
    s5: 'V. Peringkat Akhir',
    rank: 'Peringkat',
    title2: 'Judul',
    agency: 'Instansi',
    score: 'Nilai akhir',
    note: 'Keterangan',
    winner: 'Pemenang',
    tieNote: 'nilai sama',
    decided: 'diputuskan dewan juri',
    s6: 'VI. Nilai Sama dan Keputusan Dewan Juri',
    noTies: 'Tidak ada nilai sama di antara para pemenang.',
    tieLine: 'Peringkat {rank}: {ids} memiliki nilai sama{cutoff}.',
    cutoff: ' pada batas pemenang',
    decision: 'Keputusan: urutan {order}. {note}',
    undecided: 'Tidak ada keputusan; peringkat dibagi bersama.',
    lateTitle: 'Pendaftaran terlambat yang diterima sekretariat',
    s7: 'VII. Penetapan',
    closing: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
    footnote:
      'Catatan: Kode verifikasi {code} (SHA-256 {hash}) dapat diperiksa ulang oleh siapa pun dengan perangkat lunak juri. Versi {version} dicatat pada {date} pukul {time}.',
    previous: 'Versi sebelumnya: SHA-256 {hash}.',
    place: 'Ditetapkan di {place}, {date}',
    placeless: 'Ditetapkan pada {date}',
    sign: 'Tanda tangan',
  },
  en: {
    title: 'OFFICIAL MINUTES OF THE JUDGING RESULT (BERITA ACARA)',
    version: 'Version {n}',
    provisional: 'provisional result (public test until {until})',
    final: 'final result',
    number: 'Number: {number}',
    opening:
      'On {weekday}, {day} {month} {year},{atPlace} we the undersigned, the panel of jurors of the {name}, completed the judging and fixed the result as follows:',
    atPlace: ' at {place},',
    correction: 'These minutes update version {n}. Reason for the correction: {reason}',
    confirms: 'These minutes confirm provisional version {n} as the final result after the public test.',
    s1: 'I. Competition',
    organizer: 'Organiser',
    year: 'Year',
    innovations: 'Innovations judged',
    categories: 'Categories',
    s2: 'II. Stages, Criteria and Weights',
    stageLine: '{name}: at least {min} jurors per innovation; {advance}.',
    advanceTop: 'the top {top} advance ({per})',
    winnersTop: 'the last stage; the top {top} of the final ranking win',
    fieldLine: '{name}: at least {min} verifiers per innovation check the proposal claims on site; {result}.',
    fieldGate: 'an innovation scoring below {passMark} is not in the final ranking',
    fieldScore: 'its score counts in the final weights',
    fieldScale: 'yes / partly / no',
    perOverall: 'overall ranking',
    perCategory: 'per category',
    criterion: 'Criterion',
    weight: 'Weight',
    share: 'Share',
    scale: 'Scale',
    finalWeights: 'Final score = weighted mean: {parts}. Winners: the top {top}.',
    rule: 'How scores are computed: a juror’s total = 100 × Σ weight × (score − min)/(max − min) / Σ weight; stage score = mean of the counted juror totals. Scores are written with two decimals, rounded from the exact value (half up).',
    s3: 'III. Panel of Jurors',
    no: 'No.',
    name: 'Name',
    affiliation: 'Affiliation',
    region: 'Region',
    role: 'Role',
    chair: 'Chair',
    member: 'Member',
    s4: 'IV. Conflicts of Interest Excluded',
    noConflicts: 'None.',
    stage: 'Stage',
    juror: 'Juror',
    innovation: 'Innovation',
    reason: 'Reason',
    sameRegion: 'same region ({region})',
    declared: 'declared',
    s5: 'V. Final Ranking',
    rank: 'Rank',
    title2: 'Title',
    agency: 'Agency',
    score: 'Final score',
    note: 'Notes',
    winner: 'Winner',
    tieNote: 'tied',
    decided: 'decided by the panel',
    s6: 'VI. Ties and the Panel’s Decisions',
    noTies: 'No ties among the winners.',
    tieLine: 'Rank {rank}: {ids} have equal scores{cutoff}.',
    cutoff: ' at the last winning place',
    decision: 'Decision: order {order}. {note}',
    undecided: 'No decision; the rank is shared.',
    lateTitle: 'Late entries accepted by the secretariat',
    s7: 'VII. Fixing of the Result',
    closing: 'These minutes are made truthfully, to be used as appropriate.',
    footnote:
      'Note: verification code {code} (SHA-256 {hash}) can be re-checked by anyone with the juri software. Version {version} was recorded on {date} at {time}.',
    previous: 'Previous version: SHA-256 {hash}.',
    place: 'Set at {place}, {date}',
    placeless: 'Set on {date}',
    sign: 'Signature',
  },
} as const;

type Words = Record<keyof (typeof W)['id'], string>;

function fill(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? `{${k}}`));
}

function moment(iso: string, competition: Pick<Competition, 'timezone'>, lang: Lang) {
  const { day, time } = localParts(new Date(iso), competition.timezone);
  return {
    date: formatLongDate(day, lang),
    time: `${clockText(time, lang)} ${zoneName(competition.timezone)}`,
  };
}

/** The opening's date as an official document writes it: the weekday, then the numbers in words. */
function openingDate(day: string, lang: Lang) {
  const [weekday = '', date = ''] = formatLongDate(day, lang).split(', ');
  const [, month = ''] = date.split(' ');
  const [y, , d] = day.split('-').map(Number) as [number, number, number];
  return lang === 'id'
    ? { weekday, day: terbilang(d), month, year: terbilang(y) }
    : { weekday, day: String(d), month, year: String(y) };
}

export function beritaAcara(record: ResultRecord, lang: Lang = 'id'): BaDocument {
  const w: Words = W[lang];
  const c = record.competition;
  const name = localName(c, lang);
  const decided = decision(c);
  const recorded = moment(record.fixedAt, c, lang);
  const number = documentNumber(c, record.version);
  const subtitle = [
    name,
    fill(w.version, { n: record.version }),
    record.status === 'provisional' && record.provisionalUntil
      ? fill(w.provisional, { until: moment(record.provisionalUntil, c, lang).date })
      : w.final,
  ].join(' — ');
  const atPlace = decided.place ? fill(w.atPlace, { place: decided.place }) : '';
  const blocks: BaBlock[] = [
    { kind: 'para', text: fill(w.opening, { ...openingDate(decided.day, lang), atPlace, name }) },
  ];
  if (record.confirms !== null) blocks.push({ kind: 'para', text: fill(w.confirms, { n: record.confirms }) });
  if (record.reason && record.previous) {
    blocks.push({
      kind: 'para',
      text: fill(w.correction, { n: record.previous.version, reason: record.reason }),
    });
  }
  blocks.push(...competitionBlocks(record, w, lang));
  blocks.push(...panelBlocks(record, w, lang));
  // Issue 19: absent jurors and excluded entries, right after the panel.
  blocks.push(...absenceBlocks(record, lang));
  // Issue 24: what the field verification found, entry by entry, before the ranking it shaped.
  blocks.push(...fieldBlocks(record, lang));
  blocks.push(...rankingBlocks(record, w, lang));
  blocks.push({ kind: 'heading', text: w.s7 });
  blocks.push({ kind: 'para', text: w.closing });
  const date = formatLongDate(decided.day, lang).replace(/^[^,]*, /, '');
  blocks.push(
    signatures(
      record,
      w,
      decided.place ? fill(w.place, { place: decided.place, date }) : fill(w.placeless, { date }),
    ),
  );
  const footnote = fill(w.footnote, {
    code: verificationCode(record.hash),
    hash: record.hash,
    version: record.version,
    ...recorded,
  });
  const previous = record.previous ? ` ${fill(w.previous, { hash: record.previous.hash })}` : '';
  blocks.push({ kind: 'para', text: `${footnote}${previous}`, small: true });
  blocks.push(...stabilityAppendix(record, lang));
  return { title: w.title, number: number ? fill(w.number, { number }) : null, subtitle, blocks };
}

/** Ketua first, then the members: one line to sign each. */
function signatures(record: ResultRecord, w: Words, place: string): BaBlock {
  const c = record.competition;
  const chair = panelChair(c);
  // A juror who typed no score signs nothing: absenceBlocks names them as absent instead.
  const absent = scoredNothing(record);
  const members = c.jurors.filter((j) => j.id !== chair?.id && !absent.has(j.id));
  return {
    kind: 'signatures',
    place,
    rows: [
      ...(chair ? [{ role: w.chair, name: chair.name, affiliation: chair.affiliation }] : []),
      ...members.map((j) => ({ role: w.member, name: j.name, affiliation: j.affiliation })),
    ],
  };
}

/**
 * How a stage takes part, in one line: how many jurors, and who goes on (or who wins, for the last);
 * a field verification checks the claims on site and sends every entry on, its gate acting on the final.
 */
function stageLine(s: Stage, last: boolean, c: ResultRecord['competition'], w: Words, lang: Lang): string {
  const name = localName(s, lang);
  if (isFieldStage(s)) {
    const result = s.gate
      ? fill(w.fieldGate, { passMark: formatNumber(s.gate.passMark, lang) })
      : w.fieldScore;
    return fill(w.fieldLine, { name, min: s.minJurors, result });
  }
  const advance =
    s.advance && !last
      ? fill(w.advanceTop, {
          top: s.advance.top,
          per: s.advance.per === 'category' ? w.perCategory : w.perOverall,
        })
      : fill(w.winnersTop, { top: finalTop(c) });
  return fill(w.stageLine, { name, min: s.minJurors, advance });
}

function competitionBlocks(record: ResultRecord, w: Words, lang: Lang): BaBlock[] {
  const c = record.competition;
  const blocks: BaBlock[] = [
    { kind: 'heading', text: w.s1 },
    {
      kind: 'table',
      header: ['', ''],
      rows: [
        [w.organizer, c.organizer],
        [w.year, String(c.year ?? c.announceAt.slice(0, 4))],
        [w.innovations, String(record.innovations.length)],
        [w.categories, c.categories.map((x) => localName(x, lang)).join(', ')],
      ],
    },
    { kind: 'heading', text: w.s2 },
  ];
  c.stages.forEach((s, i) => {
    const field = isFieldStage(s);
    blocks.push({ kind: 'para', text: `${i + 1}. ${stageLine(s, i === c.stages.length - 1, c, w, lang)}` });
    const total = s.criteria.reduce((n, x) => n + x.weight, 0);
    blocks.push({
      kind: 'table',
      header: [w.criterion, w.weight, w.share, w.scale],
      rows: s.criteria.map((x) => [
        localName(x, lang),
        formatNumber(x.weight, lang),
        `${formatScore(total > 0 ? (100 * x.weight) / total : 0, lang, 1)}%`,
        // A field stage's claims are answered in words, read on a fixed 0–2 scale.
        field ? w.fieldScale : `${formatNumber(x.min, lang)}–${formatNumber(x.max, lang)}`,
      ]),
    });
  });
  const parts = Object.entries(c.final.weights)
    .map(([sid, weight]) => {
      const s = c.stages.find((x) => x.id === sid);
      return `${s ? localName(s, lang) : sid} × ${formatNumber(weight, lang)}`;
    })
    .join(', ');
  blocks.push({ kind: 'para', text: fill(w.finalWeights, { parts, top: finalTop(c) }) });
  blocks.push({ kind: 'para', text: w.rule });
  blocks.push(...methodNotes(record, lang));
  return blocks;
}

function panelBlocks(record: ResultRecord, w: Words, lang: Lang): BaBlock[] {
  const c = record.competition;
  const chair = panelChair(c);
  const byId = new Map(record.innovations.map((i) => [i.id, i]));
  const conflicts: BaCell[][] = [];
  for (const stage of c.stages) {
    const panel = stage.jurors ? c.jurors.filter((j) => stage.jurors?.includes(j.id)) : c.jurors;
    const stageResult = record.result.stages.find((s) => s.stage === stage.id);
    // With an assignment (national scale) a conflicted juror is never assigned: list only the scores
    // typed despite a conflict. Otherwise every pair the rules excluded.
    const typedDespite = new Set(
      (stageResult?.problems ?? [])
        .filter((p) => p.code === 'conflict')
        .map((p) => `${p.juror} ${p.innovation}`),
    );
    for (const entry of stageResult?.ranking ?? []) {
      const innovation = byId.get(entry.id);
      if (!innovation) continue;
      for (const j of panel) {
        if (!hasConflict(j, innovation)) continue;
        if (stage.jurorsPerInnovation !== undefined && !typedDespite.has(`${j.id} ${innovation.id}`))
          continue;
        const why = j.region === innovation.region ? fill(w.sameRegion, { region: j.region }) : w.declared;
        conflicts.push([
          localName(stage, lang),
          `${j.id} · ${j.name}`,
          { lead: `${innovation.id} · `, name: innovation.title },
          why,
        ]);
      }
    }
  }
  return [
    { kind: 'heading', text: w.s3 },
    {
      kind: 'table',
      header: [w.no, w.name, w.affiliation, w.region, w.role],
      rows: c.jurors.map((j, i) => [
        String(i + 1),
        j.name,
        j.affiliation,
        j.region ?? '–',
        j.id === chair?.id ? w.chair : w.member,
      ]),
    },
    { kind: 'heading', text: w.s4 },
    conflicts.length === 0
      ? { kind: 'para', text: w.noConflicts }
      : { kind: 'table', header: [w.stage, w.juror, w.innovation, w.reason], rows: conflicts },
  ];
}

function rankingBlocks(record: ResultRecord, w: Words, lang: Lang): BaBlock[] {
  const c = record.competition;
  const top = finalTop(c);
  const byId = new Map(record.innovations.map((i) => [i.id, i]));
  const decided = new Set(record.tieDecisions.flatMap((d) => d.order));
  const weighted = Object.entries(c.final.weights).filter(([, x]) => x > 0);
  const shown = shownResult(record);
  const stageScores = new Map(shown.stages.map((s) => [s.stage, new Map(s.ranking.map((e) => [e.id, e]))]));
  const final = announcedFinal(record);
  const representation = representationOf(record);
  const ruled = representation ? representationNotes(representation, c, lang) : new Map<string, string>();
  const rows = final.ranking.map((e) => {
    const i = byId.get(e.id);
    // Under representation rules the winners are the ones they chose, whatever their rank.
    const wins = e.advances && e.rank !== null && (representation !== undefined || e.rank <= top);
    const notes = [
      wins ? w.winner : '',
      ruled.get(e.id) ?? '',
      e.tie ? w.tieNote : '',
      decided.has(e.id) ? w.decided : '',
    ].filter(Boolean);
    return [
      e.rank === null ? '–' : `${e.rank}${e.tie ? '=' : ''}`,
      e.id,
      { name: i?.title ?? '' },
      { name: i?.agency ?? '', tail: `, ${i?.region ?? ''}` },
      scoreText(e, lang),
      ...weighted.map(([sid]) => scoreText(stageScores.get(sid)?.get(e.id) ?? { score: null }, lang)),
      notes.join('; '),
    ];
  });
  const stageHeaders = weighted.map(([sid]) => {
    const s = c.stages.find((x) => x.id === sid);
    return s ? localName(s, lang) : sid;
  });
  const groups = tieGroups(record.result.final, top);
  const tieLines: BaBlock[] =
    groups.length === 0
      ? [{ kind: 'para', text: w.noTies }]
      : groups.map((g) => {
          const d = record.tieDecisions.find((x) => x.rank === g.rank);
          const line = fill(w.tieLine, {
            rank: g.rank,
            // A decided tie is listed in the panel's order.
            ids: (d?.order ?? g.ids).join(', '),
            cutoff: g.atCutoff ? w.cutoff : '',
          });
          const decision = d ? fill(w.decision, { order: d.order.join(' > '), note: d.note }) : w.undecided;
          return { kind: 'para', text: `${line} ${decision}` };
        });
  const late = record.innovations.filter((i) => i.lateAccepted);
  return [
    { kind: 'heading', text: w.s5 },
    {
      kind: 'table',
      header: [w.rank, 'ID', w.title2, w.agency, w.score, ...stageHeaders, w.note],
      rows,
      compact: true,
    },
    ...representationParagraphs(representation, c, record.innovations, lang).map(
      (text): BaBlock => ({ kind: 'para', text }),
    ),
    { kind: 'heading', text: w.s6 },
    ...tieLines,
    ...(late.length > 0
      ? [
          {
            kind: 'table' as const,
            header: [w.lateTitle, w.reason],
            rows: late.map((i) => [{ lead: `${i.id} · `, name: i.title }, i.lateAccepted?.reason ?? '']),
          },
        ]
      : []),
  ];
}
