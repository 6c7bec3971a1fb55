import type { INTAKE as ID } from '../id/intake.ts';
import type { English } from '../params.ts';

/** The words of the intake's answers to a sender (a rejected submission), in English. */
export const INTAKE = {
  'intake.rejected': 'Submission rejected — {reasons}',
} satisfies English<typeof ID>;
