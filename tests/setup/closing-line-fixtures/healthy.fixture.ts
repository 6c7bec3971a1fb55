import { describe, expect, it } from 'vitest';

it('passes', () => {
  expect(1 + 1).toBe(2);
});

it('skips with a reason', (ctx) => {
  ctx.skip('soffice is not installed');
});

describe.skipIf(true)('a suite skipped without a reason', () => {
  it('is skipped silently', () => {});
});
