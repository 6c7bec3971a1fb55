import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from './harness.ts';
import { containsPii, overflows, useSeededRig } from './seeded-rig.ts';

const CID = 'koin-yanlik-ntt-2024';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const BUDGET = 50 * 1024;

const rig = useSeededRig();
const artifact = (name: string) => new URL(name, ARTIFACTS).pathname;

describe('the public catalogue in Chromium', () => {
  it('filters as one types, without a round trip, in Indonesian on an English phone', async () => {
    const page = await rig.open(PHONE, 'en-US');
    const res = await page.goto(`${rig.app.url}/inovasi/${CID}`);
    expect(((await res?.body()) ?? Buffer.alloc(0)).length).toBeLessThan(BUDGET);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    const consented = rig.seeded.innovations.filter((i) => i.details?.consent === 'Ya, setuju');
    const visible = () => page.locator('#daftar-inovasi > li:not([hidden])').count();
    expect(await visible()).toBe(consented.length);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByLabel('Cari judul atau instansi').fill('posyandu');
    const posyandu = consented.filter((i) => /posyandu/i.test(i.title)).length;
    await expect.poll(visible).toBe(posyandu);
    expect(await page.locator('#jumlah').textContent()).toBe(`${posyandu} inovasi ditampilkan`);
    await page.getByLabel('Cari judul atau instansi').fill('');
    await page.getByLabel('Wilayah').selectOption('Alor');
    await expect.poll(visible).toBe(consented.filter((i) => i.region === 'Alor').length);
    expect(requests).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
    expect(await overflows(page)).toBe(false);
    expect(containsPii(await page.content(), rig.seeded)).toBe(false);
    await page.screenshot({ path: artifact('katalog-390.png'), fullPage: true });

    await page.locator('#daftar-inovasi > li:not([hidden]) a').first().click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Ringkasan' }).count()).toBe(1);
    expect(await overflows(page)).toBe(false);
    expect(containsPii(await page.content(), rig.seeded)).toBe(false);
    await page.screenshot({ path: artifact('katalog-inovasi-390.png'), fullPage: true });
  });

  it('reads well on a desktop', async () => {
    const page = await rig.open(DESKTOP, 'en-US');
    await page.goto(`${rig.app.url}/inovasi/${CID}`);
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: artifact('katalog-desktop.png'), fullPage: true });
  });
});
