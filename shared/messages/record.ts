import type { Lang } from '../domain/i18n.ts';
import type { TieDecisionProblem } from '../domain/ties.ts';
import type { AnnouncedField, EntryField, Finding } from '../domain/verify-record.ts';

/** The tie rules in words, for the refusal to fix and for `juri verify`. */
export function tieProblemText(p: TieDecisionProblem, lang: Lang): string {
  const ids = p.code === 'tie-decision-note' ? '' : p.ids.join(', ');
  switch (p.code) {
    case 'tie-undecided':
      return lang === 'en'
        ? `Rank ${p.rank} is shared at the last winning place by ${ids}: record the panel's decision (their order and why).`
        : `Peringkat ${p.rank} dibagi pada batas pemenang oleh ${ids}: catat keputusan dewan juri (urutan dan alasannya).`;
    case 'tie-decision-unknown-group':
      return lang === 'en'
        ? `The decision for rank ${p.rank} (${ids}) names no tie among the winners.`
        : `Keputusan untuk peringkat ${p.rank} (${ids}) tidak sesuai dengan nilai sama mana pun di antara pemenang.`;
    case 'tie-decision-members':
      return lang === 'en'
        ? `The decision for rank ${p.rank} must order exactly ${p.expected.join(', ')} (it names ${ids}).`
        : `Keputusan untuk peringkat ${p.rank} harus mengurutkan tepat ${p.expected.join(', ')} (tertulis ${ids}).`;
    case 'tie-decision-note':
      return lang === 'en'
        ? `The decision for rank ${p.rank} needs the panel's reasoning.`
        : `Keputusan untuk peringkat ${p.rank} harus disertai alasan dewan juri.`;
  }
}

const FIELD: Record<EntryField, { id: string; en: string }> = {
  rank: { id: 'peringkat', en: 'rank' },
  score: { id: 'nilai', en: 'score' },
  status: { id: 'status', en: 'status' },
  jurors: { id: 'jumlah juri', en: 'number of jurors' },
  tie: { id: 'tanda nilai sama', en: 'tie flag' },
  advances: { id: 'lolos/menang', en: 'advances/wins' },
  categoryRank: { id: 'peringkat kategori', en: 'category rank' },
};

const ANNOUNCED: Record<AnnouncedField, { id: string; en: string }> = {
  rank: { id: 'peringkat', en: 'rank' },
  id: { id: 'kode', en: 'id' },
  title: { id: 'judul', en: 'title' },
  agency: { id: 'instansi', en: 'agency' },
  region: { id: 'wilayah', en: 'region' },
  category: { id: 'kategori', en: 'category' },
  presence: { id: 'peringkat di antara pemenang', en: 'rank among the winners' },
};

/** Indonesian writes the decimal point as a comma. */
function decimal(text: string): string {
  return /^-?\d+\.\d+$/.test(text) ? text.replace('.', ',') : text;
}

function stageWord(stage: string, lang: Lang): string {
  if (stage === 'final') return lang === 'en' ? 'final ranking' : 'peringkat akhir';
  return lang === 'en' ? `stage "${stage}"` : `tahap "${stage}"`;
}

/** The findings about the file and its chain of versions: each version's hash and its link to the one before. */
const CHAIN_CODES = [
  'file-shape',
  'hash-mismatch',
  'chain-start',
  'version-gap',
  'chain-broken',
  'rules-unknown',
  'config-invalid',
] as const satisfies readonly Finding['code'][];
type ChainFinding = Extract<Finding, { code: (typeof CHAIN_CODES)[number] }>;

/** The findings where the typed cells, ranked again, give another ranking than the stored one. */
const ENTRY_CODES = [
  'entry-differs',
  'ranks-shifted',
  'entry-missing',
  'entry-extra',
  'result-differs',
] as const satisfies readonly Finding['code'][];
type EntryFinding = Extract<Finding, { code: (typeof ENTRY_CODES)[number] }>;

