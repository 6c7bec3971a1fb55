import { parsePhaseKey } from '../../shared/domain/lifecycle.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { phaseName, transitionReason } from '../../shared/messages/lifecycle.ts';
import { formatInstant } from '../../shared/messages/moments.ts';
import { assertWritable } from '../compose/deployment.ts';
import { composeNode } from '../compose/node.ts';
import { movePhase, readLifecycle } from '../lifecycle/lifecycle.ts';
import type { StoreCommandOptions } from './record.ts';

/**
 * `juri phase`: the current phase and its log; `juri phase <to> --reason <text>` moves it (guarded by
 * the domain, logged with by 'cli').
 */
export async function phaseCommand(
  o: StoreCommandOptions & { to: string | undefined; reason: string | undefined },
): Promise<string> {
  const to = o.to === undefined ? undefined : parsePhaseKey(o.to);
  if (to === null) {
    throw new AppError('bad_request', bilingual('cli.phase.unknown', { phase: String(o.to) }));
  }
  const { services, deployment, close } = await composeNode({ env: process.env, ...o });
  try {
    if (to) {
      await assertWritable(deployment, services);
      await movePhase(services, to, o.reason ?? '', 'cli');
    }
    const { competition } = services;
    const { log, phase } = await readLifecycle(services);
    const lines = log.map(
      (e) =>
        `${e.seq}. ${formatInstant(e.at, competition.timezone, o.lang)} · ${phaseName(e.from, competition, o.lang)} → ${phaseName(e.to, competition, o.lang)} · ${e.by} · ${transitionReason(e.reason, o.lang)}`,
    );
    const current = t(o.lang, 'cli.phase.current', { phase: phaseName(phase, competition, o.lang) });
    return [current, ...lines].join('\n');
  } finally {
    await close();
  }
}
