/**
 * The 2024 demo: fictional but plausible NTT innovations and juror behaviour, fully deterministic
 * so every run of `juri demo` ends with the same Top 10.
 */
export interface DemoInnovation {
  title: string;
  agency: string;
  region: string;
  category: 'Perangkat Daerah Provinsi' | 'Kabupaten/Kota' | 'Badan Usaha Milik Daerah (BUMD)';
  startYear: number;
  summary: string;
  /** Latent quality the demo jurors perceive, 0–100. */
  quality: number;
}

export const DEMO_INNOVATIONS: DemoInnovation[] = [
  demo(
    'SIAP KAWIN: Layanan Terpadu Pencatatan Perkawinan dan Kependudukan',
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Kota Kupang',
    'Kabupaten/Kota',
    2021,
    91,
  ),
  demo(
    'Posyandu Prima Cegah Stunting Berbasis Desa',
    'Dinas Kesehatan',
    'Timor Tengah Utara',
    'Kabupaten/Kota',
    2020,
    88,
  ),
  demo(
    'Ambulans Laut Gratis untuk Pulau-pulau Kecil',
    'RSUD Larantuka',
    'Flores Timur',
    'Kabupaten/Kota',
    2019,
    86,
  ),
  demo(
    'E-Perizinan Satu Pintu NTT',
    'Dinas Penanaman Modal dan PTSP',
    'Provinsi NTT',
    'Perangkat Daerah Provinsi',
    2020,
    84,
  ),
  demo(
    'Sekolah Lapang Iklim bagi Petani Lahan Kering',
    'Dinas Pertanian',
    'Sumba Timur',
    'Kabupaten/Kota',
    2021,
    83,
  ),
  demo(
    'Kartu Pasien Terintegrasi RSUD',
    'RSUD Prof. Dr. W. Z. Johannes',
    'Provinsi NTT',
    'Perangkat Daerah Provinsi',
    2019,
    82,
  ),
  demo(
    'Jemput Bola Akta Kelahiran di Puskesmas',
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Belu',
    'Kabupaten/Kota',
    2020,
    81,
  ),
  demo(
    'Air Bersih Tenaga Surya untuk Desa Kering',
    'PDAM Tirta Lontar',
    'Kupang',
    'Badan Usaha Milik Daerah (BUMD)',
    2021,
    80,
  ),
  demo(
    'Pasar Ikan Higienis Berbasis Koperasi Nelayan',
    'Dinas Kelautan dan Perikanan',
    'Kota Kupang',
    'Kabupaten/Kota',
    2022,
    79,
  ),
  demo('Lapak Tenun Ikat Daring', 'Dinas Koperasi dan UKM', 'Sikka', 'Kabupaten/Kota', 2021, 78),
  demo(
    'Layanan Pajak Kendaraan Keliling Antar-Pulau',
    'Badan Pendapatan dan Aset Daerah',
    'Provinsi NTT',
    'Perangkat Daerah Provinsi',
    2018,
    77,
  ),
  demo(
    'Kredit Mikro Perempuan Penenun',
    'Bank NTT',
    'Provinsi NTT',
    'Badan Usaha Milik Daerah (BUMD)',
    2019,
    76,
  ),
  demo(
    'Rumah Tunggu Kelahiran Desa Siaga',
    'Dinas Kesehatan',
    'Sumba Barat Daya',
    'Kabupaten/Kota',
    2020,
    75,
  ),
  demo(
    'Perpustakaan Keliling Perahu Baca',
    'Dinas Perpustakaan dan Kearsipan',
    'Alor',
    'Kabupaten/Kota',
    2021,
    74,
  ),
  demo(
    'Sistem Informasi Bencana Desa Tangguh',
    'Badan Penanggulangan Bencana Daerah',
    'Ende',
    'Kabupaten/Kota',
    2020,
    73,
  ),
  demo('Satu Data Bansos Terpadu', 'Dinas Sosial', 'Manggarai', 'Kabupaten/Kota', 2021, 72),
  demo(
    'Klinik Hukum Gratis Warga Desa',
    'Biro Hukum Setda',
    'Provinsi NTT',
    'Perangkat Daerah Provinsi',
    2022,
    71,
  ),
  demo('Tanam Kelor Gizi Anak Sekolah', 'Dinas Pendidikan', 'Rote Ndao', 'Kabupaten/Kota', 2020, 70),
  demo(
    'Gerai Layanan Publik di Pelabuhan',
    'Dinas Perhubungan',
    'Manggarai Barat',
    'Kabupaten/Kota',
    2021,
    69,
  ),
  demo('Bengkel Kerja Disabilitas Inklusif', 'Dinas Tenaga Kerja', 'Ngada', 'Kabupaten/Kota', 2022, 68),
  demo(
    'Nomor Darurat Tunggal 112',
    'Dinas Komunikasi dan Informatika',
    'Timor Tengah Selatan',
    'Kabupaten/Kota',
    2021,
    66,
  ),
  demo('Bank Sampah Sekolah', 'Dinas Lingkungan Hidup', 'Lembata', 'Kabupaten/Kota', 2022, 64),
  demo('Sertifikat Tanah Kolektif Desa Adat', 'Dinas Pertanahan', 'Sumba Tengah', 'Kabupaten/Kota', 2021, 62),
  demo('Aplikasi Antrean Puskesmas', 'Dinas Kesehatan', 'Malaka', 'Kabupaten/Kota', 2022, 60),
  // Started in 2023: not yet running the two years the selection asks for, so it stops there.
  demo(
    'Kartu Keluarga Antar ke Rumah',
    'Dinas Kependudukan dan Pencatatan Sipil',
    'Lembata',
    'Kabupaten/Kota',
    2023,
    65,
  ),
];

