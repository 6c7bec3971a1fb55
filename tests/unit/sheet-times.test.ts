import { describe, expect, it } from 'vitest';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { formatShortInstant } from '../../shared/messages/moments.ts';
import { buildOutputTabs, OUTPUT_KEYS } from '../../shared/sheet/output-tabs.ts';
import { innovation, smallCompetition } from './fixtures.ts';

describe('times juri writes into the workbook', () => {
  it('are local time in the competition’s zone, named, sortable as text', () => {
    expect(formatShortInstant('2024-11-20T01:15:00.000Z', 'Asia/Makassar', 'id')).toBe(
      '2024-11-20 09.15 WITA',
    );
    expect(formatShortInstant('2024-11-20T16:30:00.000Z', 'Asia/Makassar', 'en')).toBe(
      '2024-11-21 00:30 WITA',
    );
    expect(formatShortInstant('2024-11-20T01:15:00.000Z', 'Asia/Jakarta', 'id')).toBe('2024-11-20 08.15 WIB');
    expect(formatShortInstant('bukan waktu', 'Asia/Makassar', 'id')).toBe('bukan waktu');
  });

  it('in the score history and the rejected submissions tabs', () => {
    const competition = { ...smallCompetition(), timezone: 'Asia/Makassar' };
    const innovations = [innovation('I-1', 'Sumba Timur', 'prov')];
    const tabs = buildOutputTabs({
      competition,
      innovations,
      result: rankCompetition(competition, innovations, []),
      progress: [],
      rejections: [
        {
          responseId: 'r-1',
          receivedAt: '2024-10-01T23:05:00.000Z',
          source: 'local',
          reasons: [],
          answers: {},
        },
      ],
      lang: 'id',
      scoreChanges: {
        total: 1,
        changes: [
          {
            stage: 'desk',
            juror: 'j1',
            innovation: 'I-1',
            criterion: 'a',
            cell: "'Penilaian – j1'!E7",
            old: '80',
            new: '85',
            seenAt: '2024-11-28T08:59:00.000Z',
            syncId: 's-1',
            afterVersion: null,
          },
        ],
      },
    });
    const rowsOf = (key: string) => tabs.find((t) => t.key === key)?.rows ?? [];
    expect(rowsOf(OUTPUT_KEYS.scoreChanges)[0]?.[0]).toBe('2024-11-28 16.59 WITA');
    expect(rowsOf(OUTPUT_KEYS.rejected)[0]?.[1]).toBe('2024-10-02 07.05 WITA');
  });
});
