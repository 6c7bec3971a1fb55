import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { testServices } from '../helpers/services.ts';

let store: ReturnType<typeof openSqliteStore>;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  store = openSqliteStore(':memory:');
  const services = testServices({ store });
  app = createApp(() => services);
});

afterEach(() => store.close());

describe('malformed cookies', () => {
  it('treats a cookie that is not valid percent-encoding as absent', async () => {
    const broken = await app.request('/api/pengumuman/nope', { headers: { cookie: 'lang=%' } });
    expect((await broken.json()).error.message).toBe('Kompetisi tidak ditemukan.');
    const english = await app.request('/api/pengumuman/nope', { headers: { cookie: 'other=x; lang=en' } });
    expect((await english.json()).error.message).toBe('Competition not found.');
  });

  it('still answers a request carrying one', async () => {
    const res = await app.request('/healthz', { headers: { cookie: 'lang=%' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('language', () => {
  it('is Indonesian for a browser set to English: only ?lang or the cookie switch it', async () => {
    const headers = { 'accept-language': 'en-US,en;q=0.9' };
    const plain = await app.request('/api/pengumuman/nope', { headers });
    expect((await plain.json()).error.message).toBe('Kompetisi tidak ditemukan.');
    const asked = await app.request('/api/pengumuman/nope?lang=en', { headers });
    expect((await asked.json()).error.message).toBe('Competition not found.');
  });
});

describe('caching of language-dependent public answers', () => {
  it('lets shared caches keep the announcement JSON apart per language', async () => {
    const res = await app.request('/api/pengumuman/koin-yanlik-ntt-2024');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('vary')).toBe('Cookie');
  });

  it('keeps the page that sets the lang cookie out of shared caches', async () => {
    const remembered = await app.request('/pengumuman/koin-yanlik-ntt-2024?lang=en');
    expect(remembered.headers.get('set-cookie')).toContain('lang=en');
    expect(remembered.headers.get('cache-control')).toBe('private, max-age=60');
    const plain = await app.request('/pengumuman/koin-yanlik-ntt-2024');
    expect(plain.headers.get('set-cookie')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe('public, max-age=60');
  });
});
