/** An accepted innovation as the ranking and the pages see it. */
export interface Innovation {
  /** Readable number, e.g. INOV-2024-017. */
  id: string;
  title: string;
  agency: string;
  region: string;
  category: string;
  /** ISO 8601 instant of the (latest) submission. */
  submittedAt: string;
  summary?: string;
  /** Form response id the innovation came from, when it came through the Form. */
  responseId?: string;
  /** Every other mapped Form field, as submitted. */
  details?: Record<string, string>;
  /** 1 for the first submission, +1 for each accepted edit. */
  version?: number;
  /** Accepted outside the intake window by the secretariat's explicit override: when, and why. */
  lateAccepted?: { at: string; reason: string };
}

/** Formats an innovation number: INOV-2024-017 (three digits at least, more when needed). */
export function innovationNumber(year: number, n: number): string {
  return `INOV-${year}-${String(n).padStart(3, '0')}`;
}

/**
 * A resubmission with a later `submittedAt` is an edit of the same innovation; an equal or earlier
 * one is a redelivery. Instants are compared, not strings: the Form may send the same time with
 * another offset or precision.
 */
export function isEdit(candidateSubmittedAt: string, currentSubmittedAt: string): boolean {
  return Date.parse(candidateSubmittedAt) > Date.parse(currentSubmittedAt);
}
