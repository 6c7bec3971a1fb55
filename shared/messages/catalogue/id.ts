import { CONSOLE } from './id/console.ts';
import { PAGES } from './id/pages.ts';
import { WORKFLOW } from './id/workflow.ts';

/** Every catalogued word in Indonesian, the first language: its keys are the catalogue's keys. */
export const ID = { ...PAGES, ...WORKFLOW, ...CONSOLE } as const;

export type MessageKey = keyof typeof ID;
