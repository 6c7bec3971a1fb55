import { it } from 'vitest';

function explode(): never {
  throw new Error('this module fails while it is imported');
}

explode();

it('is never collected', () => {});
