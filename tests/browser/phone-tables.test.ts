import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { secretariatCookie } from '../helpers/services.ts';
import { CONSOLE_PAGES, useSeededRig } from './seeded-rig.ts';

const PHONE = { width: 390, height: 844 };
const rig = useSeededRig();

/** Every non-empty cell of every stacking table that shows no column name before it on a phone. */
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
      '/sekretariat/umpan-balik',
      `/pengumuman/${cid}`,
      `/inovasi/${cid}`,
    ]) {
      await page.goto(`${base}${path}`);
      const tables = await page.locator('table.stk').count();
      const unnamed = await unnamedCells(page);
      if (tables > 0) found[path] = unnamed;
    }
    expect(Object.keys(found).length).toBeGreaterThan(0);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});
