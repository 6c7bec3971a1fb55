import { type Bilingual, fill, type Lang } from '../domain/i18n.ts';
import type { SheetIssue, SheetIssueCode } from '../sheet/juror-read.ts';

/** What happened to a juror tab, what juri did about it, and how to mend it. */
const TEXTS = {
  'header-not-found': {
    id: 'Baris judul kolom tidak ditemukan; nilai di tab ini TIDAK dibaca. Kembalikan baris judul (ID, kriteria) ke baris 3, lalu sinkronkan lagi.',
    en: 'The column-name row was not found; scores in this tab are NOT read. Put the row of names (ID, criteria) back in row 3, then sync again.',
  },
  'column-missing': {
    id: 'Kolom kriteria "{subject}" tidak ditemukan; nilai di tab ini TIDAK dibaca. Kembalikan judul kolomnya, lalu sinkronkan lagi.',
    en: 'The column of criterion "{subject}" was not found; scores in this tab are NOT read. Restore its column name, then sync again.',
  },
  'column-twice': {
    id: 'Kolom kriteria "{subject}" ada lebih dari satu; nilai di tab ini TIDAK dibaca. Hapus kolom salinannya, lalu sinkronkan lagi.',
    en: 'Criterion "{subject}" has more than one column; scores in this tab are NOT read. Delete the copied column, then sync again.',
  },
  'columns-moved': {
    id: 'Kolom disisipkan atau dipindah (mulai "{subject}"); nilai tetap dibaca menurut judul kolom. Hapus kolom sisipan agar setup dapat memperbarui tab ini.',
    en: 'Columns were inserted or moved (from "{subject}"); scores are still read by column name. Delete the inserted column so that setup can update this tab.',
  },
  'header-moved': {
    id: 'Baris disisipkan di atas judul kolom; nilai tetap dibaca. Hapus baris sisipan agar setup dapat memperbarui tab ini.',
    en: 'Rows were inserted above the column names; scores are still read. Delete the inserted rows so that setup can update this tab.',
  },
  'row-without-id': {
    id: 'Baris tanpa ID inovasi berisi nilai atau catatan; tidak dihitung. Pindahkan nilainya ke baris inovasi yang benar.',
    en: 'A row without an innovation ID holds scores or remarks; not counted. Move them to the right innovation’s row.',
  },
  'duplicate-id': {
    id: 'Inovasi {subject} muncul di lebih dari satu baris; nilai yang berbeda tidak dihitung. Hapus baris salinannya.',
    en: 'Innovation {subject} appears in more than one row; differing scores are not counted. Delete the copied row.',
  },
} satisfies Record<SheetIssueCode, Bilingual>;

export function sheetIssueText(issue: Pick<SheetIssue, 'code' | 'subject'>, lang: Lang): string {
  return fill(TEXTS[issue.code][lang], { subject: issue.subject ?? '' });
}
