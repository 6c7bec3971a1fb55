import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { secretariatCookie } from '../helpers/services.ts';
import { CONSOLE_PAGES, useSeededRig } from './seeded-rig.ts';

const PHONE = { width: 390, height: 844 };
const rig = useSeededRig();

/**
 * Every non-empty cell of every stacking table that shows no column name before it on a phone, and
 * every other table whose header row is missing or hidden.
 */
async function unnamedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const table of document.querySelectorAll<HTMLTableElement>('table.stk')) {
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
      for (const row of table.querySelectorAll('tbody tr')) {
        [...row.children].forEach((cell, i) => {
          if (!cell.textContent?.trim() || !headers[i]) return;
          // A ranking card is headed by its entry's title, in bold after "#rank": it needs no label.
          if (table.classList.contains('rk-all') && i === 1) return;
          const before = getComputedStyle(cell, '::before').content;
          if (before === 'none' || before === 'normal' || before === '""') {
            out.push(`${table.className} › ${headers[i]}`);
          }
        });
      }
    }
    // A table that stays a table keeps its header row in sight (no stacking, no hidden thead).
    for (const table of document.querySelectorAll<HTMLTableElement>('table:not(.stk)')) {
      if (!table.tBodies[0]?.rows.length) continue;
      const headers = [...table.querySelectorAll<HTMLElement>('thead th')];
      const name = table.className || table.closest('[id]')?.id || 'table';
      // A label-and-value table names each row instead (th scope="row").
      const rowNamed = [...table.tBodies[0].rows].every((r) => r.cells[0]?.matches('th[scope="row"]'));
      if (headers.length === 0 && !rowNamed) out.push(`${name} › no column or row names`);
      for (const th of headers) {
        const box = th.getBoundingClientRect();
        if (box.width < 2 || box.height < 2 || getComputedStyle(th).visibility === 'hidden') {
          out.push(`${name} › ${th.textContent?.trim()} hidden`);
        }
      }
    }
    return [...new Set(out)];
  });
}

describe('tables on a phone (390 px)', () => {
  it('keep their column names on every page a person reads', async () => {
    const base = rig.app.url;
    const cid = rig.services.competition.id;
    const http = {
      request: (url: string, init?: RequestInit) => fetch(url, { ...init, redirect: 'manual' }),
    };
    const cookie = await secretariatCookie(http, base);
    const page = await rig.open(PHONE, 'id-ID');
    const [name, value] = cookie.split('=');
    await page.context().addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
    const found: Record<string, string[]> = {};
    for (const path of [
      ...CONSOLE_PAGES,
      '/sekretariat/seleksi?halaman=2',
      '/sekretariat/keadilan?tahap=final',
      '/sekretariat/berita-acara/1',
      '/sekretariat/umpan-balik',
      `/pengumuman/${cid}`,
      `/pengumuman/${cid}/versi/1`,
      `/inovasi/${cid}`,
      `/inovasi/${cid}/${rig.seeded.innovations[0]?.id}`,
    ]) {
      await page.goto(`${base}${path}`);
      const tables = await page.locator('table').count();
      const unnamed = await unnamedCells(page);
      if (tables > 0) found[path] = unnamed;
    }
    expect(Object.keys(found).length).toBeGreaterThan(0);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});
