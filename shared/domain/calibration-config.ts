import { z } from 'zod';
import { singleLine } from './text.ts';

/**
 * The calibration round (issue 24): before scoring, every juror of a stage scores the same few sample
 * proposals, then sees privately how lenient they are next to the panel. The samples never count in a
 * ranking, a selection, a fairness statistic or a record. The schema stands apart from the summary
 * (`calibration.ts`) so that the config imports no fairness code. docs/calibration.md.
 */

/** A sample's id: "KALIBRASI-…", so it reads as a sample on the tab and never as an innovation number. */
export const CALIBRATION_ID = /^KALIBRASI-[A-Za-z0-9-]{1,40}$/;

export const calibrationSampleSchema = z.object({
  id: z.string().regex(CALIBRATION_ID, { error: 'calibrationId' }),
  title: singleLine().min(1).max(300),
  agency: singleLine().max(200).optional(),
  region: singleLine().max(80).optional(),
  /** What the juror opens to judge it, as an innovation's Form links. */
  proposalUrl: z.url({ protocol: /^https?$/ }).optional(),
  videoUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export const calibrationSchema = z.object({
  /** The stage whose criteria the samples are scored on, on its juror tabs; the first stage when absent. */
  stage: singleLine().min(1).max(80).optional(),
  /** Two or three samples are what jurors can score in one sitting; at most five. */
  entries: z.array(calibrationSampleSchema).min(1).max(5),
});

export type CalibrationConfig = z.output<typeof calibrationSchema>;
export type CalibrationSample = CalibrationConfig['entries'][number];
