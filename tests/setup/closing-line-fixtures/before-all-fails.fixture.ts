import { beforeAll, describe, expect, it } from 'vitest';

beforeAll(() => {
  throw new Error('the browser could not start');
});

it('first test that never runs', () => {
  expect(1).toBe(1);
});

describe('a suite', () => {
  it('second test that never runs', () => {
    expect(1).toBe(1);
  });
  it.skip('a deliberate skip inside a failed module', () => {});
});
