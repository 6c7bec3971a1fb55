import type { Bilingual } from '../../../shared/domain/i18n.ts';

/** The words of the secretariat's console pages (tabs, step bar, next step, settings); merged into strings.ts. */
export const CONSOLE_STRINGS = {
  consolePages: { id: 'Halaman konsol', en: 'Console pages' },
  stepsLabel: { id: 'Tahap kompetisi', en: 'Competition steps' },
  stepNow: { id: 'sekarang', en: 'now' },
  pageRingkasan: { id: 'Ringkasan', en: 'Overview' },
  pageSeleksi: { id: 'Pendaftaran & Seleksi', en: 'Registration & selection' },
  pagePenilaian: { id: 'Penilaian', en: 'Judging' },
  pageKeadilan: { id: 'Keadilan', en: 'Fairness' },
  pageHasil: { id: 'Hasil & Berita Acara', en: 'Results & minutes' },
  pagePengaturan: { id: 'Pengaturan', en: 'Settings' },
  nextStep: { id: 'Langkah berikutnya', en: 'Next step' },
  next_registration: {
    id: 'Pendaftaran sedang dibuka. Pantau pendaftaran yang masuk dan yang ditolak.',
    en: 'Registration is open. Watch the entries that arrive and those refused.',
  },
  next_selection: {
    id: 'Putuskan seleksi administrasi di tab Seleksi pada Sheet, lalu sinkronkan.',
    en: 'Decide the administrative selection on the Sheet’s Seleksi tab, then sync.',
  },
  next_judging: {
    id: 'Juri sedang menilai. Lihat progres dan kirim pengingat kepada juri yang belum selesai.',
    en: 'The jurors are scoring. See the progress and send reminders to those not done.',
  },
  next_fixing: {
    id: 'Penilaian ditutup. Periksa keadilan penilaian, lalu tetapkan hasil.',
    en: 'Judging is closed. Check the fairness of the judging, then fix the result.',
  },
  next_publicTest: {
    id: 'Uji publik berjalan. Baca tanggapan masyarakat, lalu kukuhkan hasil.',
    en: 'The public test is running. Read the responses, then confirm the result.',
  },
  next_announced: {
    id: 'Hasil sudah ditetapkan. Cetak Berita Acara; bila ada kekeliruan, terbitkan ralat.',
    en: 'The result is fixed. Print the minutes; if something is wrong, publish a correction.',
  },
  go_seleksi: { id: 'Buka Pendaftaran & Seleksi', en: 'Open registration & selection' },
  go_penilaian: { id: 'Buka Penilaian', en: 'Open judging' },
  go_hasil: { id: 'Buka Hasil & Berita Acara', en: 'Open results & minutes' },
  goResults: { id: 'Lanjut ke Hasil & Berita Acara', en: 'Go on to results & minutes' },
  syncReads_seleksi: {
    id: 'Sinkron membaca keputusan seleksi yang diketik di Sheet.',
    en: 'A sync reads the selection decisions typed on the Sheet.',
  },
  syncReads_penilaian: {
    id: 'Sinkron membaca nilai yang diketik juri di Sheet.',
    en: 'A sync reads the scores the jurors typed on the Sheet.',
  },
  setUpTabs: { id: 'Siapkan tab juri', en: 'Set up the juror tabs' },
  setUpTabsHint: {
    id: 'Menaruh inovasi yang lolos seleksi di tab setiap juri, sesuai pembagian. Nilai yang sudah diketik tidak berubah, jadi aman diulang setelah ada pendaftar baru.',
    en: 'Puts the innovations that passed the selection on each juror’s tab, as assigned. Scores already typed stay as they are, so it is safe to run again after new entries.',
  },
  tabsReady: {
    id: 'Tab juri siap: {innovations} inovasi, {rows} baris di tab para juri.',
    en: 'The juror tabs are ready: {innovations} innovations, {rows} rows across the jurors’ tabs.',
  },
  entriesTitle: { id: 'Pendaftaran masuk', en: 'Entries received' },
  noEntries: { id: 'Belum ada pendaftaran.', en: 'No entries yet.' },
  submittedCol: { id: 'Dikirim', en: 'Submitted' },
  entriesPage: { id: 'Halaman {n} dari {of}', en: 'Page {n} of {of}' },
  previousPage: { id: '← Sebelumnya', en: '← Previous' },
  nextPage: { id: 'Berikutnya →', en: 'Next →' },
  linksTitle: { id: 'Tautan', en: 'Links' },
  exportsTitle: { id: 'Unduhan', en: 'Downloads' },
  exportRankingsXlsx: { id: 'Unduh peringkat (.xlsx)', en: 'Download the rankings (.xlsx)' },
  exportsTimes: {
    id: 'Waktu dalam unduhan memakai zona waktu kompetisi ({zone}).',
    en: 'Times in the downloads are in the competition’s time zone ({zone}).',
  },
  doctorTitle: { id: 'Pemeriksaan', en: 'Checks' },
  doctorIntro: {
    id: 'Halaman ini hanya membaca data tersimpan. Untuk memeriksa pengaturan, kredensial Google, Sheet dan Firestore, jalankan di server:',
    en: 'This page reads only the stored data. To check the settings, the Google credentials, the Sheet and Firestore, run on the server:',
  },
  checkIntegrityOk: {
    id: 'Versi hasil yang tersimpan lolos pemeriksaan keaslian.',
    en: 'The stored result versions pass the authenticity check.',
  },
  checkNoVersion: { id: 'Belum ada versi hasil yang ditetapkan.', en: 'No result version is fixed yet.' },
  checkLastSync: { id: 'Sinkron terakhir', en: 'Last sync' },
  timeZoneLine: { id: 'Zona waktu kompetisi: {zone}', en: 'The competition’s time zone: {zone}' },
} satisfies Record<string, Bilingual>;
