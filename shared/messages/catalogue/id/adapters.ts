/**
 * The words of the adapters (infra/): the Google services' and the local workbook's errors a person reads,
 * and what the build and the local workbook tell the person at the terminal, in Indonesian.
 */
export const ADAPTERS = {
  'adapter.gcfSourceReady': 'Sumber Cloud Functions siap di {out}',
  'adapter.formsApiUnavailable': 'Google Forms API tidak dapat dihubungi{http}; coba lagi nanti.',
  'adapter.serviceAccountKeyRefused':
    'Google menolak kunci service account ({reason}). Periksa GOOGLE_SERVICE_ACCOUNT_JSON: kunci mungkin dihapus atau salah proyek.',
  'adapter.firestoreNoAnswer':
    'Firestore tidak menjawab dalam {seconds} detik, jadi permintaan ini dihentikan. Periksa koneksi internet server dan status Firestore (juri doctor), lalu coba lagi; pengirim yang mengulang kiriman tetap tercatat sekali.',
  'adapter.jurorSheetNotSetUp': 'Spreadsheet juri {juror} belum dibuat; jalankan "juri sheet setup" dulu.',
  'adapter.workbookOpenElsewhere':
    'Buku kerja {workbook} sedang dibuka di LibreOffice atau Excel, jadi juri tidak dapat menulis ke dalamnya. Simpan dan tutup buku kerja itu, lalu sinkronkan lagi.',
  'adapter.workbookNotFound':
    'Buku kerja {workbook} tidak ditemukan. Kembalikan file itu ke tempatnya (atau jalankan juri sheet setup untuk membuat yang baru), lalu sinkronkan lagi.',
  'adapter.workbookNotSaved':
    'juri tidak dapat menyimpan buku kerja {workbook} ({why}), jadi perubahan ini belum tersimpan. Folder {folder} atau file itu tidak boleh ditulis, atau disk penuh. Izinkan menulis ke folder itu (di Linux/macOS: chmod u+w "{folder}") atau kosongkan ruang disk, lalu sinkronkan lagi; sampai saat itu perubahan ini hanya ada di memori juri dan hasil sebelumnya tetap berlaku.',
  'adapter.workbookReadOnly':
    'Buku kerja {workbook} dibuat hanya-baca (read-only), jadi juri tidak menulis ke sana dan perubahan ini belum tersimpan. Izinkan menulis (chmod u+w, atau hapus centang "Read-only" di properti file), lalu sinkronkan lagi; sampai saat itu perubahan ini hanya ada di memori juri dan hasil sebelumnya tetap berlaku.',
  'adapter.workbookUnusable':
    'Buku kerja {workbook} tidak dapat dibaca atau ditulis. Periksa bahwa file itu .xlsx yang utuh dan boleh ditulis, lalu sinkronkan lagi.',
  'adapter.sheetsQuotaExhausted':
    'Kuota Google Sheets API habis (batas 60 permintaan per menit per pengguna); sudah dicoba {attempts} kali. Tunggu sekitar satu menit, lalu sinkronkan lagi.',
  'adapter.sheetRefused':
    'Google Sheet menolak permintaan juri (kode {status}). Periksa bahwa akun layanan juri boleh menyunting Sheet itu; juri doctor memeriksanya.',
  'adapter.localWorkbookMissing':
    'Buku kerja {file} tidak ditemukan; periksa apakah file dipindahkan atau dihapus.',
  'adapter.localWorkbookUnreadable':
    'Buku kerja {file} tidak dapat dibaca: {why}. Buka file itu di LibreOffice atau Excel lalu simpan lagi sebagai .xlsx, atau kembalikan salinan sebelumnya.',
  'adapter.unreadableNotAPackage':
    'isinya bukan arsip .xlsx yang utuh (mungkin terpotong saat disalin, atau bukan file .xlsx sama sekali)',
  'adapter.unreadableNoWorkbook': 'arsip itu tidak berisi buku kerja (bagian xl/workbook.xml tidak ada)',
  'adapter.unreadableDamaged': 'isi buku kerjanya rusak sehingga tidak dapat diurai',
  'adapter.localWorkbookLocked':
    'Buku kerja {file} sedang dibuka di LibreOffice/Excel (file kunci {lock}); simpan dan tutup dulu, lalu coba lagi.',
  'adapter.localWorkbookReadOnly':
    'Buku kerja {file} dibuat hanya-baca (read-only), jadi juri tidak menulis ke sana dan tidak menggantinya; izinkan menulis (chmod u+w, atau hapus centang "Read-only") lalu coba lagi.',
  'adapter.localWorkbookUnwritable':
    'Buku kerja {file} tidak dapat ditulis ({code}); periksa izin file dan ruang disk.',
  'adapter.changesKeptAside': 'juri: perubahan terakhir tidak dapat ditulis ke {file}; disimpan di {copy}.',
  'adapter.changesLost':
    'juri: perubahan terakhir tidak dapat ditulis ke {file} maupun ke salinan di sebelahnya; jalankan sinkronisasi lagi setelah folder itu boleh ditulis (nilai yang diketik juri tetap ada di buku kerja).',
  'adapter.workbookReadFailed': 'juri: {file} tidak dapat dibaca',
  'adapter.writeNoLongerApplies': 'juri: penulisan ke {file} tidak berlaku lagi setelah file itu disunting',
  'adapter.writeRetrying': 'juri: {file} belum dapat ditulis; mencoba lagi',
} as const;
