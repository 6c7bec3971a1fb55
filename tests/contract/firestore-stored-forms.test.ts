import { describe, expect, it } from 'vitest';
import { joinCellTabs, planCellTabs } from '../../infra/firestore/cell-tab-documents.ts';
import { joinChangeChunks, planChangeChunks } from '../../infra/firestore/change-lists.ts';
import { competitionPath, type DocumentWrite, type Fields } from '../../infra/firestore/document-backend.ts';
import { scoreChange } from './store-fixtures.ts';

const docsOf = (writes: readonly DocumentWrite[]): (Fields | null)[] =>
  writes.map((w) => ('fields' in w ? w.fields : null));

describe('what the Firestore adapter stores for a sync, and the forms stored before it', () => {
  it('stores a change list packed, and reads a list of objects stored before as it was', async () => {
    const changes = [
      scoreChange('sync-000000002', 0),
      scoreChange('sync-000000002', 1, '7'),
      scoreChange('sync-000000003', 2),
    ];
    const packed = planChangeChunks('c/x', changes);
    expect(await joinChangeChunks(docsOf(packed.writes))).toEqual(changes);
    expect(packed.bytes).toBeLessThan(JSON.stringify(changes).length * 3);
    // Before: the JSON of the objects in text chunks.
    expect(await joinChangeChunks([{ text: JSON.stringify(changes) }])).toEqual(changes);
  });

  it('writes again only the tabs whose cells digest moved, and drops the chunks no tab names', () => {
    const at = competitionPath('c');
    const cell = (juror: string, value: string) => ({
      stage: 'desk',
      juror,
      innovation: 'A',
      criterion: 'x',
      value,
    });
    const states = (j2: string) => ({
      'desk|j1': { read: 'r1', cells: 'c1' },
      'desk|j2': { read: 'r2', cells: j2 },
    });
    const first = planCellTabs(at, [cell('j1', '8'), cell('j2', '7')], states('a'), []);
    expect(first?.planned).toHaveLength(2);
    const second = planCellTabs(at, [cell('j1', '8'), cell('j2', '9')], states('b'), first?.tabs ?? []);
    expect(second?.planned).toHaveLength(1);
    expect(second?.tabs[0]?.chunks).toEqual(first?.tabs[0]?.chunks);
    expect(second?.stale).toEqual(first?.tabs[1]?.chunks);
    // Cells of one tab in two runs cannot be kept per tab: the record keeps them.
    expect(planCellTabs(at, [cell('j1', '8'), cell('j2', '7'), cell('j1', '6')], undefined, [])).toBeNull();
  });

  it('stores a tab’s cells as columns, and reads a list of objects stored before as it was', async () => {
    const at = competitionPath('c');
    const tab = 'Juri 1 – Penilaian Proposal';
    const cells = ['A', 'B'].flatMap((innovation, r) =>
      ['latar', 'dampak'].map((criterion, c) => ({
        stage: 'desk',
        innovation,
        juror: 'j1',
        criterion,
        value: r === 0 && c === 1 ? ' 8,5 ' : `${7 + r}`,
        ...(r === 1 && c === 1 ? {} : { cell: `'${tab}'!${'GH'[c]}${6 + r}` }),
      })),
    );
    const planned = planCellTabs(at, cells, { 'desk|j1': { read: 'r', cells: 'c' } }, []);
    const stored = docsOf(planned?.planned[0]?.writes ?? []);
    const read = await joinCellTabs([stored]);
    expect(read).toEqual(cells);
    // Each cell's keys in the order they were given.
    expect(read.map((c) => Object.keys(c))).toEqual(cells.map((c) => Object.keys(c)));
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(cells).length);
    // Before: the JSON of the objects in text chunks.
    expect(await joinCellTabs([[{ text: JSON.stringify(cells) }]])).toEqual(cells);
  });
});
