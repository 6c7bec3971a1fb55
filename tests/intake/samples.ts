import type { forms_v1 } from '@googleapis/forms';
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

/** forms.get items for the NTT 2024 Form. */
export const ITEMS: forms_v1.Schema$Item[] = Object.entries(QUESTION_IDS).map(([title, questionId], i) => ({
  itemId: (0x5e000000 + i).toString(16),
  title,
  questionItem: { question: { questionId, required: true, textQuestion: { paragraph: false } } },
}));

/** A FormResponse as forms.responses.list returns it: answers keyed by questionId, text answers as values. */
export function formResponse(
  formId: string,
  responseId: string,
  lastSubmittedTime: string,
  overrides: Record<string, string | null> = {},
): forms_v1.Schema$FormResponse {
  const answers = Object.fromEntries(
    answerList(overrides)
      .filter((a) => a.values.length > 0)
      .map((a) => {
        const questionId = QUESTION_IDS[a.title] ?? a.title;
        return [questionId, { questionId, textAnswers: { answers: a.values.map((value) => ({ value })) } }];
      }),
  );
  return {
    formId,
    responseId,
    createTime: lastSubmittedTime,
    lastSubmittedTime,
    respondentEmail: 'operator@kupangkab.go.id',
    answers,
  };
}

/** Pub/Sub push body for a Forms API watch notification: attributes only, no data, no answers. */
export function envelope(formId: string, eventType = 'RESPONSES', messageId = '2070443601311540') {
  return JSON.stringify({
    message: {
      attributes: { eventType, formId, watchId: 'juri-responses' },
      messageId,
      message_id: messageId,
      publishTime: '2024-10-31T23:59:58.123Z',
      publish_time: '2024-10-31T23:59:58.123Z',
    },
    subscription: 'projects/juri-test/subscriptions/forms-responses-push',
  });
}
