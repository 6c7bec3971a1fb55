/**
 * The words of the results, in Indonesian: the secretariat's downloads (rankings and entries as .xlsx
 * and CSV), exporting the record, and fixing a result version (each refusal says why and what to do).
 */
export const RESULTS = {
  'results.export.rank': 'Peringkat akhir',
  'results.export.tie': 'Seri',
  'results.export.id': 'ID',
  'results.export.title': 'Judul inovasi',
  'results.export.agency': 'Instansi',
  'results.export.region': 'Wilayah',
  'results.export.category': 'Kategori',
  'results.export.final': 'Nilai akhir (0–100)',
  'results.export.status': 'Status',
  'results.export.complete': 'Lengkap',
  'results.export.incomplete': 'Belum lengkap',
  'results.export.top': 'Top',
  'results.export.categoryRank': 'Peringkat kategori',
  'results.export.submittedAt': 'Dikirim',
  'results.export.version': 'Versi',
  'results.export.selection': 'Hasil seleksi',
  'results.export.selectionReasons': 'Alasan seleksi',
  'results.export.decidedBy': 'Diputuskan oleh',
  'results.export.respondentEmail': 'email pengirim formulir',
  'results.export.rankings': 'Peringkat',
  'results.export.entries': 'Inovasi',
  'results.noResultYet': 'Belum ada hasil yang ditetapkan.',
  'results.noSuchVersion': 'Versi {version} tidak ada (versi terakhir: {latest}).',
  'results.versionUnreadable': 'Versi {version} tidak terbaca dari penyimpanan.',
  'results.legacyNeedsContacts':
    'Versi {version} ditetapkan dengan format lama ({format}) yang menyertakan e-mail dan telepon juri di dalam isi yang di-hash; tanpa itu hash-nya tidak bisa diperiksa. Ekspor dengan kontak: juri export-record --with-contacts (berkas hanya terbaca pemiliknya).',
  'results.fix.noSync':
    'Belum ada sinkronisasi nilai yang berhasil. Tekan "Sinkronkan sekarang" dahulu, lalu tetapkan hasil.',
  'results.fix.reasonTooLong': 'Alasan terlalu panjang (maks. {max} karakter).',
  'results.fix.nothingToConfirm': 'Tidak ada hasil sementara yang bisa dikukuhkan.',
  'results.fix.notThroughSelection':
    'Inovasi berikut diterima setelah sinkronisasi terakhir dan belum melewati seleksi: {ids}. Sinkronkan dahulu, atau dewan juri mengeluarkannya dari hasil dengan alasan tertulis.',
  'results.fix.judgingIncomplete':
    'Penilaian belum selesai: setiap inovasi di setiap tahap dan peringkat akhir harus lengkap sebelum hasil ditetapkan. Belum lengkap: {open}. Lengkapi nilainya (sinkronkan dahulu), atau dewan juri mengeluarkan inovasi itu dari hasil dengan alasan tertulis.',
  'results.fix.absentJurors':
    'Peringatan: juri berikut tidak memberi nilai sama sekali pada tahap itu (tidak hadir): {names}. Hasil hanya bisa ditetapkan setelah sekretariat menyatakan mengetahuinya, dengan nama dan alasan; juri itu dicatat tidak hadir dalam berita acara.',
  'results.fix.tiesUndecided': 'Hasil belum bisa ditetapkan: {problems}',
  'results.fix.unknownExclusion': 'Inovasi yang dikeluarkan tidak dikenal atau disebut dua kali: {id}.',
  'results.fix.exclusionNeedsReason':
    'Inovasi {id} hanya bisa dikeluarkan dengan alasan tertulis (maks. {max} karakter).',
  'results.fix.acknowledgementIncomplete':
    'Pernyataan tentang juri yang tidak hadir perlu nama yang menyatakan dan alasannya.',
  'results.fix.sameAsVersion': 'Hasil sama dengan versi {version}; tidak ada yang perlu ditetapkan ulang.',
  'results.fix.correctionNeedsReason':
    'Hasil berbeda dari versi {version}. Ralat hanya bisa diterbitkan dengan alasan tertulis.',
  'results.fix.takenElsewhere':
    'Versi {version} baru saja ditetapkan dari tempat lain. Muat ulang dasbor dan periksa.',
} as const;