/** The findings where what was announced does not follow from the record's facts. */
const ANNOUNCEMENT_CODES = [
  'announcement-differs',
  'announcement-line-differs',
  'announced-differs',
  'display-unknown',
] as const satisfies readonly Finding['code'][];
type AnnouncementFinding = Extract<Finding, { code: (typeof ANNOUNCEMENT_CODES)[number] }>;

function isOf<Code extends Finding['code']>(codes: readonly Code[]) {
  const set: ReadonlySet<Finding['code']> = new Set(codes);
  return (f: Finding): f is Extract<Finding, { code: Code }> => set.has(f.code);
}
const isChain = isOf(CHAIN_CODES);
const isEntry = isOf(ENTRY_CODES);
const isAnnouncement = isOf(ANNOUNCEMENT_CODES);

/** One finding of `juri verify` as a plain sentence. */
export function findingText(f: Finding, lang: Lang): string {
  const en = lang === 'en';
  const v = 'version' in f ? (en ? `Version ${f.version}` : `Versi ${f.version}`) : '';
  if (isChain(f)) return chainText(f, v, en);
  if (isEntry(f)) return entryText(f, v, lang);
  if (isAnnouncement(f)) return announcementText(f, v, en);
  switch (f.code) {
    case 'correction-unexplained':
      return en
        ? `${v} changes the result (it is not a plain confirmation) but gives no reason.`
        : `${v} mengubah hasil (bukan pengukuhan biasa) tetapi tidak mencantumkan alasan.`;
    case 'absence-differs':
      return en
        ? `${v}: the jurors recorded as absent are not the ones the typed cells show gave no score.`
        : `${v}: juri yang dicatat tidak hadir tidak sama dengan yang menurut sel yang diketik tidak memberi nilai.`;
    case 'representation-differs': {
      const who = f.innovations.join(', ');
      return en
        ? `${v}: the winners chosen by the representation rules differ from the stored ones${who ? ` (${who})` : ''}.`
        : `${v}: pemenang menurut aturan keterwakilan berbeda dari yang tersimpan${who ? ` (${who})` : ''}.`;
    }
    case 'field-differs': {
      const who = f.innovations.join(', ');
      return en
        ? `${v}: the field verification results differ from what the stored answers give (${who}).`
        : `${v}: hasil verifikasi lapangan berbeda dari yang diberikan jawaban tersimpan (${who}).`;
    }
    case 'reason-missing':
      return en
        ? `${v}: ${f.subject} is left out of the result (or acknowledged) without a written reason, or is still ranked.`
        : `${v}: ${f.subject} dikeluarkan dari hasil (atau dinyatakan) tanpa alasan tertulis, atau masih ikut diperingkat.`;
    case 'expect-mismatch':
      return en
        ? `The record's verification code is ${f.actual}, not the published ${f.expected}.`
        : `Kode verifikasi rekaman ini ${f.actual}, bukan ${f.expected} yang diumumkan.`;
    default:
      return `${v}: ${tieProblemText(f, lang)}`;
  }
}

function chainText(f: ChainFinding, v: string, en: boolean): string {
  switch (f.code) {
    case 'file-shape':
      return en
        ? `The file is not a juri record export: ${f.path} (${f.detail}).`
        : `Berkas ini bukan ekspor rekaman juri: ${f.path} (${f.detail}).`;
    case 'hash-mismatch':
      return en
        ? `${v}: the content does not match its hash. Stored ${f.stored}, the content hashes to ${f.computed}: something in the record was changed after it was fixed.`
        : `${v}: isi tidak cocok dengan hash-nya. Tersimpan ${f.stored}, isi menghasilkan ${f.computed}: ada yang diubah setelah hasil ditetapkan.`;
    case 'chain-start':
      return en
        ? `${v}: the chain must start at version 1 with no previous version.`
        : `${v}: rantai harus dimulai dari versi 1 tanpa versi sebelumnya.`;
    case 'version-gap':
      return en
        ? `${v} follows version ${f.after}: a version is missing.`
        : `${v} menyusul versi ${f.after}: ada versi yang hilang.`;
    case 'chain-broken':
      return en
        ? `${v}: the chain is broken. It points to ${f.points} but the version before it hashes to ${f.actual}.`
        : `${v}: rantai terputus. Versi ini menunjuk ${f.points}, padahal versi sebelumnya ber-hash ${f.actual}.`;
    case 'rules-unknown':
      return en
        ? `${v}: this juri does not know the rules version "${f.rules}"; use a juri that does.`
        : `${v}: juri ini tidak mengenal versi aturan "${f.rules}"; gunakan juri yang mengenalnya.`;
    case 'config-invalid':
      return en
        ? `${v}: the competition config in the record is not valid: ${f.detail}`
        : `${v}: konfigurasi kompetisi dalam rekaman tidak valid: ${f.detail}`;
  }
}

