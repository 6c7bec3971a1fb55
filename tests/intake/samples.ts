/** Answers to the NTT 2024 Form, keyed by the question titles in infra/competitions/koin-yanlik-ntt-2024.json. */
export const NTT_2024_ANSWERS: Record<string, string> = {
  'Judul Inovasi': 'SIGAP Kupang: Layanan Adminduk Jemput Bola',
  'Nama Perangkat Daerah / BUMD': 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kupang',
  'Kabupaten/Kota': 'Kab. Kupang',
  'Kategori Peserta': 'Kabupaten/Kota',
  'Tahun Mulai Diterapkan': '2021',
  'Ringkasan Inovasi (maks. 200 kata)':
    'Petugas datang ke desa terpencil dengan perangkat perekaman KTP-el sehingga warga tidak perlu menempuh perjalanan jauh ke kota.',
  'Latar Belakang dan Tujuan': 'Banyak warga desa belum memiliki dokumen kependudukan.',
  'Kebaruan / Nilai Tambah': 'Layanan keliling terjadwal dengan antrean daring.',
  Implementasi: 'Sejak 2021 di 24 kecamatan.',
  Signifikansi: 'Cakupan KTP-el naik dari 78% menjadi 96%.',
  Adaptabilitas: 'Sudah direplikasi oleh dua kabupaten.',
  'Sumber Daya': 'APBD dan 12 petugas.',
  'Strategi Keberlanjutan': 'Masuk dalam Perbup dan RPJMD.',
  'Tautan Proposal (PDF)': 'https://drive.google.com/file/d/1AbCdEf/view',
  'Tautan Video': 'youtu.be/dQw4w9WgXcQ',
  'Nama Narahubung': 'Maria Seran',
  'Nomor HP Narahubung': '0812-3456-7890',
  'Email Narahubung': 'Maria.Seran@example.org',
};

/** The Forms API identifies questions by questionId; these stand in for one Form's ids. */
export const QUESTION_IDS: Record<string, string> = Object.fromEntries(
  Object.keys(NTT_2024_ANSWERS).map((title, i) => [title, (0x1a2b3c00 + i).toString(16)]),
);

export function answerList(overrides: Record<string, string | null> = {}) {
  const merged: Record<string, string | null> = { ...NTT_2024_ANSWERS, ...overrides };
  return Object.entries(merged).flatMap(([title, value]) =>
    value === null ? [] : [{ title, values: value === '' ? [] : [value] }],
  );
}
