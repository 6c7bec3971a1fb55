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
} as const;
