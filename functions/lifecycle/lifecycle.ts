import { judgingIsComplete } from '../../shared/domain/announcement.ts';
import {
  currentPhase,
  isPublishing,
  type LifecycleFacts,
  type LifecyclePhase,
  type LifecycleTransition,
  phasesAfterFixing,
  transitionProblem,
} from '../../shared/domain/lifecycle.ts';
import type { ResultRecord } from '../../shared/domain/record.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import { transitionProblemText } from '../../shared/messages/lifecycle.ts';
import type { Services } from '../compose/services.ts';

/** Appending loses only to a concurrent move; past this many, the log is changing too fast to follow. */
const APPEND_ATTEMPTS = 3;

export interface LifecycleState {
  log: LifecycleTransition[];
  phase: LifecyclePhase;
}

/** The log and the phase it puts the competition in: what every surface asks. */
export async function readLifecycle({ stores }: Services): Promise<LifecycleState> {
  const log = await stores.lifecycle.listTransitions();
  return { log, phase: currentPhase(log) };
}

/** The guards' facts: the config, the latest fixed version and (for a move into fixing) the last sync. */
export async function lifecycleFacts(services: Services, needsJudging: boolean): Promise<LifecycleFacts> {
  const { stores, competition } = services;
  const [versions, sync] = await Promise.all([
    stores.records.listVersions(),
    needsJudging ? stores.syncLog.lastSync() : null,
  ]);
  const latest = versions.at(-1);
  return {
    stages: competition.stages.map((s) => s.id),
    selection: competition.selection !== undefined,
    publicTest: competition.publicTest !== undefined,
    latest: latest ? { version: latest.version, status: latest.status } : null,
    judgingComplete: sync?.result !== undefined && judgingIsComplete(sync.result),
  };
}

/**
 * An explicit move (the dashboard's form, `juri phase <to>`): guarded by the domain, then logged under
 * the next number. A refusal is an AppError 'conflict' that says why.
 */
export async function movePhase(
  services: Services,
  to: LifecyclePhase,
  reason: string,
  by: string,
): Promise<LifecycleTransition> {
  const { log } = await readLifecycle(services);
  const facts = await lifecycleFacts(services, to.code === 'fixing');
  const problem = transitionProblem(log, to, reason, facts);
  if (problem) {
    throw new AppError('conflict', {
      id: transitionProblemText(problem, 'id'),
      en: transitionProblemText(problem, 'en'),
    });
  }
  const published = isPublishing(to) && facts.latest ? { version: facts.latest.version } : {};
  const transition: LifecycleTransition = {
    seq: log.length + 1,
    from: currentPhase(log),
    to,
    at: services.clock.now().toISOString(),
    by,
    reason: reason.trim().slice(0, 2000),
    ...published,
  };
  if (!(await services.stores.lifecycle.appendTransition(transition))) throw movedMeanwhile();
  return transition;
}

/**
 * The moves a newly fixed version implies (functions/results/fix.ts): into fixing when judging was
 * still open, then into the public test (provisional), announced (final) or corrected (a new version of
 * an announced result). Logged with by 'fix' and the reason `fix:v<n>`; the version itself holds the
 * secretariat's words.
 */
export async function followFixing(services: Services, record: ResultRecord): Promise<void> {
  for (let attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
    const { log, phase } = await readLifecycle(services);
    let from = phase;
    let seq = log.length;
    let lost = false;
    for (const to of phasesAfterFixing(phase, record.status)) {
      const transition: LifecycleTransition = {
        seq: ++seq,
        from,
        to,
        at: record.fixedAt,
        by: 'fix',
        reason: `fix:v${record.version}`,
        ...(isPublishing(to) ? { version: record.version } : {}),
      };
      if (!(await services.stores.lifecycle.appendTransition(transition))) {
        lost = true;
        break;
      }
      from = to;
    }
    if (!lost) return;
  }
  throw movedMeanwhile();
}

function movedMeanwhile(): AppError {
  return new AppError('conflict', bilingual('error.phaseChangedElsewhere'));
}
