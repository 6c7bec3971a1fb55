import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { openSqliteStore } from '../../infra/local/sqlite-store.ts';
import { secretariatCookie, testServices } from '../helpers/services.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };

describe('an address nobody serves', () => {
  const store = openSqliteStore(':memory:');
  const app = createApp(() => testServices({ store }));

  for (const path of [
    '/pengumuman/koin-yanlik-ntt-2024/tidak-ada',
    '/sekretariat/tidak-ada',
    '/salah-ketik',
  ]) {
    it(`gives a person a page in Indonesian with a way back: ${path}`, async () => {
      const res = await app.request(path, { headers: HTML });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      const body = await res.text();
      expect(body).toContain('<html lang="id"');
      expect(body).toContain('Halaman tidak ditemukan');
      expect(body).toContain('href="/"');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    });
  }

  for (const path of [
    '/sekretariat/berita-acara/99',
    '/sekretariat/rekaman/99',
    '/sekretariat/umpan-balik/TIDAK-ADA',
  ]) {
    it(`gives the signed-in secretariat a page, saying what is missing: ${path}`, async () => {
      const cookie = await secretariatCookie(app);
      const res = await app.request(path, { headers: { ...HTML, cookie } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      const body = await res.text();
      expect(body).toContain('Halaman tidak ditemukan');
      // What is missing, in words, above the general line and the way back.
      expect(body).toMatch(/<h1>Halaman tidak ditemukan<\/h1><p>(Versi|Lembar|Belum ada hasil)[^<]+<\/p><p>/);
    });
  }

  it('sends an address typed with a trailing slash to the page without it', async () => {
    const res = await app.request('/sekretariat/', { headers: HTML });
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location') ?? '').pathname).toBe('/sekretariat');
  });

  it('speaks English when the reader chose it', async () => {
    const res = await app.request('/salah-ketik?lang=en', { headers: HTML });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });

  for (const path of ['/api/tidak-ada', '/intake/tidak-ada', '/salah-ketik']) {
    it(`keeps the JSON error for a program: ${path}`, async () => {
      const res = await app.request(path, { headers: { accept: 'application/json' } });
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBe('not_found');
    });
  }
});
