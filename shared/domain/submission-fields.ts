/** Every field a Form submission can fill; the competition config maps this year's questions onto them. */
export const SUBMISSION_FIELDS = [
  'title',
  'agency',
  'region',
  'category',
  'startYear',
  'summary',
  'background',
  'novelty',
  'implementation',
  'significance',
  'adaptability',
  'resources',
  'sustainability',
  'proposalUrl',
  'videoUrl',
  'contactName',
  'contactPhone',
  'contactEmail',
  /** Whether the agency agrees to the innovation being listed in the public catalogue. */
  'consent',
] as const;

export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];
