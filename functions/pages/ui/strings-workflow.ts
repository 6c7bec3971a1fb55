import type { Bilingual } from '../../../shared/domain/i18n.ts';

/**
 * The words of the secretariat's workflow (status line, selection, rankings, exports, sync) and of the
 * public share, catalogue, local form and feedback pages; merged into strings.ts's table.
 */
export const WORKFLOW_STRINGS = {
  // status line
  statusTitle: { id: 'Status kompetisi', en: 'Competition status' },
  phase: { id: 'Tahap sekarang', en: 'Current step' },
  lateNeedsCorrection: {
    id: 'Hasil versi {n} sudah ditetapkan: saya mengerti bahwa ralat diperlukan agar pendaftaran ini masuk hasil resmi, dan sampai ralat ditetapkan hasil resmi serta halaman publik tidak berubah.',
    en: 'Result version {n} is fixed: I understand that a correction is needed for this entry to enter the official result, and that until one is fixed the official result and the public pages stay unchanged.',
  },
  phaseProgress: {
    id: '({scored} dari {assigned} baris sudah dinilai)',
    en: '({scored} of {assigned} rows scored)',
  },
  phaseChange: { id: 'Pindah tahap', en: 'Change the phase' },
  phaseTo: { id: 'Tahap berikutnya', en: 'Next phase' },
  phaseReason: { id: 'Alasan (dicatat di log tahap)', en: 'Reason (kept in the phase log)' },
  phaseConfirm: {
    id: 'Saya yakin memindahkan kompetisi ke tahap ini.',
    en: 'I am sure to move the competition to this phase.',
  },
  phaseButton: { id: 'Pindahkan tahap', en: 'Move the phase' },
  phaseMoved: { id: 'Kompetisi sekarang pada tahap: {phase}.', en: 'The competition is now in: {phase}.' },
  integrityAlarm: {
    id: 'PERINGATAN: hasil versi {n} yang tersimpan tidak lolos pemeriksaan keaslian (hash tidak cocok dengan isinya). Halaman publik tidak menampilkannya. Periksa penyimpanan dan jalankan juri doctor.',
    en: 'WARNING: stored result version {n} fails its integrity check (its hash does not match its content). The public page does not show it. Check the store and run juri doctor.',
  },
  publicShown: {
    id: 'Hasil tampil di halaman publik sejak {when}.',
    en: 'The result has been on the public page since {when}.',
  },
  publicAt: {
    id: 'Hasil tampil di halaman publik pada {when}.',
    en: 'The result appears on the public page on {when}.',
  },
  publicLater: {
    id: 'Hasil tampil di halaman publik pada {when}, bila sudah ditetapkan. Sebelum itu halaman publik hanya menyebut tanggalnya.',
    en: 'The result appears on the public page on {when}, once it is fixed. Until then the public page only gives the date.',
  },
  publicWaiting: {
    id: 'Tanggal pengumuman ({when}) sudah lewat, tetapi hasil belum tampil: belum ada hasil yang ditetapkan dan diumumkan.',
    en: 'The announcement date ({when}) has passed, but the result is not shown yet: no result has been fixed and announced.',
  },
  linkPublic: { id: 'Halaman pengumuman', en: 'Announcement page' },
  linkCatalogue: { id: 'Katalog inovasi', en: 'Innovation catalogue' },
  linkSheet: { id: 'Buka Google Sheet', en: 'Open the Google Sheet' },
  sheetFile: { id: 'Buku kerja (pengganti Google Sheet)', en: 'Workbook (standing in for the Google Sheet)' },
  noSheet: {
    id: 'Google Sheet belum diatur (SPREADSHEET_ID).',
    en: 'No Google Sheet is set (SPREADSHEET_ID).',
  },
  linkForm: { id: 'Formulir pendaftaran lokal', en: 'Local registration form' },
  // sync
  syncOutcome: { id: 'Hasil', en: 'Outcome' },
  syncWhen: { id: 'Selesai', en: 'Finished' },
  syncOk_written: {
    id: 'Berhasil. Nilai dari Sheet sudah dibaca dan peringkat terbaru sudah ditulis ke Sheet.',
    en: 'Done. The scores were read from the Sheet and the latest rankings written back to it.',
  },
  syncOk_unchanged: {
    id: 'Berhasil. Tidak ada nilai yang berubah sejak sinkronisasi sebelumnya, jadi Sheet tidak ditulis ulang.',
    en: 'Done. No score changed since the previous sync, so the Sheet was not rewritten.',
  },
  syncFailedKeep: {
    id: 'Gagal. Peringkat sebelumnya tetap tampil.',
    en: 'Failed. The previous rankings stay shown.',
  },
  syncDetails: { id: 'Rincian teknis', en: 'Technical details' },
  syncDetailsLine: {
    id: '{id} · {reads} permintaan baca dan {writes} permintaan tulis ke Google Sheets',
    en: '{id} · {reads} read and {writes} write requests to Google Sheets',
  },
  syncRunning: {
    id: 'Sedang menyinkronkan… biasanya selesai dalam beberapa detik. Jangan tutup halaman ini.',
    en: 'Syncing… this usually takes a few seconds. Please keep this page open.',
  },
  syncHint: {
    id: 'Membaca nilai terbaru dari Sheet, menghitung peringkat, lalu menulisnya kembali ke Sheet.',
    en: 'Reads the latest scores from the Sheet, ranks them and writes the rankings back to it.',
  },
  syncRefused_busy: {
    id: 'Sinkronisasi lain sedang berjalan. Tunggu sebentar, lalu tekan "Sinkronkan sekarang" lagi.',
    en: 'Another sync is running. Wait a moment, then press "Sync now" again.',
  },
  syncRefused_sheet: {
    id: 'Google Sheet belum diatur, jadi tidak ada yang bisa disinkronkan. Isi SPREADSHEET_ID, lalu coba lagi.',
    en: 'No Google Sheet is set, so there is nothing to sync. Set SPREADSHEET_ID, then try again.',
  },
  syncRefused_other: {
    id: 'Sinkronisasi tidak dapat dimulai. Coba lagi sebentar lagi; bila tetap gagal, jalankan juri doctor.',
    en: 'The sync could not start. Try again shortly; if it keeps failing, run juri doctor.',
  },
  // rankings
  allCategories: { id: 'Semua kategori', en: 'All categories' },
  filterCategory: { id: 'Saring menurut kategori', en: 'Filter by category' },
  rankingIn: { id: '{stage} — {n} inovasi', en: '{stage} — {n} innovations' },
  colInnovation: { id: 'Inovasi', en: 'Innovation' },
  colAgency: { id: 'Instansi', en: 'Agency' },
  colScore: { id: 'Nilai', en: 'Score' },
  colFinal: { id: 'Nilai akhir', en: 'Final score' },
  colJurors: { id: 'Jumlah juri', en: 'Jurors' },
  categoryRank: { id: 'ke-{n} di kategorinya', en: '#{n} in its category' },
  exports: { id: 'Unduh', en: 'Download' },
  exportRankings: { id: 'Peringkat', en: 'Rankings' },
  exportEntries: { id: 'Daftar inovasi', en: 'Innovations' },
  // selection
  selection: { id: 'Seleksi administrasi', en: 'Administrative selection' },
  selectionOff: {
    id: 'Seleksi administrasi tidak diatur di konfigurasi: semua pendaftaran langsung masuk tahap pertama.',
    en: 'No administrative selection is configured: every entry goes straight to the first stage.',
  },
  selectionNotYet: {
    id: 'Seleksi belum dijalankan. Tekan "Sinkronkan sekarang" untuk memeriksa pendaftaran dan menulis tab "Seleksi".',
    en: 'The selection has not run yet. Press "Sync now" to check the entries and write the "Seleksi" tab.',
  },
  selectionHow: {
    id: 'Untuk mengubah keputusan, ketik Lolos atau Tidak lolos beserta nama Anda di tab "Seleksi" pada Sheet, lalu sinkronkan. Hanya yang lolos masuk tahap pertama.',
    en: 'To change a decision, type Lolos or Tidak lolos with your name in the Sheet\u2019s "Seleksi" tab, then sync. Only entries that pass go to the first stage.',
  },
  selPass: { id: 'Lolos', en: 'Passed' },
  selFail: { id: 'Tidak lolos', en: 'Not passed' },
  selCheck: { id: 'Perlu dicek', en: 'Needs a check' },
  selOverridden: { id: 'Diputuskan sekretariat', en: 'Decided by the secretariat' },
  selToCheck: { id: 'Perlu dicek ({n})', en: 'Needs a check ({n})' },
  selNothingToCheck: { id: 'Tidak ada pendaftaran yang perlu dicek.', en: 'No entry needs a check.' },
  selFailed: { id: 'Tidak lolos ({n})', en: 'Not passed ({n})' },
  selLog: { id: 'Riwayat keputusan sekretariat', en: 'The secretariat\u2019s decisions' },
  selDecision: { id: 'Keputusan', en: 'Decision' },
  selBy: { id: 'Oleh', en: 'By' },
  selWhen: { id: 'Dicatat', en: 'Recorded' },
  selNote: { id: 'Catatan', en: 'Note' },
  selNoName: { id: '(nama tidak diisi)', en: '(no name typed)' },
  // box plots
  bpCount: { id: '{n} nilai', en: '{n} scores' },
  bpMedian: { id: 'median {v}', en: 'median {v}' },
  bpAbove: { id: 'rata-rata {v} poin di atas juri lain', en: 'on average {v} points above the other jurors' },
  bpBelow: {
    id: 'rata-rata {v} poin di bawah juri lain',
    en: 'on average {v} points below the other jurors',
  },
  // sharing and printing the announcement
  shareTop3: { id: 'Tiga terbaik', en: 'Top three' },
  shareSoon: {
    id: 'Hasil {name} diumumkan pada {when}.',
    en: 'The results of the {name} are announced on {when}.',
  },
  share: { id: 'Bagikan pengumuman', en: 'Share the announcement' },
  shareWhatsApp: { id: 'Bagikan lewat WhatsApp', en: 'Share on WhatsApp' },
  copyText: { id: 'Salin teks', en: 'Copy text' },
  copied: { id: 'Teks tersalin', en: 'Text copied' },
  announcementText: { id: 'Teks pengumuman', en: 'Announcement text' },
  publicBeritaAcara: {
    id: 'Berita Acara penetapan hasil (salinan untuk umum)',
    en: 'Official minutes of the result (public copy)',
  },
  publicCopy: {
    id: 'Salinan untuk umum. Naskah yang ditandatangani disimpan oleh sekretariat.',
    en: 'Public copy. The signed original is kept by the secretariat.',
  },
  setAtPlace: { id: 'Ditetapkan di {place}, {date}', en: 'Set at {place}, {date}' },
  setOn: { id: 'Ditetapkan pada {date}', en: 'Set on {date}' },
  printSource: { id: 'Sumber: {url}', en: 'Source: {url}' },
  categoryTag: { id: 'Kategori {category}', en: '{category} category' },
  // local registration form
  registerTitle: { id: 'Pendaftaran inovasi (formulir lokal)', en: 'Innovation registration (local form)' },
  registerIntro: {
    id: 'Formulir ini hanya ada di mode lokal. Isinya sama dengan Google Form dan diperiksa dengan cara yang sama; pendaftaran yang diterima langsung muncul di dasbor.',
    en: 'This form exists in local mode only. It has the Google Form’s questions and is checked the same way; an accepted entry shows on the dashboard at once.',
  },
  registerSend: { id: 'Kirim pendaftaran', en: 'Send the registration' },
  registerAccepted: {
    id: 'Pendaftaran diterima sebagai {id}. Terima kasih.',
    en: 'Registration accepted as {id}. Thank you.',
  },
  registerRejected: {
    id: 'Pendaftaran belum dapat diterima: {n} isian perlu diperbaiki.',
    en: 'The registration cannot be accepted yet: {n} answers need fixing.',
  },
  registerClosed: {
    id: 'Pendaftaran sudah ditutup pada {when}. Formulir ini tidak menerima pendaftaran baru.',
    en: 'Registration closed on {when}. This form takes no new registrations.',
  },
  registerNotYet: {
    id: 'Pendaftaran baru dibuka pada {when}.',
    en: 'Registration opens on {when}.',
  },
  registerOpenCopy: {
    id: 'Untuk mencoba pendaftaran, pakai formulir salinan demo yang sedang dibuka:',
    en: 'To try a registration, use the form of the demo’s copy, which is open now:',
  },
  registerClosedHint: {
    id: 'Sekretariat dapat menerima kiriman yang terlambat di dasbor, dengan alasan tertulis.',
    en: 'The secretariat may accept a late submission on the dashboard, with a written reason.',
  },
  registerConsent: {
    id: 'Ya, saya setuju inovasi ini ditampilkan di katalog publik',
    en: 'Yes, I agree to this innovation being shown in the public catalogue',
  },
  // public catalogue
  catalogue: { id: 'Katalog Inovasi', en: 'Innovation Catalogue' },
  catalogueIntro: {
    id: 'Inovasi pelayanan publik yang ikut {name}, yang instansinya setuju untuk ditampilkan.',
    en: 'Public-service innovations entered in the {name} whose agencies agreed to be listed.',
  },
  catalogueLater: {
    id: 'Katalog dibuka setelah hasil diumumkan pada {when}.',
    en: 'The catalogue opens once the results are announced on {when}.',
  },
  search: { id: 'Cari judul atau instansi', en: 'Search title or agency' },
  startYear: { id: 'Tahun mulai', en: 'Start year' },
  all: { id: 'Semua', en: 'All' },
  show: { id: 'Tampilkan', en: 'Show' },
  shown: { id: '{n} inovasi ditampilkan', en: '{n} innovations shown' },
  noneFound: { id: 'Tidak ada inovasi yang cocok.', en: 'No innovation matches.' },
  summary: { id: 'Ringkasan', en: 'Summary' },
  links: { id: 'Tautan', en: 'Links' },
  proposal: { id: 'Proposal', en: 'Proposal' },
  video: { id: 'Video', en: 'Video' },
  backToCatalogue: { id: 'Kembali ke katalog', en: 'Back to the catalogue' },
  winnerRank: { id: 'Top {top} — peringkat {rank}', en: 'Top {top} — rank {rank}' },
  externalNote: {
    id: 'Tautan mengarah ke dokumen yang diunggah instansi pendaftar.',
    en: 'Links lead to documents the entering agency uploaded.',
  },
  // feedback sheets
  feedback: { id: 'Lembar umpan balik', en: 'Feedback sheets' },
  feedbackTitle: { id: 'Lembar Umpan Balik', en: 'Feedback Sheet' },
  feedbackLater: {
    id: 'Lembar umpan balik tersedia setelah hasil diumumkan pada {when}.',
    en: 'Feedback sheets are available once the results are announced on {when}.',
  },
  feedbackIndexIntro: {
    id: 'Satu lembar per inovasi untuk dikirim ke instansi pendaftar: nilai per kriteria dibanding median tahapnya, tanpa nama juri. Cetak atau simpan sebagai PDF dari peramban.',
    en: 'One sheet per innovation to send to the entering agency: its scores per criterion against the stage median, without juror names. Print it or save it as PDF from the browser.',
  },
  feedbackIntro: {
    id: 'Nilai rata-rata dewan juri untuk setiap kriteria, dibanding median semua inovasi pada tahap yang sama. Nama juri tidak dicantumkan.',
    en: 'The panel’s mean score for each criterion, against the median of all innovations in the same stage. Juror names are not given.',
  },
  feedbackStageScore: {
    id: 'Nilai tahap ini: {score} (median tahap {median}, skala 0–100)',
    en: 'Score in this stage: {score} (stage median {median}, scale 0–100)',
  },
  criterion: { id: 'Kriteria', en: 'Criterion' },
  weightCol: { id: 'Bobot', en: 'Weight' },
  scaleCol: { id: 'Skala', en: 'Scale' },
  thisEntry: { id: 'Inovasi ini', en: 'This innovation' },
  stageMedian: { id: 'Median tahap', en: 'Stage median' },
  comparison: { id: 'Dibanding median', en: 'Against the median' },
  above: { id: 'di atas', en: 'above' },
  below: { id: 'di bawah', en: 'below' },
  equal: { id: 'sama', en: 'equal' },
  notScored: { id: 'tidak dinilai', en: 'not scored' },
  finalPlace: { id: 'Peringkat akhir: {rank} dari {n} finalis', en: 'Final rank: {rank} of {n} finalists' },
  // tile map
  legend: { id: 'Keterangan warna (jumlah inovasi)', en: 'Colour key (number of innovations)' },
  codes: { id: 'Kode wilayah', en: 'Region codes' },
} satisfies Record<string, Bilingual>;
