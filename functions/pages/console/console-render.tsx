import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { localName } from '../../../shared/domain/i18n.ts';
import type { SyncRecord } from '../../../shared/ports.ts';
import { findCompetition, isOver, newestFirst } from '../../compose/deployment.ts';
import type { AppEnv } from '../../compose/services.ts';
import { readLifecycle } from '../../lifecycle/lifecycle.ts';
import { recordIntact } from '../../results/published.ts';
import { page } from '../ui/render.tsx';
import { say } from '../ui/strings.ts';
import { type CompetitionSwitch, type ConsolePageId, consolePath } from './console-layout.tsx';
import { type ConsoleData, HasilPage, PenilaianPage, RingkasanPage, SeleksiPage } from './console-pages.tsx';
import { PengaturanPage } from './console-settings.tsx';
import { refusedText } from './dashboard-status.tsx';

/** How many score changes the dashboard lists; the Sheet's "Riwayat Nilai" and the export have more. */
const DASHBOARD_CHANGES = 25;

/** The notice a finished (or refused) sync left in the address. */
function syncNotice(c: Context<AppEnv>, sync: SyncRecord | null): ConsoleData['notice'] {
  const lang = c.get('lang');
  const done = c.req.query('sinkron');
  if (done === 'written' || done === 'unchanged') {
    return { kind: 'ok', text: say(lang, `syncOk_${done}`) };
  }
  if (done !== 'gagal') return undefined;
  const code = c.req.query('kode');
  if (code) return { kind: 'err', text: refusedText(code, lang) };
  const why = sync?.status === 'failed' ? (sync.failure?.text[lang] ?? sync.message ?? '') : '';
  return { kind: 'err', text: `${say(lang, 'syncFailedKeep')} ${why}`.trim() };
}

const PAGES = {
  ringkasan: RingkasanPage,
  seleksi: SeleksiPage,
  penilaian: PenilaianPage,
  hasil: HasilPage,
  pengaturan: PengaturanPage,
} as const;

/** The console pages drawn from ConsoleData (Keadilan has its own, lighter route). */
export type DataPageId = keyof typeof PAGES & ConsolePageId;

/** Reads only the store: a page view never calls Google. */
export async function consolePage(
  c: Context<AppEnv>,
  id: DataPageId,
  extra: Pick<ConsoleData, 'notice'> = {},
  status: ContentfulStatusCode = 200,
) {
  const services = c.get('services');
  const { competition, stores, clock, sheetLink, localForm } = services;
  const [innovations, rejections, sync, versions, fixed, changes, responses, lifecycle] = await Promise.all([
    stores.innovations.listInnovations(),
    stores.archive.listRejections(),
    stores.syncLog.lastSync(),
    stores.records.listVersions(),
    stores.records.latestVersion(),
    stores.changeLog.listScoreChanges(DASHBOARD_CHANGES),
    stores.publicResponses.listPublicResponses(),
    readLifecycle(services),
  ]);
  const tampered = fixed && !(await recordIntact(fixed)) ? fixed.version : null;
  c.header('cache-control', 'no-store');
  const asked = c.req.query('kategori');
  const category = competition.categories.some((k) => k.id === asked) ? asked : undefined;
  const notice = extra.notice ?? syncNotice(c, sync);
  const Page = PAGES[id];
  return page(
    c,
    <Page
      competition={competition}
      lang={c.get('lang')}
      innovations={innovations}
      rejections={rejections}
      sync={sync}
      versions={versions}
      fixed={fixed}
      changes={changes}
      responses={responses}
      lifecycle={lifecycle}
      tampered={tampered}
      now={clock.now()}
      links={{ ...(sheetLink ? { sheet: sheetLink } : {}), ...(localForm ? { localForm } : {}) }}
      category={category}
      listPage={c.req.query('halaman')}
      nonce={c.get('secureHeadersNonce')}
      notice={notice}
      switcher={await competitionSwitch(c)}
    />,
    status,
  );
}

/** Under several competitions: each one's console, newest first, and whether this one is over. */
export async function competitionSwitch(c: Context<AppEnv>): Promise<CompetitionSwitch | undefined> {
  const deployment = c.get('deployment');
  if (deployment.length < 2) return undefined;
  const lang = c.get('lang');
  const services = c.get('services');
  const chosen = findCompetition(deployment, services.competition.id) ?? services;
  return {
    choices: newestFirst(deployment).map(({ competition }) => ({
      id: competition.id,
      name: localName(competition, lang),
      path: `/${encodeURIComponent(competition.id)}/sekretariat`,
    })),
    closed: await isOver(deployment, chosen),
  };
}

/** Where a console form sends its reader back to: a page named in `kembali`, the overview otherwise. */
export function consoleReturn(back: unknown): string {
  return typeof back === 'string' && back in PAGES
    ? consolePath(back as DataPageId)
    : consolePath('ringkasan');
}
