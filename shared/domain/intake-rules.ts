import type { Competition } from './competition.ts';
import { perConfig } from './per-config.ts';
import { type FormSubmission, type SubmissionResult, submissionRules } from './submission.ts';
import { type IntakeState, intakeWindow } from './timeline.ts';

/**
 * What intake checks every submission against, derived once from a competition's config: the
 * submission's schema with its question and region lookups, and the intake window as instants. Deriving
 * them per submission cost a good share of an intake request's CPU (zod schema, normalised titles and
 * regions, Intl time-zone offsets).
 */
export interface IntakeRules {
  validate(submission: FormSubmission): SubmissionResult;
  /** Whether a submission made at `at` falls in the intake window. */
  windowAt(at: Date): IntakeState;
}

export function intakeRules(c: Competition): IntakeRules {
  const submission = submissionRules(c);
  const window = intakeWindow(c);
  return { validate: (s) => submission.validate(s), windowAt: window };
}

/** Each competition's rules by its config object: rules can never outlive or mix up a config. */
export type IntakeRulesOf = (c: Competition) => IntakeRules;

/** A composition root builds one per deployment; its rules are made when a competition first needs them. */
export function intakeRulesCache(): IntakeRulesOf {
  return perConfig(intakeRules);
}
