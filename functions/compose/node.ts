import type { Lang } from '../../shared/domain/i18n.ts';
import type { Clock } from '../../shared/ports.ts';
import { chooseCompetition } from './deployment.ts';
import { type GoogleEnv, parseGoogleEnv, parseJuriEnv, parseTrustedProxy } from './env.ts';
import { composeGoogleNodeServices, createNodeGoogleClients } from './google-node.ts';
import { composeLocal, type LocalRuntime } from './local.ts';
import type { ClientAddressSource, Deployment, Services } from './services.ts';

export interface NodeComposeOptions {
  /** process.env, or the variables a test hands in. */
  env: Record<string, string | undefined>;
  /** `--local` on the command line; JURI_MODE=local does the same. */
  local?: boolean;
  /** Local mode's folder; JURI_DIR or `.juri` when absent. */
  dir?: string | undefined;
  /** A competition config file, list or folder for local mode; the bundled NTT 2024 config when absent. */
  config?: string | undefined;
  /** `--competition`: the competition `services` is bound to; the default (deployment.ts) when absent. */
  competition?: string | undefined;
  lang: Lang;
  clock?: Clock;
  /** False on a server (Cloud Functions): JURI_MODE=local is then refused, with a message. */
  allowLocal?: boolean;
  /** Cloud Functions: a config shipped with the function (COMPETITION_FILE). */
  bundledCompetition?: unknown;
  /** The runtime's own front end, trusted for the client address unless TRUSTED_PROXY says otherwise. */
  frontEnd?: ClientAddressSource;
}

export type NodeRuntime =
  | ({ mode: 'local' } & LocalRuntime)
  | { mode: 'google'; env: GoogleEnv; services: Services; deployment: Deployment; close(): Promise<void> };

/**
 * The composition root for every Node entry (the CLI, `juri serve`, Cloud Functions): local mode only
 * when asked for explicitly, otherwise Google, configured by the same variables as a deployment.
 */
export async function composeNode(o: NodeComposeOptions): Promise<NodeRuntime> {
  const parseOptions = { runtime: 'node' as const, bundledCompetition: o.bundledCompetition };
  const clientAddress = parseTrustedProxy(o.env, o.frontEnd);
  const local = o.allowLocal !== false && (o.local || parseJuriEnv(o.env, parseOptions).mode === 'local');
  if (local) {
    const rt = await composeLocal({
      dir: o.dir ?? o.env.JURI_DIR ?? '.juri',
      config: o.config,
      competition: o.competition,
      lang: o.lang,
      ...(o.clock ? { clock: o.clock } : {}),
    });
    const addressed = withAddress(rt.deployment, clientAddress);
    return {
      mode: 'local',
      ...rt,
      services: addressed[rt.deployment.indexOf(rt.services)] ?? { ...rt.services, clientAddress },
      deployment: addressed,
      competitions: rt.competitions.map((c, i) => ({ ...c, services: addressed[i] ?? c.services })),
    };
  }
  const env = parseGoogleEnv(o.env, parseOptions);
  const clients = createNodeGoogleClients(env);
  const deployment = withAddress(
    composeGoogleNodeServices(env, clients, o.clock ? { clock: o.clock } : {}),
    clientAddress,
  );
  const services = await chooseCompetition(deployment, o.competition).catch(async (err: unknown) => {
    await clients.firestore.terminate();
    throw err;
  });
  return { mode: 'google', env, services, deployment, close: () => clients.firestore.terminate() };
}

function withAddress(deployment: Deployment, clientAddress: ClientAddressSource): Services[] {
  return deployment.map((services) => ({ ...services, clientAddress }));
}
