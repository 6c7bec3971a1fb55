import type { Lang } from '../../shared/domain/i18n.ts';
import { AppError } from '../../shared/errors.ts';
import { composeLocal } from '../compose/local.ts';
import { runScenario } from '../demo/scenario.ts';
import { listen } from './demo.ts';

export interface ServeOptions {
  local: boolean;
  dir: string | undefined;
  port: string | undefined;
  config: string | undefined;
  lang: Lang;
}

/** `juri serve --local` (npm start): the whole app on this machine, seeded with the demo on first start. */
export async function serve(o: ServeOptions): Promise<void> {
  if (!o.local && process.env.JURI_MODE !== 'local') {
    const { serveGoogle } = await import('./serve-google.ts');
    return serveGoogle(o);
  }
  const port = Number(o.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('bad_request', { id: `PORT tidak valid: ${o.port}`, en: `Invalid PORT: ${o.port}` });
  }
  const rt = await composeLocal({
    dir: o.dir ?? process.env.JURI_DIR ?? '.juri',
    config: o.config,
    lang: o.lang,
  });
  const host = process.env.HOST ?? '127.0.0.1';
  const server = await listen(rt, port, host).catch(async (err: unknown) => {
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
  const { competition, store, secrets } = rt.services;
  const say = (line: string) => process.stdout.write(`${line}\n`);
  if ((await store.listInnovations(competition.id)).length === 0) {
    say(o.lang === 'en' ? 'First start: seeding the 2024 demo…' : 'Mulai pertama: mengisi data demo 2024…');
    await runScenario(rt, server.url, say);
  }
  const en = o.lang === 'en';
  say('');
  say(`juri ${en ? 'is running' : 'berjalan'} — ${competition.name}`);
  const rows: [string, string][] = [
    [en ? 'Announcement' : 'Pengumuman', `${server.url}/pengumuman/${competition.id}`],
    [en ? 'Dashboard' : 'Dasbor', `${server.url}/sekretariat`],
    [en ? 'Admin token' : 'Token admin', secrets.adminToken ?? ''],
    [en ? 'Form intake' : 'Intake Form', `POST ${server.url}/intake/form`],
    [en ? 'Workbook (the Sheet)' : 'Workbook (pengganti Sheet)', rt.paths.workbook],
    [en ? 'Database' : 'Basis data', rt.paths.database],
    [en ? 'Local Sheets API' : 'API Sheets lokal', rt.sheetsUrl],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) say(`  ${`${label}:`.padEnd(width + 2)}${value}`);
  say(en ? 'Press Ctrl+C to stop.' : 'Tekan Ctrl+C untuk berhenti.');
  await new Promise<void>((done) => {
    const stop = async () => {
      await server.close();
      await rt.close();
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
