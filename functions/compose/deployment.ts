import { competitionYear } from '../../shared/domain/competition.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { readLifecycle } from '../lifecycle/lifecycle.ts';
import type { Deployment, Services } from './services.ts';

/** Newest first: by year, and of one year the later in the config first. */
export function newestFirst(deployment: Deployment): Services[] {
  return deployment
    .map((services, order) => ({ services, order, year: competitionYear(services.competition) }))
    .sort((a, b) => b.year - a.year || b.order - a.order)
    .map((x) => x.services);
}

export function findCompetition(deployment: Deployment, id: string): Services | undefined {
  return deployment.find((s) => s.competition.id === id);
}

/** Announced (or corrected): its result is public and final. */
async function isAnnounced(services: Services): Promise<boolean> {
  const { phase } = await readLifecycle(services);
  return phase.code === 'announced' || phase.code === 'corrected';
}

/**
 * Where a request or a command that names no competition goes: the only one, else the newest whose
 * result is not announced yet (the one at work), else the newest. Asks each lifecycle, never the dates.
 */
export async function defaultCompetition(deployment: Deployment): Promise<Services> {
  // A config is never an empty list (parseCompetitions), so the newest exists.
  const [newest, ...older] = newestFirst(deployment) as [Services, ...Services[]];
  if (older.length === 0) return newest;
  for (const services of [newest, ...older]) if (!(await isAnnounced(services))) return services;
  return newest;
}

/**
 * Over: announced while a newer competition runs in the same deployment. It stays public and takes no
 * write; the newest competition is never over, so a lone one can still be corrected after its
 * announcement.
 */
export async function isOver(deployment: Deployment, services: Services): Promise<boolean> {
  return newestFirst(deployment)[0] !== services && (await isAnnounced(services));
}

/** The competition `id` names, or the default when it names none; an unknown id is refused with the list. */
export async function chooseCompetition(deployment: Deployment, id: string | undefined): Promise<Services> {
  if (id === undefined) return defaultCompetition(deployment);
  const found = findCompetition(deployment, id);
  if (found) return found;
  const known = deployment.map((s) => s.competition.id).join(', ');
  throw new AppError('not_found', bilingual('competitionUnknown', { id, known }));
}

/** Refuses a write to a competition that is over. */
export async function assertWritable(deployment: Deployment, services: Services): Promise<void> {
  if (!(await isOver(deployment, services))) return;
  const { name, nameEn } = services.competition;
  throw new AppError('competition_closed', {
    id: t('id', 'competitionClosed', { name }),
    en: t('en', 'competitionClosed', { name: nameEn ?? name }),
  });
}
