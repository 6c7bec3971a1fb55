/** The words of the errors a person reads (AppError's text), in Indonesian. */
export const ERRORS = {
  'error.resultVersionNotFound': 'Versi hasil tidak ditemukan.',
  'error.competitionNotFound': 'Kompetisi tidak ditemukan.',
  'error.pageNotFound': 'Halaman tidak ditemukan.',
  'error.demoWithoutResult': 'Demo selesai tanpa hasil yang ditetapkan.',
  'error.acknowledgeNeedsBy': '--acknowledge-absent perlu --by <nama> (siapa yang menyatakan).',
  'error.serviceAccountUnset':
    'GOOGLE_SERVICE_ACCOUNT_JSON belum diisi. Jalankan: npx wrangler secret put GOOGLE_SERVICE_ACCOUNT_JSON',
  'error.stopping':
    'juri sedang dihentikan, jadi pekerjaan ini dihentikan dan kuncinya dilepas. Hasil sebelumnya tetap berlaku; jalankan lagi setelah juri berjalan kembali.',
  'error.loginRequired': 'Perlu login sekretariat (token admin).',
  'error.notFound': 'Tidak ditemukan.',
  'error.badRequest': 'Permintaan tidak valid.',
  'error.internal': 'Terjadi kesalahan di server. Silakan coba lagi.',
  'error.formResponsesWaiting': 'Masih ada respons Form yang belum diproses; Pub/Sub akan mengirim ulang.',
  'error.formsApiUnset': 'Google Forms API belum dikonfigurasi.',
  'error.lateReasonRequired': 'Alasan penerimaan pendaftaran terlambat wajib diisi.',
  'error.invalidPubSubToken': 'Token Pub/Sub tidak valid.',
  'error.googleKeysUnreachable': 'Kunci Google tidak dapat diambil; coba lagi.',
  'error.notPubSubPush': 'Bukan pesan push Pub/Sub.',
  'error.badSignature': 'Tanda tangan kiriman tidak valid atau kedaluwarsa.',
  'error.phaseChangedElsewhere': 'Tahap kompetisi baru saja diubah dari tempat lain. Muat ulang dan periksa.',
  'error.calibrationLinkUnknown': 'Tautan kalibrasi ini tidak dikenal.',
  'error.innovationNotFound': 'Inovasi tidak ditemukan.',
  'error.confirmUnticked': 'Centang kotak konfirmasi untuk melanjutkan.',
  'error.unknownPhase': 'Tahap tidak dikenal.',
  'error.noSession': 'Sesi sekretariat tidak ada atau sudah berakhir. Silakan masuk lagi.',
  'error.crossSiteForm': 'Permintaan ditolak: formulir harus dikirim dari halaman juri sendiri.',
  'error.responseTooLarge': 'Tanggapan terlalu besar.',
  'error.payloadTooLarge': 'Kiriman terlalu besar.',
  'error.noSuchFeedbackSheet': 'Lembar umpan balik tidak ada.',
  'error.noSyncYet': 'Belum ada sinkronisasi nilai. Jalankan "Sinkronkan sekarang" dahulu.',
  'error.unknownStage': 'Tahap tidak dikenal.',
  'error.sheetUnset': 'Google Sheet belum dikonfigurasi (SPREADSHEET_ID kosong).',
  'error.syncBusy': 'Sinkronisasi lain sedang berjalan; coba lagi sebentar lagi.',
  'error.leaseLost':
    'Pekerjaan ini terhenti terlalu lama sehingga kuncinya diambil alih oleh sinkronisasi lain; pekerjaan ini dihentikan. Hasil sinkronisasi lain itu yang berlaku.',
  'error.privateKeyUnreadable':
    'Kunci privat service account tidak terbaca. Salin ulang seluruh isi file kunci JSON ke GOOGLE_SERVICE_ACCOUNT_JSON.',
  'error.tokenServiceUnreachable': 'Layanan token Google tidak dapat dihubungi. Coba lagi sebentar lagi.',
  'error.sheetNotSetUp':
    'Google Sheet belum disiapkan (tab tersembunyi "_juri" kosong atau rusak); jalankan "juri sheet setup" dulu.',
  'error.tabMissing':
    'Tab yang dibutuhkan belum ada di Google Sheet. Jalankan penyiapan sheet (juri sheet setup) dulu, lalu sinkronkan lagi.',
  'error.sheetUnavailable':
    'Google Sheet tidak menjawab atau sedang bermasalah. Periksa koneksi internet, lalu coba lagi beberapa menit lagi; bila tetap gagal, jalankan juri doctor.',
  'error.storageUnavailable': 'Penyimpanan data sedang tidak tersedia. Silakan coba lagi sebentar lagi.',
  'error.logTabChanged':
    'Tab "Riwayat Nilai" di Google Sheet berubah selama sinkronisasi ini; sinkronisasi berikutnya menulisnya ulang seluruhnya. Sinkronkan lagi.',
} as const;
