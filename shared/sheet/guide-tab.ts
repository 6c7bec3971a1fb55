import type { Competition } from '../domain/competition.ts';
import { type Lang, localName } from '../domain/i18n.ts';
import { formatNumber } from '../messages/numbers.ts';
import { criterionDescription, deadlineText } from './juror-tab.ts';

/** The same in every language, like the juror tabs' titles. */
export const GUIDE_TITLE = 'Petunjuk';

const GUIDE = {
  id: {
    steps: [
      'Cara menilai',
      '1. Buka tab dengan nama Anda. Setiap baris adalah satu inovasi yang Anda nilai; tautan "Proposal" dan "Video" membuka berkas yang dikirim peserta.',
      '2. Ketik nilai setiap kriteria di sel kuning. Angka di luar skala atau berupa kata ditolak oleh lembar ini. Desimal pakai koma (8,5).',
      '3. "Total Anda" menghitung nilai tertimbang Anda (0–100) begitu semua kriteria terisi. Peringkat resmi tetap dihitung oleh juri (aplikasi) dari nilai yang Anda ketik.',
      '4. "Catatan Juri" untuk catatan Anda tentang inovasi itu; sekretariat membacanya.',
      '5. Baris abu-abu: Anda memiliki konflik kepentingan (wilayah yang sama atau dinyatakan); tidak perlu dinilai.',
      '6. Jangan menyisipkan atau menghapus kolom/baris dan jangan mengurutkan tab: nilai dibaca menurut judul kolom dan ID inovasi; tab yang berubah susunannya dilaporkan ke sekretariat.',
    ],
    criterion: 'Kriteria',
    weight: 'Bobot',
    scale: 'Skala',
    description: 'Penjelasan',
    deadline: 'Batas waktu',
  },
  en: {
    steps: [
      'How to score',
      '1. Open the tab with your name. Each row is one innovation you score; the "Proposal" and "Video" links open what the entrant sent.',
      '2. Type each criterion’s score in the yellow cells. Numbers outside the scale and words are refused by the sheet. Decimals with a comma (8,5).',
      '3. "Your total" shows your weighted score (0–100) once every criterion is filled in. The official ranking is still computed by juri from the scores you type.',
      '4. "Your remarks" is for your notes on that innovation; the secretariat reads them.',
      '5. Grey rows: you have a conflict of interest (same region, or declared); they need no score.',
      '6. Do not insert or delete columns or rows and do not sort the tab: scores are read by column name and innovation ID; a reshaped tab is reported to the secretariat.',
    ],
    criterion: 'Criterion',
    weight: 'Weight',
    scale: 'Scale',
    description: 'Description',
    deadline: 'Deadline',
  },
} as const;

/** The "Petunjuk" tab: how to score, then per stage every criterion with its weight, scale and description. */
export function guideRows(competition: Competition, lang: Lang): string[][] {
  const g = GUIDE[lang];
  const rows: string[][] = [[localName(competition, lang)], [], ...g.steps.map((s) => [s])];
  for (const stage of competition.stages) {
    rows.push([], [localName(stage, lang), `${g.deadline}: ${deadlineText(competition, stage, lang)}`]);
    rows.push([g.criterion, g.weight, g.scale, g.description]);
    for (const c of stage.criteria) {
      rows.push([
        localName(c, lang),
        formatNumber(c.weight, lang),
        `${formatNumber(c.min, lang)}–${formatNumber(c.max, lang)}`,
        criterionDescription(c, lang) ?? '',
      ]);
    }
  }
  return rows;
}