function demo(
  title: string,
  agency: string,
  region: string,
  category: DemoInnovation['category'],
  startYear: number,
  quality: number,
): DemoInnovation {
  const summary = `${title} adalah inovasi ${agency} di ${region} yang mendekatkan layanan kepada warga, memangkas waktu tunggu dan biaya, serta telah direplikasi oleh perangkat daerah lain.`;
  return { title, agency, region, category, startYear, summary, quality };
}

/** Form answers keyed by question title, as the Apps Script trigger sends them. */
export function demoFormAnswers(d: DemoInnovation, index: number): Record<string, string> {
  const n = index + 1;
  return {
    'Judul Inovasi': d.title,
    'Nama Perangkat Daerah / BUMD': `${d.agency}${d.region === 'Provinsi NTT' ? ' Provinsi NTT' : ` ${d.region}`}`,
    'Kabupaten/Kota': d.region,
    'Kategori Peserta': d.category,
    'Tahun Mulai Diterapkan': String(d.startYear),
    'Ringkasan Inovasi (maks. 200 kata)': d.summary,
    'Latar Belakang dan Tujuan':
      'Warga harus menempuh perjalanan jauh dan menunggu lama untuk layanan dasar.',
    'Kebaruan / Nilai Tambah': 'Layanan dibawa ke warga, bukan warga yang datang ke kantor.',
    Implementasi: 'Diterapkan di seluruh kecamatan dengan SOP dan anggaran rutin.',
    Signifikansi: 'Waktu layanan turun lebih dari separuh; kepuasan warga naik.',
    Adaptabilitas: 'Telah ditiru oleh dua kabupaten lain di NTT.',
    'Sumber Daya': 'Memanfaatkan pegawai dan sarana yang sudah ada.',
    'Strategi Keberlanjutan': 'Ditetapkan dengan peraturan kepala daerah dan masuk RPJMD.',
    'Tautan Proposal (PDF)': `https://drive.example.org/proposal-${n}.pdf`,
    'Tautan Video': `https://video.example.org/inovasi-${n}`,
    'Nama Narahubung': `Narahubung ${n}`,
    'Nomor HP Narahubung': `08123${String(450000 + n * 7919).padStart(6, '0')}`,
    'Email Narahubung': `inovasi${n}@pemda.example.go.id`,
    // Most agencies agree to the public catalogue; every seventh does not.
    'Persetujuan Publikasi di Katalog Inovasi':
      n % 7 === 0 ? 'Tidak' : 'Ya, kami setuju inovasi ini ditampilkan di katalog publik',
  };
}

/** Leniency per juror: some mark generously, some harshly, visible on the dashboard's box plots. */
export const JUROR_LENIENCY: Record<string, number> = { j1: 4, j2: -5, j3: 1, j4: -2, j5: 6 };

/**
 * What a demo juror types for one criterion: "82,5" or "82". The sheet's locale is id_ID, where the
 * decimal separator is a comma ("82.5" would not be a number there, and strict validation refuses it).
 */
export function typedScore(
  quality: number,
  juror: string,
  min: number,
  max: number,
  rand: () => number,
): string {
  const position = (quality + (JUROR_LENIENCY[juror] ?? 0) + (rand() - 0.5) * 12) / 100;
  const raw = min + Math.min(1, Math.max(0, position)) * (max - min);
  const halfSteps = Math.round(raw * 2) / 2;
  const style = rand();
  if (Number.isInteger(halfSteps) || style < 0.15) return String(Math.round(halfSteps));
  return halfSteps.toFixed(1).replace('.', ',');
}

/**
 * The demo's calibration round (docs/calibration.md): two sample proposals every desk juror scores
 * first. Their quality drives what the demo jurors type, as for the entries; they never count.
 */
export const DEMO_CALIBRATION = {
  entries: [
    {
      id: 'KALIBRASI-1',
      title: 'Contoh: Layanan Akta Kelahiran Keliling Desa',
      agency: 'Dinas Kependudukan dan Pencatatan Sipil (contoh)',
    },
    {
      id: 'KALIBRASI-2',
      title: 'Contoh: Pengaduan Warga lewat SMS',
      agency: 'Bagian Organisasi (contoh)',
    },
  ],
};

/** How good each sample is, on the demo's quality scale: one strong, one middling. */
export const DEMO_CALIBRATION_QUALITY: Readonly<Record<string, number>> = {
  'KALIBRASI-1': 80,
  'KALIBRASI-2': 58,
};
