import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { cleanDeep, MAX_JSON_DEPTH, withinJsonDepth } from '../../shared/domain/text.ts';
import { appWith, servicesWith, signedHeaders } from '../intake/harness.ts';
import { CID } from './helpers.ts';

const store = openSqliteStore(':memory:');
afterAll(() => store.close());
const app = appWith(servicesWith(store));

/** `{"responseId": id, "answers": [[[…]]]}` with the answers nested `depth` arrays deep. */
function nested(id: string, depth: number): string {
  return `{"responseId":"${id}","timestamp":"2024-11-01T00:00:00Z","answers":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

describe('JSON nested past any real payload', () => {
  it('is answered 422 and recorded as a rejection with its reason, not a stack overflow', async () => {
    for (const [id, depth] of [
      ['deep-5000', 5000],
      ['deep-200000', 200_000],
    ] as const) {
      const body = nested(id, depth);
      const res = await app.request('/intake/form', {
        method: 'POST',
        headers: await signedHeaders(body),
        body,
      });
      expect(res.status, await res.clone().text()).toBe(422);
      expect(await res.text()).toContain('bersarang terlalu dalam');
    }
    const rejections = await store.competition(CID).archive.listRejections();
    expect(rejections.map((r) => r.responseId).sort()).toEqual(['deep-200000', 'deep-5000']);
    expect(rejections[0]?.reasons).toEqual([
      { path: '(root)', code: 'tooDeep', params: { maximum: MAX_JSON_DEPTH } },
    ]);
  });

  it('is measured without recursion, and cleanDeep refuses it instead of overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(withinJsonDepth(deep)).toBe(false);
    expect(() => cleanDeep(deep)).toThrow(RangeError);
    expect(() => cleanDeep(deep)).toThrow(/deeper than 64/);
    const real = JSON.parse(nested('ok', MAX_JSON_DEPTH - 1)) as unknown;
    expect(withinJsonDepth(real)).toBe(true);
    expect(cleanDeep(real)).toEqual(real);
  });
});
