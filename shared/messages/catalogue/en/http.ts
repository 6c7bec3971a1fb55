import type { HTTP as ID } from '../id/http.ts';
import type { English } from '../params.ts';

/** The words of juri's HTTP guards (body size, server name, sign-in lockout), in English. */
export const HTTP = {
  'http.payloadTooLarge': 'Payload too large (limit {size}).',
  'http.unknownHost':
    'Unknown server name "{host}". Open juri at the address it printed when it started (or add this name to JURI_HOSTS).',
  'http.tooManySignIns':
    'Too many failed sign-in attempts from this address. Try again in {minutes} minutes.',
  'http.tooManySignInsOneMinute':
    'Too many failed sign-in attempts from this address. Try again in {minutes} minute.',
} satisfies English<typeof ID>;
