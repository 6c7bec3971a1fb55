/** The words of the intake's answers to a sender (a rejected submission), in Indonesian. */
export const INTAKE = {
  'intake.rejected': 'Kiriman ditolak — {reasons}',
} as const;
