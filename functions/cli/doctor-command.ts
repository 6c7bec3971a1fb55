import type { Lang } from '../../shared/domain/i18n.ts';
import { runDoctor } from './doctor.ts';

/** `juri doctor`: one line per check, ✔ or ✘, in plain words. */
export async function doctorCommand(lang: Lang): Promise<{ ok: boolean; text: string }> {
  const report = await runDoctor(process.env, { lang, runtime: 'node' });
  const lines = report.checks.map((c) => `${c.ok ? '✔' : '✘'} ${c.message}`);
  return { ok: report.ok, text: lines.join('\n') };
}
