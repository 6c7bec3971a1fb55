import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { secretariatCookie } from '../helpers/services.ts';
import { ARTIFACTS } from './harness.ts';
import { CONSOLE_PAGES, overflows, useSeededRig } from './seeded-rig.ts';

/** The secretariat's console (issue 23): one page per phase, each with its main action above the fold. */
const rig = useSeededRig();

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
  const http = {
    request: (url: string, init?: RequestInit) => fetch(url, { ...init, redirect: 'manual' }),
  };
  const cookie = await secretariatCookie(http, rig.app.url);
  const page = await rig.open(viewport, 'id-ID');
  const [name, value] = cookie.split('=');
  await page.context().addCookies([{ name: name ?? '', value: value ?? '', url: rig.app.url }]);
  return page;
}

/** The page's one main action: its text and where its box ends, in CSS pixels from the top of the window. */
async function mainAction(page: Page): Promise<{ count: number; text: string; bottom: number }> {
  const action = page.locator('[data-main-action]');
  const count = await action.count();
  const box = count === 1 ? await action.boundingBox() : null;
  return {
    count,
    text: count === 1 ? ((await action.textContent())?.trim() ?? '') : '',
    bottom: box ? box.y + box.height : Number.POSITIVE_INFINITY,
  };
}

describe('the console in Chromium', () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`shows each page's main action without scrolling at ${viewport.width}×${viewport.height}`, async () => {
      const page = await signedIn(viewport);
      const seen: Record<string, string> = {};
      for (const path of CONSOLE_PAGES) {
        await page.goto(`${rig.app.url}${path}`);
        expect(new URL(page.url()).pathname, path).toBe(path);
        const name = path.replace(/^\/sekretariat\/?/, '') || 'ringkasan';
        await page.screenshot({ path: new URL(`konsol-${name}-${size}.png`, ARTIFACTS).pathname });
        const action = await mainAction(page);
        expect(action.count, path).toBe(1);
        expect(action.bottom, `${path}: ${action.text}`).toBeLessThanOrEqual(viewport.height);
        expect(await overflows(page), path).toBe(false);
        // The tabs mark this page; the step bar marks the lifecycle's phase (announced, in the seed).
        expect(await page.locator('.tabs [aria-current="page"]').getAttribute('href')).toBe(path);
        expect(await page.locator('.steps [aria-current="step"]').textContent()).toContain('Diumumkan');
        seen[path] = action.text;
      }
      expect(seen['/sekretariat/penilaian']).toBe('Sinkronkan sekarang');
      expect(seen['/sekretariat/hasil']).toBe('Terbitkan ralat');
    });
  }

  it('goes from the overview to the next step by its main action, and back by the tabs', async () => {
    const page = await signedIn(SIZES.phone);
    await page.goto(`${rig.app.url}/sekretariat`);
    await page.locator('[data-main-action]').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sekretariat/hasil');
    await page.locator('.tabs').getByRole('link', { name: 'Ringkasan' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sekretariat');
  });
});
