import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { appWith, servicesWith, signedHeaders } from '../intake/harness.ts';
import { appsScriptBody, CID } from './helpers.ts';

describe('a signed request replayed within the signature window', () => {
  it('is archived once, with the number of deliveries, and lands once', async () => {
    const store = openSqliteStore(':memory:');
    const app = appWith(servicesWith(store));
    const body = appsScriptBody('resp-big', { Lampiran: 'x'.repeat(1_000_000) });
    expect(body.length).toBeGreaterThan(1_000_000);
    const headers = await signedHeaders(body);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await app.request('/intake/form', { method: 'POST', headers, body })).status);
    }
    expect(statuses[0]).toBe(201);
    expect(statuses.slice(1).every((s) => s === 200)).toBe(true);

    const archived = await store.competition(CID).archive.listRaw();
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({ responseId: 'resp-big', deliveries: 30, body });
    expect(archived.reduce((bytes, a) => bytes + a.body.length, 0)).toBeLessThan(1.1 * body.length);
    expect(await store.competition(CID).innovations.listInnovations()).toHaveLength(1);
    store.close();
  });
});
