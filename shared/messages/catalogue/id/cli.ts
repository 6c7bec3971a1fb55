/** The words of the command line (juri doctor, serve, rank, finalize, verify, …) and of the settings check, in Indonesian. */
export const CLI = {
  'cli.doctor.localMode': 'Mode local: data disimpan di komputer ini, tidak perlu akun Google.',
  'cli.doctor.settingsComplete': 'Pengaturan lengkap.',
  'cli.doctor.phase': 'Tahap: {phase} ({n} perpindahan tercatat).',
  'cli.doctor.versionsIntact': 'Setiap versi hasil yang tersimpan ({n}) cocok dengan hash-nya.',
  'cli.doctor.versionsAltered':
    'PERINGATAN: versi hasil {versions} yang tersimpan tidak cocok dengan hash-nya: isinya diubah di penyimpanan. Halaman publik tidak menampilkannya.',
  'cli.doctor.configValid': 'Konfigurasi lomba "{name}" valid: {jurors} juri, tahap {stages}.',
  'cli.doctor.formMissing':
    'Bagian "form" belum ada: juri tidak tahu pertanyaan Form mana yang berisi judul, instansi, dst.',
  'cli.doctor.keyAccepted': 'Kunci service account {email} diterima Google.',
  'cli.doctor.adcWorks': 'Kredensial bawaan (Application Default Credentials) berfungsi.',
  'cli.doctor.noCredentials':
    'Tidak ada kredensial Google: isi GOOGLE_SERVICE_ACCOUNT_JSON, atau jalankan "gcloud auth application-default login". ({detail})',
  'cli.doctor.sheetIdUnset':
    'SPREADSHEET_ID belum diisi. Ambil dari alamat Sheet: /spreadsheets/d/<SPREADSHEET_ID>/edit',
  'cli.doctor.sheetOpens': 'Sheet "{title}" dapat dibuka.',
  'cli.doctor.functionAccount': 'akun layanan fungsi',
  'cli.doctor.sheetNotShared':
    'Sheet belum dibagikan. Buka Sheet → Bagikan → tambahkan {who} sebagai Editor.',
  'cli.doctor.sheetNotFound': 'Sheet tidak ditemukan: periksa SPREADSHEET_ID.',
  'cli.doctor.sheetUnopenable': 'Sheet tidak dapat dibuka ({detail}).',
  'cli.doctor.firestoreReadable': 'Firestore proyek {project} dapat dibaca.',
  'cli.doctor.firestoreDenied':
    'Akses Firestore ditolak. Beri service account peran "Cloud Datastore User" di proyek {project}.',
  'cli.doctor.firestoreMissing':
    'Database Firestore "{database}" belum dibuat di proyek {project}. Buat di Firebase console → Firestore Database.',
  'cli.doctor.firestoreUnreachable': 'Firestore tidak dapat dihubungi ({detail}).',
  'cli.freePlan.unchangedFits': 'Detak cron tanpa perubahan: ±{ms} ms CPU (muat).',
  'cli.freePlan.unchangedTooMuch': 'Detak cron tanpa perubahan: ±{ms} ms CPU (tidak muat).',
  'cli.freePlan.writtenEmpty':
    'Sinkronisasi yang menulis: ±{ms} ms CPU sebelum ada inovasi, bertambah dengan jumlah sel nilai.',
  'cli.freePlan.written':
    'Sinkronisasi yang menulis, untuk {entries} inovasi (±{cells} sel nilai): ±{ms} ms CPU.',
  'cli.freePlan.fits':
    'Muat di paket gratis Cloudflare Workers ({limit} ms per permintaan) sampai sekitar {max} inovasi.',
  'cli.freePlan.tooMuch':
    'Tidak muat di paket gratis Cloudflare Workers ({limit} ms per permintaan{limitNote}). Pendaftaran dan halaman tetap di paket gratis; jalankan sinkronisasi dengan `juri sync` dari komputer sekretariat, di Cloud Functions, atau di Workers Paid.',
  'cli.freePlan.limitNote': '; batasnya sekitar {max} inovasi',
  'cli.env.missingNode': 'belum diisi. Isi variabel lingkungan {variable} (lihat docs/deploy.md).',
  'cli.env.missingSecret': 'belum diisi. Jalankan: npx wrangler secret put {variable}',
  'cli.env.missingVar': 'belum diisi. Isi {variable} di bagian [vars] pada wrangler.toml.',
  'cli.env.invalidMode': "harus 'google' atau 'local'.",
  'cli.env.invalidLang': "harus 'id' atau 'en'.",
  'cli.env.invalidServiceAccount':
    'harus berisi seluruh isi file kunci JSON service account (dengan client_email dan private_key).',
  'cli.env.invalidJson': 'bukan JSON yang sah.',
  'cli.env.invalidUrl': 'harus berupa alamat http(s).',
  'cli.env.invalidValue': 'nilainya tidak valid.',
  'cli.env.tooShort': 'terlalu pendek; pakai minimal {min} karakter acak (misalnya: openssl rand -hex 32).',
  'cli.env.pubsubPair':
    'PUBSUB_AUDIENCE dan PUBSUB_SERVICE_ACCOUNT harus diisi berdua (atau dikosongkan berdua).',
  'cli.env.localOnServer':
    "mode 'local' hanya untuk komputer sendiri (npm start). Di Cloudflare Workers dan Cloud Functions isi 'google'.",
  'cli.env.sheetPerCompetition':
    'ada beberapa lomba: tulis Sheet tiap lomba sebagai JSON, misalnya {example}.',
  'cli.env.competitionIdPlaceholder': '<id lomba>',
  'cli.env.sheetIdPlaceholder': '<id Sheet>',
  'cli.env.unknownCompetitions': 'menyebut lomba yang tidak ada di konfigurasi: {list}.',
  'cli.env.formPerCompetition':
    'ada beberapa lomba: tulis form.formId di konfigurasi tiap lomba, bukan FORM_ID.',
  'cli.env.serverConfigWrong': 'Konfigurasi server belum benar — {problems}',
  'cli.env.competitionConfigInvalid': 'konfigurasi lomba tidak valid — {issues}',
  'cli.serve.badPort': 'PORT tidak valid: {port}',
  'cli.serve.portUnavailable': 'Port {port} sudah dipakai atau tidak bisa dibuka.',
  'cli.serve.pressCtrlC': 'Tekan Ctrl+C untuk berhenti.',
  'cli.serve.savingWorkbook': 'Menyimpan workbook…',
  'cli.serve.seedingDemo': 'Mulai pertama: mengisi data demo 2024…',
  'cli.serve.running': 'juri berjalan — {url}',
  'cli.serve.competitions': 'Daftar lomba',
  'cli.serve.adminToken': 'Token admin',
  'cli.serve.database': 'Basis data',
  'cli.serve.announcement': 'Pengumuman',
  'cli.serve.dashboard': 'Dasbor',
  'cli.serve.formIntake': 'Intake Form',
  'cli.serve.registrationOpen': 'Formulir pendaftaran (dibuka)',
  'cli.serve.registrationLocal': 'Formulir pendaftaran (lokal)',
  'cli.serve.catalogue': 'Katalog inovasi',
  'cli.serve.workbook': 'Workbook (pengganti Sheet)',
  'cli.serve.sheetsApi': 'API Sheets lokal',
  'cli.record.provisional': 'sementara',
  'cli.record.final': 'akhir',
  'cli.record.fixed': 'Hasil versi {version} ditetapkan ({kind}).',
  'cli.record.verificationCode': 'Kode verifikasi: {code}',
  'cli.record.verificationCodeAsPublished': 'Kode verifikasi: {code} (sesuai yang diumumkan)',
  'cli.record.excludeFormat': '--exclude perlu <ID>=<alasan>, bukan "{text}".',
  'cli.record.badVersion': 'Versi tidak valid: {version}',
  'cli.record.wrote': 'Ditulis {file}: versi 1–{version}, SHA-256 {hash}.',
  'cli.record.unreadableJson': '{path} tidak bisa dibaca sebagai JSON.',
  'cli.record.refuted': 'DITOLAK.',
  'cli.record.confirmed': 'TERKONFIRMASI.',
  'cli.record.confirmedDetail':
    'Versi 1–{version}: setiap hash cocok dengan isinya, rantai utuh, dan peringkat sesuai dengan sel yang diketik menurut aturan {rules}.',
  'cli.record.moreFindings': '… dan {n} lagi.',
  'cli.record.tiesFormat': '{path}: harus JSON {example}',
  'cli.record.tiesNote': 'alasan',
  'cli.sheet.ready': 'Tab juri siap.',
  'cli.sheet.stageLine': '{stage}: {innovations} inovasi, {rows} baris',
  'cli.sheet.jurorBooks': 'Spreadsheet masing-masing juri (kirim tautannya ke juri yang bersangkutan):',
  'cli.sheet.reshaped': '"{tab}": susunannya diubah manual; dibiarkan apa adanya (lihat tab Periksa Nilai)',
  'cli.sheet.synced': 'Sinkronisasi: {status} ({reads} baca, {writes} tulis).',
  'cli.phase.unknown':
    'Tahap tidak dikenal: {phase} (registration, selection, judging:<tahap>, fixing, publicTest, announced, corrected).',
  'cli.phase.current': 'Tahap: {phase}',
  'cli.io.invalidConfig': 'Konfigurasi kompetisi {source} tidak valid:\n{issues}',
  'cli.io.notJson': '{path} bukan JSON yang valid: {detail}',
  'cli.io.unreadable': 'Berkas {path} tidak bisa dibaca.',
  'cli.csv.broken': '{path}: CSV rusak — {detail}',
  'cli.csv.rowProblem': 'baris {row}: {problem}',
  'cli.csv.unclosedQuote': 'tanda kutip tidak ditutup',
  'cli.csv.textAfterQuote': 'ada teks setelah tanda kutip penutup',
  'cli.csv.fieldCount': 'baris {row} punya {fields} kolom, header {header}',
  'cli.csv.missingColumns': '{path}: kolom {missing} tidak ada (dibutuhkan: {needed})',
  'cli.rank.noStage': 'Tahap "{stage}" tidak ada. Pilihan: {known}',
  'cli.rank.colRank': 'Peringkat',
  'cli.rank.colScore': 'Nilai',
  'cli.rank.colJurors': 'Juri',
  'cli.rank.colStatus': 'Status',
  'cli.rank.colAdvances': 'Lolos',
  'cli.rank.colRepresentation': 'Aturan keterwakilan',
  'cli.rank.yes': 'ya',
  'cli.rank.complete': 'lengkap',
  'cli.rank.incomplete': 'belum lengkap',
  'cli.rank.stage': 'Tahap: {stage}',
  'cli.rank.tieNote': '= peringkat sama: dewan juri memutuskan.',
  'cli.rank.problems': 'Masalah ({n}):',
  'cli.help': `juri — penjurian kompetisi inovasi pelayanan publik

Perintah:
  juri serve [--local] [--port 8787] [--dir .juri] [--config <json>]
                     Jalankan server (npm start = serve --local).
  juri demo [--dir <folder>] [--per-juror]
                     Jalankan skenario 2024 dari awal sampai Top 10, tulis workbook .xlsx
                     (--per-juror: satu workbook per juri, seperti sheet.mode "perJuror").
  juri rank --config <json> --innovations <csv> --scores <csv> [--stage <id>|final] [--json] [--what-if]
                     Hitung peringkat dari berkas CSV; --what-if: N besar dengan setiap cara hitung.
  juri sheet setup [--local] [--dir .juri]
                     Siapkan tab juri di Google Sheet (atau workbook lokal).
  juri sync [--local] [--dir .juri]
                     Sinkronkan nilai dan tulis tab peringkat sekarang.
  juri finalize [--local] [--dir .juri] [--reason <teks>] [--ties <json>] [--confirm]
                [--exclude <ID>=<alasan>]... [--acknowledge-absent <alasan> --by <nama>]
                     Tetapkan hasil (versi baru dari sinkronisasi terakhir); ralat wajib --reason.
                     --exclude: keluarkan inovasi yang belum dinilai dari hasil, dengan alasan;
                     --acknowledge-absent: nyatakan mengetahui juri yang tidak memberi nilai.
  juri phase [<tahap>] [--local] [--dir .juri] [--reason <teks>]
                     Tampilkan tahap kompetisi dan log-nya; dengan <tahap> (mis. judging:wawancara,
                     fixing, announced) pindahkan tahap, --reason wajib.
  juri export-record [<versi>] [--local] [--dir .juri] [--out <berkas>] [--with-contacts]
                     Tulis rekaman hasil (versi 1 sampai <versi>) ke satu berkas JSON, tanpa e-mail
                     dan telepon (--with-contacts: dengan kontak, berkas hanya terbaca pemiliknya).
  juri verify <berkas> [--expect <kode verifikasi>]
                     Periksa ulang rekaman: hash, rantai, dan peringkat dari sel yang diketik;
                     --expect: bandingkan dengan kode verifikasi yang diumumkan.
  juri doctor        Periksa kredensial, akses Sheet dan Firestore.

Kode keluar: 0 berhasil/terkonfirmasi, 1 masalah masukan atau rekaman ditolak, 2 salah pakai.
Pilihan umum: --lang id|en (bahasa pesan; bawaan id);
  --competition <id> (lomba yang dikerjakan sheet, sync, finalize, phase, export-record; bawaan:
  satu-satunya lomba, atau yang terbaru yang belum diumumkan). --config boleh berisi satu lomba,
  daftar lomba, atau folder berkas lomba.`,
  'cli.usage': 'Perintah tidak dikenal atau belum lengkap: {what}',
  'cli.jobs.unknownJob': "juri: tugas \"{job}\" tidak dikenal (yang diharapkan 'sync' atau 'renew-watches')",
  'cli.jobs.noJobForCron':
    'juri: tidak ada tugas untuk cron "{cron}" (lihat functions/jobs.ts dan wrangler.toml)',
  'cli.gcf.competitionFileUnreadable':
    'File (atau folder) konfigurasi lomba {file} (COMPETITION_FILE) tidak dapat dibaca atau bukan JSON.',
} as const;
