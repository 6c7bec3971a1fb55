import { type Lang, localName } from '../../shared/domain/i18n.ts';
import { intakeState } from '../../shared/domain/timeline.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual, t } from '../../shared/messages/catalogue/t.ts';
import { phaseName } from '../../shared/messages/lifecycle.ts';
import { createApp } from '../app.ts';
import { newestFirst } from '../compose/deployment.ts';
import type { LocalCompetition } from '../compose/local.ts';
import { composeNode, type NodeRuntime } from '../compose/node.ts';
import { type Deployment, systemClock } from '../compose/services.ts';
import { createStopping } from '../compose/stopping.ts';
import { ensureOpenYear } from '../demo/open-year.ts';
import { runScenario } from '../demo/scenario.ts';
import { hostsFor } from '../http/host-check.ts';
import { listen, type RunningServer, untilStopped } from '../http/node-server.ts';
import { readLifecycle } from '../lifecycle/lifecycle.ts';

export interface ServeOptions {
  local: boolean;
  dir: string | undefined;
  port: string | undefined;
  config: string | undefined;
  lang: Lang;
}

/**
 * `juri serve`: the app on Node. With --local (npm start) everything runs on this machine; without a
 * config it serves the bundled 2024 demo (seeded on first start) and an open year beside it, whose form
 * takes entries; without --local the same app runs against Google, configured by the environment.
 */
export async function serve(o: ServeOptions): Promise<void> {
  const port = Number(o.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('bad_request', bilingual('cli.serve.badPort', { port: String(o.port) }));
  }
  const dir = o.dir ?? process.env.JURI_DIR ?? '.juri';
  if (o.local && !o.config) ensureOpenYear(dir, systemClock.now());
  const rt = await composeNode({ env: process.env, local: o.local, dir, config: o.config, lang: o.lang });
  // A laptop serves itself only; a server (a container, a VM) serves its network.
  const host = process.env.HOST ?? (rt.mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  // Ctrl+C or SIGTERM while a sync runs: it is stopped and frees its lease before the stores close.
  const stopping = createStopping();
  const deployment = rt.deployment.map((services) => ({ ...services, stopping }));
  const server = await listenFor(deployment, port, host).catch(async (err: unknown) => {
    await rt.close();
    throw err;
  });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (rt.mode === 'local') await welcomeLocal(rt, server, o.lang, say);
  else say(`juri (Google) — ${rt.deployment.map((s) => s.competition.name).join(', ')} — ${server.url}`);
  say(t(o.lang, 'cli.serve.pressCtrlC'));
  await untilStopped();
  await stopping.stop();
  await server.close();
  // The local Sheets server writes the workbook behind its answers: the last writes reach the file now.
  if (rt.mode === 'local') say(t(o.lang, 'cli.serve.savingWorkbook'));
  await rt.close();
}

/** The app over the deployment, answering only to the names it is reached by once the port is known. */
async function listenFor(base: Deployment, port: number, host: string): Promise<RunningServer> {
  // Until the port is known, every Host is refused (an empty allow-list), so nothing answers a rebound name.
  let deployment: Deployment = base.map((services) => ({ ...services, allowedHosts: [] }));
  const server = await listen(createApp(() => deployment).fetch, port, host).catch((err: unknown) => {
    throw new AppError('internal', bilingual('cli.serve.portUnavailable', { port }), { cause: err });
  });
  const listening = { hostname: host, port: Number(new URL(server.url).port) };
  const allowedHosts = hostsFor(listening, process.env.JURI_HOSTS);
  deployment = allowedHosts ? base.map((services) => ({ ...services, allowedHosts })) : base;
  return server;
}

async function welcomeLocal(
  rt: Extract<NodeRuntime, { mode: 'local' }>,
  server: RunningServer,
  lang: Lang,
  say: (line: string) => void,
) {
  const several = rt.competitions.length > 1;
  // The bundled demo (the config's first) is seeded once, through its own address under several.
  const [demo] = rt.competitions;
  if (demo && (await demo.services.stores.innovations.listInnovations()).length === 0) {
    say(t(lang, 'cli.serve.seedingDemo'));
    const base = several ? `${server.url}/${encodeURIComponent(demo.services.competition.id)}` : server.url;
    await runScenario(demo, base, say);
  }
  say('');
  say(t(lang, 'cli.serve.running', { url: server.url }));
  const { secrets } = rt.services;
  printRows(say, [
    [t(lang, 'cli.serve.competitions'), `${server.url}/`],
    [t(lang, 'cli.serve.adminToken'), secrets.adminToken ?? ''],
    [t(lang, 'cli.serve.database'), rt.paths.database],
  ]);
  for (const local of newestFirst(rt.deployment)) {
    const entry = rt.competitions.find((c) => c.services === local);
    if (entry) await welcomeCompetition(entry, server.url, several, lang, say);
  }
}

/** One competition's addresses: under several, the console and the form carry its id. */
async function welcomeCompetition(
  local: LocalCompetition,
  url: string,
  several: boolean,
  lang: Lang,
  say: (line: string) => void,
) {
  const { competition, clock } = local.services;
  const id = encodeURIComponent(competition.id);
  const own = several ? `${url}/${id}` : url;
  const { phase } = await readLifecycle(local.services);
  say('');
  say(`${localName(competition, lang)} — ${phaseName(phase, competition, lang)}`);
  const open = intakeState(competition, clock.now()) === 'open';
  printRows(say, [
    [t(lang, 'cli.serve.announcement'), `${url}/pengumuman/${id}`],
    [t(lang, 'cli.serve.dashboard'), `${own}/sekretariat`],
    [t(lang, 'cli.serve.formIntake'), `POST ${own}/intake/form`],
    [t(lang, open ? 'cli.serve.registrationOpen' : 'cli.serve.registrationLocal'), `${own}/daftar`],
    [t(lang, 'cli.serve.catalogue'), `${url}/inovasi/${id}`],
    [t(lang, 'cli.serve.workbook'), local.paths.workbook],
    [t(lang, 'cli.serve.sheetsApi'), local.sheetsUrl],
  ]);
}

function printRows(say: (line: string) => void, rows: [string, string][]) {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) say(`  ${`${label}:`.padEnd(width + 2)}${value}`);
}
