/** The narrative `juri demo` (and the first `npm start`) prints while it runs the 2024 scenario, in Indonesian. */
export const DEMO = {
  'demo.intake': '• {n} inovasi diterima lewat {url} ({range})',
  'demo.intakeRefused': 'Intake menolak inovasi demo ke-{n}: {why}',
  'demo.selectionOpens': 'Pendaftaran ditutup; seleksi administrasi',
  'demo.stageOpens': 'Penilaian {stage} dimulai',
  'demo.ownWorkbook': '• {name} menilai di workbook sendiri: {url}',
  'demo.selection':
    '• Seleksi administrasi: {pass} lolos, {fail} tidak lolos, {check} perlu dicek ({overridden} diputuskan sekretariat)',
  'demo.secretariatPasses': '• {who} mengetik "Lolos" untuk {ids} di tab "Seleksi"',
  'demo.calibration':
    '• Kalibrasi: para juri lebih dulu menilai {n} baris contoh di tab mereka; masing-masing melihat seberapa longgar penilaiannya di halaman pribadi (tautannya di halaman Keadilan)',
  'demo.refused': '• Seorang juri mengetik "delapan puluh" sebagai nilai; lembar menolaknya ({message})',
  'demo.stageTyped':
    '• {stage}: {rows} baris nilai diketik juri; sinkronisasi: {outcome} ({reads} permintaan baca, {writes} tulis)',
  'demo.fieldTyped':
    '• {stage}: {per} verifikator mengunjungi tiap finalis dan mengisi {rows} baris (ya / sebagian / tidak per klaim, catatan, tautan foto); sinkronisasi: {outcome} ({reads} permintaan baca, {writes} tulis)',
  'demo.fixed': '• Hasil ditetapkan: versi {version}, SHA-256 {hash} (kode {code})',
  'demo.fieldPassed': '• {stage}: {passed} dari {checked} finalis lolos (ambang {passMark})',
  'demo.fieldFailed': '  {id} {title}: {result}; keluar dari peringkat akhir',
  'demo.rules': '• {rules}',
} as const;
