/** The words of a sync's outcome, for the dashboard, the CLI and the demo's log, in Indonesian. */
export const SYNC = {
  'sync.written': 'nilai dibaca dan tab peringkat ditulis ke Sheet',
  'sync.unchanged': 'tidak ada perubahan sejak sinkronisasi terakhir; Sheet tidak ditulis ulang',
  'sync.failed': 'gagal',
  'sync.failedUnexpectedly':
    'Sinkronisasi gagal karena kesalahan tak terduga. Peringkat sebelumnya tetap tampil; coba lagi atau jalankan juri doctor.',
  'sync.failedUnexpectedlyWith':
    'Sinkronisasi gagal karena kesalahan tak terduga ({detail}). Peringkat sebelumnya tetap tampil; coba lagi atau jalankan juri doctor.',
} as const;
