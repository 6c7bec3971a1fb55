import type { INTAKE as ID } from '../id/intake.ts';
import type { English } from '../params.ts';

/** The words of the intake's answers to a sender (a rejected submission), in English. */
export const INTAKE = {
  'intake.rejected': 'Submission rejected — {reasons}',
  'intake.lateNeedsCorrection':
    'Result version {version} is fixed. Accepting this entry means a correction (a new version with a reason) is needed for it to count in the official result; until one is fixed, the official result and every public page stay unchanged. Tick "a correction is needed" to go on.',
  'intake.lateNotFound': 'No valid late submission with response id {responseId}.',
} satisfies English<typeof ID>;
