import type { Lang } from '../../shared/domain/i18n.ts';
import { AppError } from '../../shared/errors.ts';
import { createApp } from '../app.ts';
import { composeNode, type NodeRuntime } from '../compose/node.ts';
import type { Services } from '../compose/services.ts';
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
  // Until the port is known, every Host is refused (an empty allow-list), so nothing answers a rebound name.
  let services: Services = { ...rt.services, allowedHosts: [] };
  const server = await listen(createApp(() => services).fetch, port, host).catch(async (err: unknown) => {
    await rt.close();
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
  services = allowedHosts ? { ...rt.services, allowedHosts } : rt.services;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if (rt.mode === 'local') await welcomeLocal(rt, server, o.lang, say);
  else say(`juri (Google) — ${rt.services.competition.name} — ${server.url}`);
  say(o.lang === 'en' ? 'Press Ctrl+C to stop.' : 'Tekan Ctrl+C untuk berhenti.');
  await untilStopped();
  await server.close();
  // The local Sheets server writes the workbook behind its answers: the last writes reach the file now.
  if (rt.mode === 'local') say(o.lang === 'en' ? 'Saving the workbook…' : 'Menyimpan workbook…');
  await rt.close();
}

async function welcomeLocal(
  rt: Extract<NodeRuntime, { mode: 'local' }>,
  server: RunningServer,
  lang: Lang,
  say: (line: string) => void,
) {
  const { competition, store, secrets } = rt.services;
  const en = lang === 'en';
  if ((await store.listInnovations(competition.id)).length === 0) {
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
