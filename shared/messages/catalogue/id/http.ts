/** The words of juri's HTTP guards (body size, server name, sign-in lockout), in Indonesian. */
export const HTTP = {
  'http.payloadTooLarge': 'Kiriman terlalu besar (batas {size}).',
  'http.unknownHost':
    'Nama server "{host}" tidak dikenal. Buka juri lewat alamat yang ditampilkan saat juri dijalankan (atau tambahkan nama ini ke JURI_HOSTS).',
  'http.tooManySignIns':
    'Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam {minutes} menit.',
  'http.tooManySignInsOneMinute':
    'Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam {minutes} menit.',
} as const;
