import { createApp } from '../../functions/app.ts';
import type { Services } from '../../functions/compose/services.ts';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { fixedClock, secretariatCookie } from '../helpers/services.ts';
import { type SheetEnv, scoreFor, seedInnovations, typeScores } from '../sheets/helpers.ts';

export const JUDGING = '2024-12-20T08:00:00+08:00';
const ORIGIN = 'http://localhost';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };

/**
 * 24 entries judged through the Sheet, every stage synced, and the app on a clock the test moves (at
 * JUDGING, before announceAt), signed in as the secretariat: `post` a form, `get` a page, read `json`.
 */
export async function judgedApp(startEnv: () => Promise<SheetEnv>) {
  const env = await startEnv();
  await seedInnovations(env, 24);
  for (const stage of env.services.competition.stages) {
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, stage.id);
    await runSync(env.services, { trigger: 'cli' });
  }
  const clock = fixedClock(JUDGING);
  const services: Services = { ...env.services, clock };
  const app = createApp(() => services);
  const cookie = await secretariatCookie(app, ORIGIN);
  const post = (path: string, fields: Record<string, string> = {}) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { ...FORM, cookie },
      body: new URLSearchParams(fields).toString(),
    });
  const get = async (path: string, withCookie = true) =>
    app.request(path, withCookie ? { headers: { cookie } } : {});
  const json = async (path: string) => (await app.request(path)).json();
  return { env, services, clock, app, cookie, post, get, json };
}
