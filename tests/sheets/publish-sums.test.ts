import { describe, expect, it } from 'vitest';
import { provisionSheet } from '../../functions/scores/provision.ts';
import { runSync } from '../../functions/scores/sync.ts';
import { emptyBook, getCell } from '../../infra/local-sheets/model.ts';
import { applyRequests } from '../../infra/local-sheets/structure.ts';
import { type PublishMeta, stageRequests, swapRequests } from '../../infra/sheets/publish-plan.ts';
import { comparedWith, contentSums, REWRITE_EVERY } from '../../infra/sheets/publish-sums.ts';
import type { OutputTab } from '../../shared/sheet/output-tab.ts';
import { type SheetEnv, scoreFor, seedInnovations, sheetEnvsClosedAfterEach, typeScores } from './helpers.ts';

/**
 * A live output tab whose content did not change is left as it is: after a one-cell edit a publish
 * writes only the tabs whose content moved. Whatever is left, the workbook must read as if every tab had
 * been written whole.
 */

type Book = ReturnType<typeof emptyBook>;

function tab(key: string, title: string, rows: (string | number)[][]): OutputTab {
  return { key, title, header: [['a', 'b']], rows, widths: [120, 80] };
}

async function publish(book: Book, meta: PublishMeta, tabs: OutputTab[]) {
  const sums = await contentSums(tabs);
  const staged = stageRequests(comparedWith(meta), tabs, sums);
  applyRequests(book, staged.requests);
  const swap = swapRequests(staged.meta, tabs, sums);
  applyRequests(book, swap.requests);
  return { meta: swap.meta, staged: staged.requests };
}

/** The visible tabs in their order, each with its sheet id and first body row. */
function shown(book: Book) {
  return book.sheets
    .filter((s) => !s.properties.hidden && s.properties.title !== 'Sheet1')
    .sort((a, b) => a.properties.index - b.properties.index)
    .map((s) => ({
      id: s.properties.sheetId,
      title: s.properties.title,
      first: [0, 1].map((c) => {
        const v = getCell(s, 1, c)?.userEnteredValue;
        return v?.stringValue ?? v?.numberValue ?? '';
      }),
    }));
}

describe('output tabs whose content did not change', () => {
  it('stay as they are, in their place, while the changed ones are written again', async () => {
    const book = emptyBook('sums-test', 'juri');
    applyRequests(book, [{ addSheet: { properties: { sheetId: 9, title: '_juri', hidden: true } } }]);
    let meta: PublishMeta = { v: 1, gen: 0, next: 100, metaId: 9, live: {}, staging: {} };
    const rank = (total: number) => tab('rank', 'Peringkat', [['INOV-1', total]]);
    const notes = (title: string) => tab('notes', title, [['none', 0]]);
    meta = (await publish(book, meta, [rank(70), notes('Catatan')])).meta;
    const before = shown(book);

    const edited = await publish(book, meta, [rank(71), notes('Catatan')]);
    expect(edited.staged.filter((r) => r.addSheet)).toHaveLength(1);
    const after = shown(book);
    expect(after.map((t) => t.title)).toEqual(['Peringkat', 'Catatan']);
    expect(after[0]?.id).not.toBe(before[0]?.id);
    expect(after[0]?.first).toEqual(['INOV-1', 71]);
    expect(after[1]).toEqual(before[1]);

    // Anything it shows (here the title, as another language would) writes it again.
    await publish(book, edited.meta, [rank(71), notes('Notes')]);
    const renamed = shown(book);
    expect(renamed.map((t) => t.title)).toEqual(['Peringkat', 'Notes']);
    expect(renamed[0]?.id).toBe(after[0]?.id);
    expect(renamed[1]?.id).not.toBe(after[1]?.id);
  });
});

describe('output tabs left as they are', () => {
  it('are written whole again once every REWRITE_EVERY publishes, so a cell typed by hand goes', async () => {
    const book = emptyBook('sums-test', 'juri');
    applyRequests(book, [{ addSheet: { properties: { sheetId: 9, title: '_juri', hidden: true } } }]);
    let meta: PublishMeta = { v: 1, gen: 0, next: 100, metaId: 9, live: {}, staging: {} };
    const tabs = [tab('notes', 'Catatan', [['none', 0]])];
    const staged: number[] = [];
    for (let n = 0; n < 2 * REWRITE_EVERY + 1; n++) {
      const sent = await publish(book, meta, tabs);
      if (sent.staged.some((r) => r.addSheet)) staged.push(meta.gen);
      meta = sent.meta;
    }
    expect(staged).toEqual([0, REWRITE_EVERY - 1, 2 * REWRITE_EVERY - 1]);
  });
});

describe('a sync after a one-cell edit', () => {
  const startEnv = sheetEnvsClosedAfterEach();

  it('rewrites the ranking it moved, keeps the rest, and rebuilds a kept tab someone deleted', async () => {
    const env = await startEnv();
    await seedInnovations(env, 4);
    await provisionSheet(env.services);
    await typeScores(env, scoreFor, 'desk');
    await runSync(env.services, { trigger: 'cli' });
    const edit = (value: string) =>
      typeScores(
        env,
        (s, j, i, c) => (j === 'j1' && i === 'INOV-2024-001' && c === 0 ? value : scoreFor(s, j, i, c)),
        'desk',
      );
    const first = await liveTabs(env);
    const valuesBefore = await env.server.snapshot();
    await edit('1');
    await runSync(env.services, { trigger: 'scheduled' });
    const second = await liveTabs(env);
    const moved = Object.keys(second).filter((title) => second[title] !== first[title]);
    expect(moved).toContain('» Peringkat Penilaian Proposal');
    expect(moved).not.toContain('» Ditolak');
    expect(moved.length).toBeLessThan(Object.keys(first).length / 2);
    const valuesAfter = await env.server.snapshot();
    const desk = (tabs: typeof valuesAfter) => tabs.find((t) => t.title.includes('Penilaian Proposal'));
    expect(desk(valuesAfter)?.values).not.toEqual(desk(valuesBefore)?.values);

    // Someone deletes a tab the next publish would have kept: it is written whole again.
    const keptTitle = '» Ditolak';
    const kept = valuesAfter.find((t) => t.title === keptTitle);
    await env.client.spreadsheets.batchUpdate({
      spreadsheetId: env.server.spreadsheetId,
      requestBody: { requests: [{ deleteSheet: { sheetId: second[keptTitle] ?? null } }] },
    });
    await edit('2');
    await runSync(env.services, { trigger: 'scheduled' });
    const rebuilt = (await env.server.snapshot()).find((t) => t.title === keptTitle);
    expect(rebuilt?.values).toEqual(kept?.values);
  });
});

/** Each visible output tab's sheet id, by title. */
async function liveTabs(env: SheetEnv): Promise<Record<string, number>> {
  const book = await env.client.spreadsheets.get({ spreadsheetId: env.server.spreadsheetId });
  return Object.fromEntries(
    (book.data.sheets ?? [])
      .map((s) => s.properties ?? {})
      .filter((p) => !p.hidden && p.title?.startsWith('»'))
      .map((p) => [p.title ?? '', p.sheetId ?? -1]),
  );
}
