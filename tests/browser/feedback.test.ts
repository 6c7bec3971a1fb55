import { describe, expect, it } from 'vitest';
import { TEST_SECRETS } from '../helpers/services.ts';
import { ARTIFACTS } from './harness.ts';
import { CONTACT_EMAIL, CONTACT_PHONE } from './seed.ts';
import { overflows, useSeededRig } from './seeded-rig.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const BUDGET = 50 * 1024;

const rig = useSeededRig();
const artifact = (name: string) => new URL(name, ARTIFACTS).pathname;

async function signedIn(viewport: { width: number; height: number }) {
  const page = await rig.open(viewport, 'id-ID');
  await page.goto(`${rig.app.url}/sekretariat/masuk`);
  await page.getByLabel('Token admin').fill(TEST_SECRETS.adminToken ?? '');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${rig.app.url}/sekretariat`);
  return page;
}

describe('a feedback sheet in Chromium', () => {
  it('is reached from the dashboard, reads on a phone, and prints on one A4 page', async () => {
    const page = await signedIn(PHONE);
    await page.getByRole('link', { name: 'Lembar umpan balik' }).click();
    const winner = rig.seeded.result.final.ranking[0]?.id ?? '';
    await page.locator(`a[href="/sekretariat/umpan-balik/${winner}"]`).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Lembar Umpan Balik');
    const res = await page.request.get(page.url());
    expect((await res.body()).length).toBeLessThan(BUDGET);
    expect(await overflows(page)).toBe(false);
    const html = await page.content();
    for (const juror of rig.services.competition.jurors) expect(html).not.toContain(juror.name);
    for (let i = 1; i <= rig.seeded.innovations.length; i++) {
      expect(html).not.toContain(CONTACT_PHONE(i));
      expect(html).not.toContain(CONTACT_EMAIL(i));
    }
    await page.screenshot({ path: artifact('umpan-balik-390.png'), fullPage: true });
    const pdf = await page.pdf({ path: artifact('umpan-balik.pdf'), format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  it('reads on a desktop', async () => {
    const page = await signedIn(DESKTOP);
    await page.goto(`${rig.app.url}/sekretariat/umpan-balik/${rig.seeded.result.final.ranking[1]?.id}`);
    expect(await overflows(page)).toBe(false);
    await page.screenshot({ path: artifact('umpan-balik-desktop.png'), fullPage: true });
  });
});
