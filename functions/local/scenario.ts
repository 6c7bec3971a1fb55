import { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from '../intake/signature.ts';
import { provisionSheet } from '../scores/provision.ts';
import { runSync } from '../scores/sync.ts';
import type { Services } from '../services.ts';
import type { LocalRuntime } from './compose-local.ts';
import { typeDemoScores } from './demo-jurors.ts';
import { DEMO_INNOVATIONS, demoFormAnswers } from './demo-scenario.ts';

/**
 * Sends the demo innovations through the HTTP intake route exactly as the Apps Script trigger
 * would: signed POSTs to /intake/form.
 */
export async function submitDemoInnovations(services: Services, baseUrl: string): Promise<string[]> {
  const secret = services.secrets.intakeHmac ?? '';
  const ids: string[] = [];
  for (const [index, demo] of DEMO_INNOVATIONS.entries()) {
    const submittedAt = new Date(Date.UTC(2024, 8, 2 + index, 1 + (index % 8), 17)).toISOString();
    const body = JSON.stringify({
      responseId: `ACYDBNdemo${String(index + 1).padStart(3, '0')}`,
      timestamp: submittedAt,
      respondentEmail: `inovasi${index + 1}@pemda.example.go.id`,
      answers: Object.entries(demoFormAnswers(demo, index)).map(([title, value]) => ({
        title,
        values: [value],
      })),
    });
    const timestamp = String(Math.floor(services.clock.now().getTime() / 1000));
    const response = await fetch(`${baseUrl}/intake/form`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: await signBody(secret, timestamp, body),
      },
      body,
    });
    const answer = (await response.json()) as { innovationId?: string; error?: { message: string } };
    if (!response.ok || !answer.innovationId) {
      throw new Error(
        `intake refused demo innovation ${index + 1}: ${response.status} ${answer.error?.message ?? ''}`,
      );
    }
    ids.push(answer.innovationId);
  }
  return ids;
}

/** intake → juror tabs → desk scores → sync → interview tabs → interview scores → sync. */
export async function runScenario(
  rt: LocalRuntime,
  baseUrl: string,
  log: (line: string) => void,
): Promise<void> {
  const { services } = rt;
  const ids = await submitDemoInnovations(services, baseUrl);
  log(`• ${ids.length} inovasi diterima lewat ${baseUrl}/intake/form (${ids[0]} … ${ids.at(-1)})`);
  for (const stage of services.competition.stages) {
    await provisionSheet(services);
    const typed = await typeDemoScores(rt, stage.id);
    const sync = await runSync(services, { trigger: 'cli' });
    log(
      `• ${stage.name}: ${typed} baris nilai diketik juri; sinkronisasi ${sync.status} (${sync.requests.reads} baca, ${sync.requests.writes} tulis)`,
    );
  }
}
