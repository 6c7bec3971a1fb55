import { type Bilingual, fill, type Lang } from '../../../shared/domain/i18n.ts';
import { CONSOLE_STRINGS } from './strings-console.ts';
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
  invalidTitle: { id: 'Hasil tidak dapat ditampilkan', en: 'The result cannot be shown' },
  invalidText: {
    id: 'Data hasil yang tersimpan tidak lolos pemeriksaan keaslian, sehingga tidak ditampilkan. Sekretariat sudah mendapat peringatan dan akan memeriksanya.',
    en: 'The stored result failed its authenticity check, so it is not shown. The secretariat has been alerted and will look into it.',
  },
  fixedVersion: { id: 'Hasil ditetapkan, versi {n}', en: 'Fixed result, version {n}' },
  verificationCode: { id: 'kode verifikasi', en: 'verification code' },
  supersededNote: {
    id: 'Ini versi {n} yang sudah diganti. Versi yang berlaku: versi {latest}.',
    en: 'This is version {n}, since replaced. The version in force: version {latest}.',
  },
  seeLatest: { id: 'Lihat versi yang berlaku', en: 'See the version in force' },
  provisionalNote: {
    id: 'Hasil sementara (uji publik) sampai {until}. Masyarakat dapat memberi tanggapan melalui formulir di bawah sebelum hasil dikukuhkan.',
    en: 'Provisional result (public test) until {until}. The public may respond through the form below before the result is confirmed.',
  },
  correctionNote: { id: 'Diperbarui {date}: {reason}', en: 'Updated {date}: {reason}' },
  earlierVersion: { id: 'Lihat versi {n} sebelumnya', en: 'See the earlier version {n}' },
  respondTitle: { id: 'Tanggapan uji publik', en: 'Public test response' },
  respondIntro: {
    id: 'Tanggapan hanya dibaca sekretariat dan disimpan sebagai arsip. Maksimal 2.000 karakter.',
    en: 'Responses are read only by the secretariat and archived. At most 2,000 characters.',
  },
  respondName: { id: 'Nama (boleh dikosongkan)', en: 'Name (optional)' },
  respondContact: { id: 'Kontak (boleh dikosongkan)', en: 'Contact (optional)' },
  respondMessage: { id: 'Tanggapan', en: 'Response' },
  respondSend: { id: 'Kirim tanggapan', en: 'Send response' },
  respondThanks: {
    id: 'Terima kasih. Tanggapan Anda sudah diterima sekretariat.',
    en: 'Thank you. The secretariat has received your response.',
  },
  respondClosed: {
    id: 'Masa uji publik sudah berakhir atau hasil ini bukan hasil sementara.',
    en: 'The public test is over, or this result is not provisional.',
  },
  respondTooSoon: {
    id: 'Terlalu banyak tanggapan dari alamat ini. Coba lagi beberapa menit lagi.',
    en: 'Too many responses from this address. Try again in a few minutes.',
  },
  respondEmpty: { id: 'Tanggapan tidak boleh kosong.', en: 'The response may not be empty.' },
  respondBusy: {
    id: 'Tanggapan yang masuk sedang sangat banyak. Coba lagi dalam satu jam.',
    en: 'Too many responses are arriving right now. Try again within the hour.',
  },
  respondDuplicate: {
    id: 'Tanggapan dari e-mail atau nomor telepon ini sudah diterima untuk hasil ini.',
    en: 'A response from this e-mail or phone number has already been received for this result.',
  },
  rank: { id: 'Peringkat', en: 'Rank' },
  score: { id: 'Nilai', en: 'Score' },
  scoreOf100: { id: 'Nilai (dari 100)', en: 'Score (out of 100)' },
  winnersHeading: { id: 'Peringkat {n} besar', en: 'The top {n}' },
  decidedAt: {
    id: 'Ditetapkan oleh dewan juri di {place}, {date}',
    en: 'Decided by the panel in {place}, {date}',
  },
  decidedOn: { id: 'Ditetapkan oleh dewan juri pada {date}', en: 'Decided by the panel on {date}' },
  panelHeading: { id: 'Dewan juri', en: 'The panel' },
  panelChair: { id: 'Ketua', en: 'Chair' },
  panelMember: { id: 'Anggota', en: 'Member' },
  verifyHeading: { id: 'Memeriksa hasil ini', en: 'Checking this result' },
  verifyExplain: {
    id: 'Kode verifikasi {code} adalah awal sidik SHA-256 dari rekaman hasil versi {n}: siapa pun yang memegang berkas rekaman itu (dari sekretariat) dapat menjalankan juri verify <berkas> --expect {code}, yang menghitung ulang peringkat dari setiap nilai yang diketik juri dan menyatakan TERKONFIRMASI atau DITOLAK (format rekaman: docs/record.md).',
    en: 'The verification code {code} is the start of the SHA-256 fingerprint of result record version {n}: anyone holding that record file (from the secretariat) can run juri verify <file> --expect {code}, which recomputes the ranking from every score the jurors typed and says CONFIRMED or REJECTED (record format: docs/record.md).',
  },
  agency: { id: 'Instansi', en: 'Agency' },
  region: { id: 'Wilayah', en: 'Region' },
  category: { id: 'Kategori', en: 'Category' },
  tie: { id: 'nilai sama', en: 'tied' },
  notFound: { id: 'Halaman tidak ditemukan', en: 'Page not found' },
  notFoundText: {
    id: 'Halaman yang Anda cari tidak ada, atau belum terbuka untuk umum.',
    en: 'The page you are looking for does not exist, or is not public yet.',
  },
  notFoundHome: { id: 'Ke halaman pengumuman', en: 'To the announcement page' },
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
  notYetScored: { id: 'Belum dinilai', en: 'Not yet scored' },
  jurorRemarks: { id: 'Catatan juri', en: 'Juror remarks' },
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
  cellAt: { id: 'sel', en: 'cell' },
  emptyCell: { id: 'kosong', en: 'empty' },
  innovation: { id: 'Inovasi', en: 'Innovation' },
  value: { id: 'Isi', en: 'Value' },
  reason: { id: 'Alasan', en: 'Reason' },
  noProblems: { id: 'Tidak ada sel bermasalah.', en: 'No problem cells.' },
  noRejections: { id: 'Tidak ada pendaftaran yang ditolak.', en: 'No rejected submissions.' },
  rejectionsAction: {
    id: 'Minta pengirim memperbaiki jawaban yang disebut pada kartunya lalu mengirim ulang lewat Formulir (tautan ubah jawaban ada di email konfirmasinya); kiriman yang sudah benar langsung diterima.',
    en: 'Ask the sender to fix the answers named on its card and send the Form again (the link to edit the answers is in their confirmation email); a correct submission is accepted at once.',
  },
  rejectionUntitled: { id: '(tanpa judul)', en: '(no title)' },
  rejectionWrong: { id: 'Yang salah:', en: 'What is wrong:' },
  receivedAt: { id: 'Diterima', en: 'Received' },
  actionFailed: { id: 'Tidak dilakukan: {message}', en: 'Not done: {message}' },
  fixedDone: {
    id: 'Hasil versi {n} ditetapkan. Halaman publik menampilkan versi ini sejak waktu pengumuman.',
    en: 'Result version {n} is fixed. The public page shows it from the announcement time on.',
  },
  lateDone: { id: 'Pendaftaran terlambat diterima sebagai {id}.', en: 'Late entry accepted as {id}.' },
  resultTitle: { id: 'Penetapan hasil', en: 'Fixing the result' },
  notFixedYet: {
    id: 'Belum ada hasil yang ditetapkan. Halaman publik menampilkan "Belum diumumkan" sampai hasil ditetapkan.',
    en: 'No result is fixed yet. The public page says "Not announced yet" until one is.',
  },
  versionCol: { id: 'Versi', en: 'Version' },
  codeCol: { id: 'Kode verifikasi', en: 'Verification code' },
  statusCol: { id: 'Status', en: 'Status' },
  fixedAtCol: { id: 'Ditetapkan', en: 'Fixed' },
  documents: { id: 'Dokumen', en: 'Documents' },
  statusProvisional: { id: 'sementara (uji publik)', en: 'provisional (public test)' },
  statusFinal: { id: 'akhir', en: 'final' },
  beritaAcara: { id: 'Berita Acara', en: 'Berita Acara' },
  publicPage: { id: 'halaman publik', en: 'public page' },
  downloadRecord: { id: 'unduh rekaman (JSON)', en: 'download record (JSON)' },
  liveSame: {
    id: 'Peringkat hasil sinkronisasi terakhir sama dengan versi {n} yang ditetapkan.',
    en: 'The last sync’s ranking equals the fixed version {n}.',
  },
  liveDiffers: {
    id: 'Peringkat hasil sinkronisasi terakhir BERBEDA dari versi {n} yang ditetapkan ({count} inovasi). Halaman publik tetap menampilkan versi {n} sampai ralat diterbitkan.',
    en: 'The last sync’s ranking DIFFERS from the fixed version {n} ({count} innovations). The public page keeps showing version {n} until a correction is published.',
  },
  fixedCol: { id: 'Ditetapkan', en: 'Fixed' },
  liveCol: { id: 'Sekarang', en: 'Now' },
  joinsWinners: { id: 'masuk jajaran pemenang', en: 'joins the winners' },
  leavesWinners: { id: 'keluar dari jajaran pemenang', en: 'leaves the winners' },
  fixTitle: { id: 'Tetapkan hasil', en: 'Fix the result' },
  fixProvisionalTitle: {
    id: 'Tetapkan hasil sementara (uji publik)',
    en: 'Fix the provisional result (public test)',
  },
  fixFromSync: {
    id: 'Yang ditetapkan: nilai yang dibaca sinkronisasi terakhir ({when}). Sinkronkan dahulu bila Sheet baru diubah.',
    en: 'What gets fixed: the scores the last sync read ({when}). Sync first if the Sheet was just changed.',
  },
  fixNeedsSync: {
    id: 'Belum ada sinkronisasi: sinkronkan nilai dahulu sebelum menetapkan hasil.',
    en: 'No sync yet: sync the scores before fixing the result.',
  },
  tieAtCutoff: {
    id: 'Nilai sama pada batas pemenang — peringkat {rank}: {ids}. Keputusan dewan juri wajib.',
    en: 'Tie at the last winning place — rank {rank}: {ids}. The panel must decide.',
  },
  tieAmongWinners: {
    id: 'Nilai sama di antara pemenang — peringkat {rank}: {ids} (boleh diputuskan, boleh dibiarkan).',
    en: 'Tie among the winners — rank {rank}: {ids} (may be decided, or left shared).',
  },
  tiesOptional: {
    id: 'Nilai sama di antara pemenang ({n}): boleh diputuskan dewan juri',
    en: 'Ties among the winners ({n}): the panel may decide them',
  },
  tieOrder: {
    id: 'Urutan menurut dewan juri (ID, terbaik dahulu)',
    en: 'Order decided by the panel (ids, best first)',
  },
  tieNote: { id: 'Alasan keputusan dewan juri', en: 'The panel’s reasoning' },
  correctionTitle: { id: 'Terbitkan ralat (versi baru)', en: 'Publish a correction (new version)' },
  correctionReason: {
    id: 'Alasan ralat (wajib, tampil di halaman publik)',
    en: 'Reason (required, shown on the public page)',
  },
  confirmFix: {
    id: 'Saya memastikan penilaian sudah selesai dan hasil ini ditetapkan dewan juri. Versi yang ditetapkan tidak dapat diubah.',
    en: 'I confirm judging is over and the panel fixes this result. A fixed version cannot be changed.',
  },
  confirmLate: {
    id: 'Saya menerima pendaftaran ini di luar jadwal atas keputusan yang dapat dipertanggungjawabkan; penerimaan ini dicatat.',
    en: 'I accept this entry outside the schedule on an accountable decision; the acceptance is logged.',
  },
  fixButton: { id: 'Tetapkan hasil', en: 'Fix the result' },
  unscoredTitle: {
    id: 'Inovasi yang belum lengkap dinilai: hasil baru bisa ditetapkan bila nilainya lengkap, atau bila dewan juri mengeluarkannya dari hasil dengan alasan.',
    en: 'Innovations not fully scored: the result can be fixed once their scores are complete, or once the panel leaves them out of the result with a reason.',
  },
  excludeEntry: { id: 'Keluarkan {id} dari hasil', en: 'Leave {id} out of the result' },
  excludeReason: { id: 'Alasan dikeluarkan (dicatat dalam rekaman)', en: 'Reason (kept in the record)' },
  absentWarning: {
    id: 'Peringatan: juri berikut tidak memberi nilai sama sekali pada tahap itu: {names}. Mereka dicatat tidak hadir dalam rekaman dan berita acara, bukan sebagai penanda tangan yang menilai.',
    en: 'Warning: these jurors typed no score at all in that stage: {names}. The record and the minutes list them as absent, not as signatories who scored.',
  },
  absentAck: {
    id: 'Saya mengetahui bahwa juri di atas tidak memberi nilai, dan hasil tetap ditetapkan tanpa nilai mereka.',
    en: 'I acknowledge that the jurors above typed no score, and the result is fixed without them.',
  },
  absentBy: { id: 'Nama yang menyatakan', en: 'Name of who acknowledges' },
  absentReason: { id: 'Alasan (dicatat dalam rekaman)', en: 'Reason (kept in the record)' },
  publishCorrection: { id: 'Terbitkan ralat', en: 'Publish the correction' },
  confirmTitle: { id: 'Kukuhkan sebagai hasil akhir', en: 'Confirm as the final result' },
  confirmReason: {
    id: 'Catatan (wajib bila hasil berubah dari versi sementara)',
    en: 'Note (required when the result differs from the provisional one)',
  },
  confirmButton: { id: 'Kukuhkan hasil akhir', en: 'Confirm the final result' },
  changesTitle: { id: 'Riwayat nilai', en: 'Score history' },
  changesAfterFix: {
    id: '{n} perubahan nilai terjadi SETELAH hasil ditetapkan (ditandai).',
    en: '{n} score changes happened AFTER the result was fixed (marked).',
  },
  noChanges: { id: 'Belum ada perubahan nilai yang tercatat.', en: 'No score changes recorded yet.' },
  seenAt: { id: 'Pertama terlihat', en: 'First seen' },
  oldValue: { id: 'Nilai lama', en: 'Old value' },
  newValue: { id: 'Nilai baru', en: 'New value' },
  afterFixFlag: { id: 'setelah penetapan versi {n}', en: 'after fixing version {n}' },
  lateTitle: { id: 'Kiriman di luar jadwal pendaftaran', en: 'Submissions outside the intake window' },
  lateIntro: {
    id: 'Kiriman ini sah tetapi datang di luar jadwal, sehingga tidak diterima. Sekretariat dapat menerimanya dengan alasan tertulis; penerimaan itu tercatat pada inovasi dan di Berita Acara.',
    en: 'These submissions are valid but came outside the window, so they were not accepted. The secretariat may accept one with a written reason; that is recorded on the innovation and in the Berita Acara.',
  },
  lateReason: { id: 'Alasan menerima (wajib)', en: 'Reason for accepting (required)' },
  lateSentAt: { id: 'dikirim', en: 'sent' },
  lateButton: { id: 'Terima pendaftaran terlambat', en: 'Accept the late entry' },
  responsesTitle: { id: 'Tanggapan uji publik', en: 'Public test responses' },
  noResponses: { id: 'Belum ada tanggapan.', en: 'No responses yet.' },
  printHint: {
    id: 'Cetak halaman ini (Ctrl+P, kertas A4) atau simpan sebagai PDF untuk ditandatangani.',
    en: 'Print this page (Ctrl+P, A4 paper) or save it as a PDF to be signed.',
  },
  backToDashboard: { id: 'Kembali ke dasbor', en: 'Back to the dashboard' },
  ...WORKFLOW_STRINGS,
  ...CONSOLE_STRINGS,
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
