import { ADAPTERS } from './id/adapters.ts';
import { CLI } from './id/cli.ts';
import { CONSOLE } from './id/console.ts';
import { DEMO } from './id/demo.ts';
import { ERRORS } from './id/errors.ts';
import { HTTP } from './id/http.ts';
import { INTAKE } from './id/intake.ts';
import { JUROR_WORK } from './id/juror-work.ts';
import { PAGES } from './id/pages.ts';
import { RESULTS } from './id/results.ts';
import { SHEET } from './id/sheet.ts';
import { SYNC } from './id/sync.ts';
import { WORKFLOW } from './id/workflow.ts';

/** Every catalogued word in Indonesian, the first language: its keys are the catalogue's keys. */
export const ID = {
  ...PAGES,
  ...WORKFLOW,
  ...CONSOLE,
  ...DEMO,
  ...ERRORS,
  ...JUROR_WORK,
  ...HTTP,
  ...CLI,
  ...ADAPTERS,
  ...INTAKE,
  ...SHEET,
  ...SYNC,
  ...RESULTS,
} as const;

export type MessageKey = keyof typeof ID;
