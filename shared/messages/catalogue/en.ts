import { CONSOLE } from './en/console.ts';
import { PAGES } from './en/pages.ts';
import { WORKFLOW } from './en/workflow.ts';
import type { MessageKey } from './id.ts';

/** Every catalogued word in English: a key missing here fails the typecheck. */
export const EN = { ...PAGES, ...WORKFLOW, ...CONSOLE } satisfies Record<MessageKey, string>;