function entryText(f: EntryFinding, v: string, lang: Lang): string {
  const en = lang === 'en';
  switch (f.code) {
    case 'entry-differs':
      return en
        ? `${v}, ${stageWord(f.stage, lang)}: ${f.innovation} — stored ${FIELD[f.field].en} ${f.stored}, computed ${f.computed} from the typed scores.`
        : `${v}, ${stageWord(f.stage, lang)}: ${f.innovation} — ${FIELD[f.field].id} tersimpan ${decimal(f.stored)}, dihitung ${decimal(f.computed)} dari nilai yang diketik.`;
    case 'ranks-shifted':
      return en
        ? `${v}, ${stageWord(f.stage, lang)}: as a consequence, the place of ${f.innovations.length} other entries differs (${f.innovations.join(', ')}).`
        : `${v}, ${stageWord(f.stage, lang)}: akibatnya, posisi ${f.innovations.length} inovasi lain ikut berbeda (${f.innovations.join(', ')}).`;
    case 'entry-missing':
      return en
        ? `${v}, ${stageWord(f.stage, lang)}: ${f.innovation} should be ranked from the typed cells but is missing.`
        : `${v}, ${stageWord(f.stage, lang)}: ${f.innovation} seharusnya ada dalam peringkat menurut sel yang diketik, tetapi tidak ada.`;
    case 'entry-extra':
      return en
        ? `${v}, ${stageWord(f.stage, lang)}: ${f.innovation} is ranked, but the typed cells do not put it there.`
        : `${v}, ${stageWord(f.stage, lang)}: ${f.innovation} ada dalam peringkat, tetapi sel yang diketik tidak menempatkannya di sana.`;
    case 'result-differs':
      return en
        ? `${v}, ${stageWord(f.stage, lang)}: the stored details (problems, tie-break means or totals) differ from the recomputation.`
        : `${v}, ${stageWord(f.stage, lang)}: rincian tersimpan (sel bermasalah, rata-rata pemecah seri atau nilai juri) berbeda dari hasil hitung ulang.`;
  }
}

function announcementText(f: AnnouncementFinding, v: string, en: boolean): string {
  switch (f.code) {
    case 'announcement-differs':
      return en
        ? `${v}: the announcement text does not follow from the ranking and the tie decisions.`
        : `${v}: teks pengumuman tidak sesuai dengan peringkat dan keputusan nilai sama.`;
    case 'announcement-line-differs':
      return en
        ? `${v}: ${f.innovation} — the announcement text says "${f.stored}", the record's data give "${f.computed}".`
        : `${v}: ${f.innovation} — teks pengumuman berbunyi "${f.stored}", data rekaman menghasilkan "${f.computed}".`;
    case 'announced-differs':
      return en
        ? `${v}: ${f.innovation} — the announced ${ANNOUNCED[f.field].en} is ${f.stored}, but the innovations and the ranking give ${f.computed}.`
        : `${v}: ${f.innovation} — ${ANNOUNCED[f.field].id} yang diumumkan ${f.stored}, tetapi data inovasi dan peringkat menghasilkan ${f.computed}.`;
    case 'display-unknown':
      return en
        ? `${v}: this juri does not know the score display rule ${f.display}.`
        : `${v}: juri ini tidak mengenal aturan tampilan nilai ${f.display}.`;
  }
}
