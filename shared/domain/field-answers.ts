/**
 * What a verifier types in a field verification's cells (docs/field.md): an answer per claim, read on a
 * 0–2 scale, and beside them a note and photo links under reserved criterion ids. No imports: the
 * config's schema reads the scale from here.
 */

/** The scale every field criterion reads on: no = 0, partly = 1, yes = 2. */
export const FIELD_SCALE = { min: 0, max: 2 } as const;
export const FIELD_ANSWERS = ['no', 'partly', 'yes'] as const;
export type FieldAnswer = (typeof FIELD_ANSWERS)[number];

/** The cells beside the answers: the verifier's note and their photo links, as typed. */
export const FIELD_NOTE = 'catatan';
export const FIELD_PHOTOS = 'foto';
export const FIELD_EXTRAS: readonly string[] = [FIELD_NOTE, FIELD_PHOTOS];

/** What a verifier may type for each answer (trimmed, any case): Indonesian first, English too. */
const TYPED_ANSWERS: Record<string, FieldAnswer> = {
  ya: 'yes',
  yes: 'yes',
  sebagian: 'partly',
  partly: 'partly',
  partial: 'partly',
  tidak: 'no',
  no: 'no',
};

/** The answer a cell's text names, 'empty', or undefined for text that is no answer. */
export function readAnswer(raw: string): FieldAnswer | 'empty' | undefined {
  const text = raw.trim().toLowerCase();
  if (text === '') return 'empty';
  return Object.hasOwn(TYPED_ANSWERS, text) ? TYPED_ANSWERS[text] : undefined;
}

/** readScore's contract for a field cell: the answer's point on the 0–2 scale, 'empty', or not a score. */
export function readAnswerScore(
  raw: string,
  _min?: number,
  _max?: number,
): number | 'empty' | 'not-a-number' {
  const answer = readAnswer(raw);
  if (answer === undefined) return 'not-a-number';
  return answer === 'empty' ? 'empty' : FIELD_ANSWERS.indexOf(answer);
}

/** The photo links in a typed cell: whatever is separated by spaces, commas or new lines. */
export function photoLinks(text: string): string[] {
  return text.split(/[\s,]+/).filter((t) => t !== '');
}
