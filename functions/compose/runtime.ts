import type { Lang } from '../../shared/domain/i18n.ts';
import { parseGoogleEnv } from './env.ts';
import { composeGoogleNodeServices, createNodeGoogleClients } from './google-node.ts';
import { composeLocal } from './local.ts';
import type { Services } from './services.ts';

export interface CliRuntimeOptions {
  local: boolean;
  dir: string | undefined;
  config: string | undefined;
  lang: Lang;
}

/**
 * Services for a one-shot CLI command: local mode when asked for (`--local` or JURI_MODE=local),
 * otherwise Google, configured by the same environment variables as a deployment.
 */
export async function composeForCli(
  o: CliRuntimeOptions,
): Promise<{ services: Services; close(): Promise<void> }> {
  if (o.local || process.env.JURI_MODE === 'local') {
    const rt = await composeLocal({
      dir: o.dir ?? process.env.JURI_DIR ?? '.juri',
      config: o.config,
      lang: o.lang,
    });
    return { services: rt.services, close: () => rt.close() };
  }
  const env = parseGoogleEnv(process.env, { runtime: 'node' });
  const clients = createNodeGoogleClients(env);
  return {
    services: composeGoogleNodeServices(env, clients),
    close: () => clients.firestore.terminate(),
  };
}
