import { type Context, Hono } from 'hono';
import { parsePhaseKey, phaseKey } from '../../../shared/domain/lifecycle.ts';
import type { TieDecision } from '../../../shared/domain/ties.ts';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { bilingual } from '../../../shared/messages/catalogue/t.ts';
import { phaseName } from '../../../shared/messages/lifecycle.ts';
import { versionParam } from '../../announce/routes.ts';
import type { AppEnv } from '../../compose/services.ts';
import { acceptLateEntry } from '../../intake/late-entry.ts';
import { movePhase } from '../../lifecycle/lifecycle.ts';
import { exportRecord } from '../../results/export.ts';
import { fixResult } from '../../results/fix.ts';
import { provisionSheet } from '../../scores/provision.ts';
import { BeritaAcaraPage } from '../record/berita-acara-page.tsx';
import { page } from '../ui/render.tsx';
import { say } from '../ui/strings.ts';
import { consolePage, type DataPageId } from './console-render.tsx';
import { requireSession, requireSessionPage } from './session.ts';

/** The secretariat's result actions: penetapan, ralat, confirmation, late entries, the Berita Acara, export. */
export const resultPagesRoutes = new Hono<AppEnv>();

type Form = Record<string, unknown>;

function field(form: Form, key: string): string {
  const v = form[key];
  return typeof v === 'string' ? v : '';
}

/** `tie-<rank>-order` (ids separated by commas, spaces or new lines) and `tie-<rank>-note`. */
export function tieDecisionsOf(form: Form): TieDecision[] {
  const out: TieDecision[] = [];
  for (const key of Object.keys(form)) {
    const m = /^tie-(\d+)-order$/.exec(key);
    if (!m) continue;
    const order = field(form, key)
      .split(/[\s,;>]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    if (order.length === 0) continue;
    out.push({ rank: Number(m[1]), order, note: field(form, `tie-${m[1]}-note`).trim() });
  }
  return out.sort((a, b) => a.rank - b.rank);
}

/**
 * A POST that changes something: refused without the ticked confirmation, unless it is safe to repeat
 * (`repeatable`); an expected failure shows why, on the console page that holds the form.
 */
async function action(
  c: Context<AppEnv>,
  from: DataPageId,
  work: (form: Form) => Promise<string>,
  { repeatable = false } = {},
) {
  const lang = c.get('lang');
  try {
    const form = await c.req.parseBody();
    if (!repeatable && field(form, 'confirm') !== 'yes') {
      throw new AppError('bad_request', bilingual('error.confirmUnticked'));
    }
    return c.redirect(await work(form), 303);
  } catch (err) {
    if (!isAppError(err)) throw err;
    return consolePage(
      c,
      from,
      { notice: { kind: 'err', text: say(lang, 'actionFailed', { message: err.messageIn(lang) }) } },
      err.status,
    );
  }
}

/** The ticked `exclude-<id>` boxes, each with its `exclude-<id>-reason`. */
function exclusionsOf(form: Form): { id: string; reason: string }[] {
  return Object.keys(form)
    .filter((key) => key.startsWith('exclude-') && !key.endsWith('-reason') && field(form, key) === 'yes')
    .map((key) => {
      const id = key.slice('exclude-'.length);
      return { id, reason: field(form, `${key}-reason`) };
    });
}

resultPagesRoutes.post('/sekretariat/tetapkan', requireSession(), (c) =>
  action(c, 'hasil', async (form) => {
    const record = await fixResult(c.get('services'), {
      reason: field(form, 'reason'),
      tieDecisions: tieDecisionsOf(form),
      confirm: field(form, 'mode') === 'confirm',
      exclusions: exclusionsOf(form),
      ...(field(form, 'absent-ack') === 'yes'
        ? { acknowledgeAbsent: { by: field(form, 'absent-by'), reason: field(form, 'absent-reason') } }
        : {}),
    });
    return `/sekretariat/hasil?tetap=${record.version}#penetapan`;
  }),
);

resultPagesRoutes.post('/sekretariat/terima-terlambat', requireSession(), (c) =>
  action(c, 'seleksi', async (form) => {
    const { innovation } = await acceptLateEntry(
      c.get('services'),
      field(form, 'responseId'),
      field(form, 'reason'),
      { correctionAcknowledged: field(form, 'correction') === 'yes' },
    );
    return `/sekretariat/seleksi?diterima=${encodeURIComponent(innovation.id)}#ditolak`;
  }),
);

/** The Seleksi tab and the juror tabs; idempotent, so it serves again after new or late entries. */
resultPagesRoutes.post('/sekretariat/siapkan-tab', requireSession(), (c) =>
  action(
    c,
    'penilaian',
    async (form) => {
      const report = await provisionSheet(c.get('services'));
      const first = report.stages[0]?.innovations ?? 0;
      const rows = report.stages.reduce((sum, stage) => sum + stage.rows, 0);
      const back = field(form, 'kembali') === 'seleksi' ? 'seleksi' : 'penilaian';
      return `/sekretariat/${back}?tabsiap=${first}-${rows}#siapkan-tab`;
    },
    { repeatable: true },
  ),
);

resultPagesRoutes.post('/sekretariat/tahap', requireSession(), (c) =>
  action(c, 'ringkasan', async (form) => {
    const to = parsePhaseKey(field(form, 'to'));
    if (!to) {
      throw new AppError('bad_request', bilingual('error.unknownPhase'));
    }
    const moved = await movePhase(c.get('services'), to, field(form, 'reason'), 'secretariat');
    return `/sekretariat?tahap=${encodeURIComponent(phaseKey(moved.to))}#status`;
  }),
);

resultPagesRoutes.get('/sekretariat/berita-acara/:version', requireSessionPage(), async (c) => {
  const { stores } = c.get('services');
  const record = await stores.records.getVersion(versionParam(c.req.param('version')));
  if (!record) throw new AppError('not_found', bilingual('error.resultVersionNotFound'));
  c.header('cache-control', 'no-store');
  return page(c, <BeritaAcaraPage record={record} lang={c.get('lang')} path={c.req.path} />);
});

/** The record of a version and every version before it, as `juri export-record` writes it. */
resultPagesRoutes.get('/sekretariat/rekaman/:version', requireSessionPage(), async (c) => {
  const { competition, stores } = c.get('services');
  const version = versionParam(c.req.param('version'));
  const file = await exportRecord(stores.records, competition, version);
  c.header('cache-control', 'no-store');
  c.header('content-disposition', `attachment; filename="juri-rekaman-${competition.id}-v${version}.json"`);
  return c.body(JSON.stringify(file, null, 1), 200, { 'content-type': 'application/json; charset=utf-8' });
});

/** The notice after a redirect from one of the actions above. */
export function resultNotice(c: Context<AppEnv>): string | undefined {
  const lang = c.get('lang');
  const fixed = c.req.query('tetap');
  if (fixed) return say(lang, 'fixedDone', { n: fixed });
  const late = c.req.query('diterima');
  if (late) return say(lang, 'lateDone', { id: late });
  const tabs = /^(\d+)-(\d+)$/.exec(c.req.query('tabsiap') ?? '');
  if (tabs) return say(lang, 'tabsReady', { innovations: tabs[1] ?? '', rows: tabs[2] ?? '' });
  const phase = parsePhaseKey(c.req.query('tahap') ?? '');
  if (phase) {
    return say(lang, 'phaseMoved', { phase: phaseName(phase, c.get('services').competition, lang) });
  }
  return undefined;
}
