import type { Context } from 'hono';
import { competitionYear } from '../../../shared/domain/competition.ts';
import { localName } from '../../../shared/domain/i18n.ts';
import { phaseName } from '../../../shared/messages/lifecycle.ts';
import { newestFirst } from '../../compose/deployment.ts';
import type { AppEnv } from '../../compose/services.ts';
import { readLifecycle } from '../../lifecycle/lifecycle.ts';
import { Layout } from '../ui/layout.tsx';
import { page } from '../ui/render.tsx';
import { sayer } from '../ui/strings.ts';
import { ANNOUNCE_CSS } from '../ui/styles.ts';

/** One row of the root page: what a visitor needs to pick a competition. */
interface Listed {
  id: string;
  name: string;
  year: number;
  phase: string;
}

/**
 * `/` under several competitions: each with its name, year and phase, newest first, linked to its
 * announcement page (which says "not announced yet" until a result is public).
 */
export async function competitionsPage(c: Context<AppEnv>) {
  const lang = c.get('lang');
  const ordered = newestFirst(c.get('deployment'));
  const listed: Listed[] = await Promise.all(
    ordered.map(async (services) => ({
      id: services.competition.id,
      name: localName(services.competition, lang),
      year: competitionYear(services.competition),
      phase: phaseName((await readLifecycle(services)).phase, services.competition, lang),
    })),
  );
  c.header('cache-control', 'public, max-age=60');
  c.header('vary', 'cookie');
  const org = c.get('services').competition.organizer;
  const t = sayer(lang);
  return page(
    c,
    <Layout lang={lang} title={t('competitionsTitle')} org={org} css={ANNOUNCE_CSS} path="/">
      <h1>{t('competitionsTitle')}</h1>
      <p>{t('competitionsIntro')}</p>
      <table class="wide">
        <thead>
          <tr>
            <th scope="col">{t('competitionName')}</th>
            <th scope="col">{t('competitionYear')}</th>
            <th scope="col">{t('competitionPhase')}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((row) => (
            <tr>
              <td>
                <a href={`/pengumuman/${encodeURIComponent(row.id)}`}>{row.name}</a>
              </td>
              <td>{row.year}</td>
              <td>{row.phase}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>,
  );
}
