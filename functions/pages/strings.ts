import { type Bilingual, fill, type Lang } from '../../shared/domain/i18n.ts';
import { WORKFLOW_STRINGS } from './strings-workflow.ts';

/** Every word the pages show, Indonesian first. `{name}` placeholders are filled by `say`. */
const STRINGS = {
  skip: { id: 'Langsung ke isi', en: 'Skip to content' },
  switchLang: { id: 'English', en: 'Bahasa Indonesia' },
  switchLangLabel: { id: 'Baca dalam bahasa Inggris', en: 'Baca dalam Bahasa Indonesia' },
  announcement: { id: 'Pengumuman', en: 'Announcement' },
  notYet: { id: 'Belum diumumkan', en: 'Not announced yet' },
  notYetWhen: {
    id: 'Hasil penilaian akan diumumkan pada {when}.',
    en: 'The results will be announced on {when}.',
  },
  pendingText: {
    id: 'Dewan juri sedang menyelesaikan penilaian. Hasil akan tampil di halaman ini setelah ditetapkan.',
    en: 'The panel is finishing its scoring. The results will appear on this page once they are final.',
  },
  rank: { id: 'Peringkat', en: 'Rank' },
  score: { id: 'Nilai', en: 'Score' },
  agency: { id: 'Instansi', en: 'Agency' },
  region: { id: 'Wilayah', en: 'Region' },
  category: { id: 'Kategori', en: 'Category' },
  tie: { id: 'nilai sama', en: 'tied' },
  notFound: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  notFoundText: { id: 'Kompetisi ini tidak dikenal.', en: 'This competition is not known.' },
  secretariat: { id: 'Sekretariat', en: 'Secretariat' },
  dashboard: { id: 'Dasbor Sekretariat', en: 'Secretariat dashboard' },
  login: { id: 'Masuk', en: 'Sign in' },
  loginTitle: { id: 'Masuk Sekretariat', en: 'Secretariat sign-in' },
  loginIntro: {
    id: 'Masukkan token admin sekretariat. Sesi berlaku {hours} jam.',
    en: 'Enter the secretariat’s admin token. The session lasts {hours} hours.',
  },
  token: { id: 'Token admin', en: 'Admin token' },
  loginFailed: { id: 'Token salah. Coba lagi.', en: 'Wrong token. Try again.' },
  loginUnset: {
    id: 'Token admin belum diatur di server (ADMIN_TOKEN). Dasbor tidak dapat dibuka.',
    en: 'No admin token is configured on the server (ADMIN_TOKEN). The dashboard cannot be opened.',
  },
  logout: { id: 'Keluar', en: 'Sign out' },
  contents: { id: 'Isi halaman', en: 'Contents' },
  lastSync: { id: 'Sinkronisasi terakhir', en: 'Last sync' },
  syncNow: { id: 'Sinkronkan sekarang', en: 'Sync now' },
  neverSynced: {
    id: 'Belum pernah sinkron. Tekan "Sinkronkan sekarang" untuk membaca nilai dari Google Sheet.',
    en: 'Never synced. Press "Sync now" to read the scores from the Google Sheet.',
  },
  overview: { id: 'Ringkasan', en: 'Overview' },
  innovations: { id: 'Inovasi terdaftar', en: 'Registered innovations' },
  rejections: { id: 'Pendaftaran ditolak', en: 'Rejected submissions' },
  problems: { id: 'Sel bermasalah', en: 'Problem cells' },
  byRegion: { id: 'Pendaftaran per wilayah', en: 'Submissions by region' },
  byRegionMap: {
    id: 'Peta petak 22 kabupaten/kota NTT dan Provinsi: {n} inovasi',
    en: 'Tile map of NTT’s 22 regencies and cities and the Province: {n} innovations',
  },
  regionTable: { id: 'Tabel per wilayah', en: 'Table by region' },
  otherRegions: { id: 'Wilayah lain', en: 'Other regions' },
  byCategory: { id: 'Pendaftaran per kategori', en: 'Submissions by category' },
  count: { id: 'Jumlah', en: 'Count' },
  progress: { id: 'Progres juri', en: 'Juror progress' },
  stage: { id: 'Tahap', en: 'Stage' },
  juror: { id: 'Juri', en: 'Juror' },
  scored: { id: 'Dinilai', en: 'Scored' },
  noProgress: { id: 'Belum ada data progres.', en: 'No progress data yet.' },
  distribution: { id: 'Sebaran nilai per juri', en: 'Score distribution per juror' },
  distributionIntro: {
    id: 'Kotak = setengah nilai tengah juri itu, garis tebal = median, titik = nilai yang jauh dari yang lain. Garis putus-putus = median seluruh panel. "Di atas/di bawah juri lain" membandingkan juri dengan juri lain pada inovasi yang sama.',
    en: 'Box = the middle half of the juror’s scores, thick line = median, dots = scores far from the rest. Dashed line = median of the whole panel. "Above/below the other jurors" compares the juror with the others on the same innovations.',
  },

  lenient: { id: 'longgar', en: 'lenient' },
  harsh: { id: 'ketat', en: 'harsh' },
  noScores: { id: 'Belum ada nilai.', en: 'No scores yet.' },
  ranking: { id: 'Peringkat', en: 'Ranking' },
  finalRanking: { id: 'Peringkat akhir', en: 'Final ranking' },
  title: { id: 'Judul', en: 'Title' },
  jurors: { id: 'Juri', en: 'Jurors' },
  notes: { id: 'Keterangan', en: 'Notes' },
  flagTie: { id: 'seri', en: 'tie' },
  flagIncomplete: { id: 'belum lengkap', en: 'incomplete' },
  flagAdvances: { id: 'lolos', en: 'advances' },
  entries: { id: '{n} inovasi', en: '{n} innovations' },
  truncated: {
    id: 'Menampilkan {shown} dari {total}. Daftar lengkap ada di Google Sheet.',
    en: 'Showing {shown} of {total}. The full list is in the Google Sheet.',
  },
  noRanking: { id: 'Belum ada peringkat: belum ada sinkronisasi.', en: 'No ranking yet: no sync has run.' },
  cell: { id: 'Sel', en: 'Cell' },
  innovation: { id: 'Inovasi', en: 'Innovation' },
  value: { id: 'Isi', en: 'Value' },
  reason: { id: 'Alasan', en: 'Reason' },
  noProblems: { id: 'Tidak ada sel bermasalah.', en: 'No problem cells.' },
  noRejections: { id: 'Tidak ada pendaftaran yang ditolak.', en: 'No rejected submissions.' },
  responseId: { id: 'ID respons', en: 'Response id' },
  receivedAt: { id: 'Diterima', en: 'Received' },
  ...WORKFLOW_STRINGS,
} satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof STRINGS;

/** The text for `key` in `lang`, with `{placeholders}` filled in. */
export function say(lang: Lang, key: StringKey, args: Record<string, string | number> = {}): string {
  return fill(STRINGS[key][lang], args);
}

export type Say = (key: StringKey, args?: Record<string, string | number>) => string;

export function sayer(lang: Lang): Say {
  return (key, args) => say(lang, key, args);
}
