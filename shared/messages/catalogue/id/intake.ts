/** The words of the intake's answers to a sender (a rejected submission), in Indonesian. */
export const INTAKE = {
  'intake.rejected': 'Kiriman ditolak — {reasons}',
  'intake.lateNeedsCorrection':
    'Hasil versi {version} sudah ditetapkan. Menerima pendaftaran ini berarti ralat (versi baru dengan alasan) diperlukan agar ia ikut dinilai dalam hasil resmi; sampai ralat ditetapkan, hasil resmi dan semua halaman publik tidak berubah. Centang "ralat diperlukan" untuk melanjutkan.',
  'intake.lateNotFound': 'Tidak ada kiriman terlambat yang sah dengan ID respons {responseId}.',
} as const;
