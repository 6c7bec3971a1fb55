import { ADAPTERS } from './en/adapters.ts';
import { CLI } from './en/cli.ts';
import { CONSOLE } from './en/console.ts';
import { DEMO } from './en/demo.ts';
import { ERRORS } from './en/errors.ts';
import { HTTP } from './en/http.ts';
import { INTAKE } from './en/intake.ts';
import { JUROR_WORK } from './en/juror-work.ts';
import { PAGES } from './en/pages.ts';
import { RESULTS } from './en/results.ts';
import { SHEET } from './en/sheet.ts';
import { SYNC } from './en/sync.ts';
import { WORKFLOW } from './en/workflow.ts';
import type { MessageKey } from './id.ts';

/** Every catalogued word in English: a key missing here fails the typecheck. */
export const EN = {
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
} satisfies Record<MessageKey, string>;
