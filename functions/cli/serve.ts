import type { Lang } from '../../shared/domain/i18n.ts';
import { AppError } from '../../shared/errors.ts';
import { createApp } from '../app.ts';
import { composeLocal, type LocalRuntime } from '../compose/local.ts';
import { composeNode, type NodeRuntime } from '../compose/node.ts';
import type { Services } from '../compose/services.ts';
import { createStopping, type Stopping } from '../compose/stopping.ts';
import { openCopy } from '../demo/open-copy.ts';
import { runScenario } from '../demo/scenario.ts';
import { hostsFor } from '../http/host-check.ts';
import { listen, type RunningServer, untilStopped } from '../http/node-server.ts';

export interface ServeOptions {
  local: boolean;
  dir: string | undefined;
  port: string | undefined;
  config: string | undefined;
  lang: Lang;
}

/**
 * `juri serve`: the app on Node. With --local (npm start) everything runs on this machine and the demo
 * is seeded on first start; without it the same app runs against Google, configured by the environment.
 */
export async function serve(o: ServeOptions): Promise<void> {
  const port = Number(o.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('bad_request', { id: `PORT tidak valid: ${o.port}`, en: `Invalid PORT: ${o.port}` });
  }
  const rt = await composeNode({
    env: process.env,
    local: o.local,
    dir: o.dir,
    config: o.config,
    lang: o.lang,
  });
  // A laptop serves itself only; a server (a container, a VM) serves its network.
  const host = process.env.HOST ?? (rt.mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  // Ctrl+C or SIGTERM while a sync runs: it is stopped and frees its lease before the stores close.
  const stopping = createStopping();
  const { server, amend } = await listenFor({ ...rt.services, stopping }, port, host).catch(
    async (err: unknown) => {
      await rt.close();
      throw err;
    },
  );
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (rt.mode === 'local') await welcomeLocal(rt, server, o.lang, say);
  else say(`juri (Google) — ${rt.services.competition.name} — ${server.url}`);
  // The bundled demo is announced and its registration closed: an open copy beside it takes entries.
  const open =
    rt.mode === 'local' && !o.config ? await startOpenCopy(rt, port, host, o.lang, say, stopping) : undefined;
  // The demo's own form is closed: it sends a visitor on to the copy's, at the address that server serves.
  if (open) amend({ openForm: `${open.server.url}/daftar` });
  say(o.lang === 'en' ? 'Press Ctrl+C to stop.' : 'Tekan Ctrl+C untuk berhenti.');
  await untilStopped();
  await stopping.stop();
  await server.close();
  await open?.server.close();
  // The local Sheets server writes the workbook behind its answers: the last writes reach the file now.
  if (rt.mode === 'local') say(o.lang === 'en' ? 'Saving the workbook…' : 'Menyimpan workbook…');
  await open?.rt.close();
  await rt.close();
}

/**
 * The app over `services`, answering only to the names it is reached by once the port is known;
 * `amend` adds what is learnt later (another server's address).
 */
async function listenFor(
  base: Services,
  port: number,
  host: string,
): Promise<{ server: RunningServer; amend: (more: Partial<Services>) => void }> {
  // Until the port is known, every Host is refused (an empty allow-list), so nothing answers a rebound name.
  let services: Services = { ...base, allowedHosts: [] };
  const server = await listen(createApp(() => services).fetch, port, host).catch((err: unknown) => {
    throw new AppError(
      'internal',
      {
        id: `Port ${port} sudah dipakai atau tidak bisa dibuka.`,
        en: `Port ${port} is in use or cannot be opened.`,
      },
      { cause: err },
    );
  });
  const listening = { hostname: host, port: Number(new URL(server.url).port) };
  const allowedHosts = hostsFor(listening, process.env.JURI_HOSTS);
  services = allowedHosts ? { ...base, allowedHosts } : base;
  return {
    server,
    amend: (more) => {
      services = { ...services, ...more };
    },
  };
}

/**
 * The demo's open copy (functions/demo/open-copy.ts) in its own folder, on the next port: its
 * registration window is open around today, so the local form takes an entry on a first start.
 */
async function startOpenCopy(
  main: Extract<NodeRuntime, { mode: 'local' }>,
  port: number,
  host: string,
  lang: Lang,
  say: (line: string) => void,
  stopping: Stopping,
): Promise<{ rt: LocalRuntime; server: RunningServer }> {
  const copy = openCopy(main.paths.dir, main.services.clock.now());
  const rt = await composeLocal({ dir: copy.dir, config: copy.config, lang, clock: main.services.clock });
  const { server } = await listenFor({ ...rt.services, stopping }, port === 0 ? 0 : port + 1, host).catch(
    async (err: unknown) => {
      await rt.close();
      throw err;
    },
  );
  const en = lang === 'en';
  say('');
  say(
    en
      ? `Open for registration (the demo's copy) — ${rt.services.competition.nameEn ?? rt.services.competition.name}`
      : `Pendaftaran terbuka (salinan demo) — ${rt.services.competition.name}`,
  );
  const rows: [string, string][] = [
    [en ? 'Registration form' : 'Formulir pendaftaran', `${server.url}/daftar`],
    [en ? 'Dashboard' : 'Dasbor', `${server.url}/sekretariat`],
    [en ? 'Admin token' : 'Token admin', rt.services.secrets.adminToken ?? ''],
    [en ? 'Workbook (the Sheet)' : 'Workbook (pengganti Sheet)', rt.paths.workbook],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) say(`  ${`${label}:`.padEnd(width + 2)}${value}`);
  return { rt, server };
}

async function welcomeLocal(
  rt: Extract<NodeRuntime, { mode: 'local' }>,
  server: RunningServer,
  lang: Lang,
  say: (line: string) => void,
) {
  const { competition, stores, secrets } = rt.services;
  const en = lang === 'en';
  if ((await stores.innovations.listInnovations()).length === 0) {
    say(en ? 'First start: seeding the 2024 demo…' : 'Mulai pertama: mengisi data demo 2024…');
    await runScenario(rt, server.url, say);
  }
  say('');
  say(`juri ${en ? 'is running' : 'berjalan'} — ${competition.name}`);
  const rows: [string, string][] = [
    [en ? 'Announcement' : 'Pengumuman', `${server.url}/pengumuman/${competition.id}`],
    [en ? 'Dashboard' : 'Dasbor', `${server.url}/sekretariat`],
    [en ? 'Admin token' : 'Token admin', secrets.adminToken ?? ''],
    [en ? 'Form intake' : 'Intake Form', `POST ${server.url}/intake/form`],
    [en ? 'Registration form (local)' : 'Formulir pendaftaran (lokal)', `${server.url}/daftar`],
    [en ? 'Innovation catalogue' : 'Katalog inovasi', `${server.url}/inovasi/${competition.id}`],
    [en ? 'Workbook (the Sheet)' : 'Workbook (pengganti Sheet)', rt.paths.workbook],
    [en ? 'Database' : 'Basis data', rt.paths.database],
    [en ? 'Local Sheets API' : 'API Sheets lokal', rt.sheetsUrl],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) say(`  ${`${label}:`.padEnd(width + 2)}${value}`);
}
