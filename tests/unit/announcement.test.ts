import { describe, expect, it } from 'vitest';
import { announcementInstant, isAnnounced } from '../../shared/domain/announcement.ts';
import { readCell } from '../../shared/domain/cells.ts';
import type { StageResult } from '../../shared/domain/ranking.ts';
import { buildAnnouncement } from '../../shared/messages/announcement-template.ts';
import { formatLongDate } from '../../shared/messages/moments.ts';
import { loadNtt2024 } from '../helpers/services.ts';
import { innovation } from './fixtures.ts';

describe('announcement', () => {
  it('writes the date the Indonesian way, and in English on request', () => {
    expect(formatLongDate('2024-12-20', 'id')).toBe('Jumat, 20 Desember 2024');
    expect(formatLongDate('2024-12-20', 'en')).toBe('Friday, 20 December 2024');
    expect(formatLongDate('2025-01-01', 'id')).toBe('Rabu, 1 Januari 2025');
  });

  it('lifts the embargo at announceAt in the competition’s time zone (WITA, UTC+8)', () => {
    const c = loadNtt2024();
    expect(announcementInstant(c).toISOString()).toBe('2024-12-20T01:00:00.000Z');
    expect(isAnnounced(c, new Date('2024-12-20T00:59:59Z'))).toBe(false);
    expect(isAnnounced(c, new Date('2024-12-20T01:00:00Z'))).toBe(true);
  });

  it('lists the Top N with agency, region and a score written 87,45', () => {
    const c = { ...loadNtt2024(), final: { weights: { desk: 30, interview: 70 }, top: 2 } };
    const entry = (id: string, rank: number, score: number, tie = false) => ({
      id,
      rank,
      score,
      status: 'complete' as const,
      jurors: 3,
      tie,
      advances: rank <= 2,
      category: 'kabkota',
      categoryRank: rank,
      tieBreak: [],
      totals: {},
    });
    const final: StageResult = {
      stage: 'final',
      ranking: [
        entry('INOV-2024-003', 1, 87.4512),
        entry('INOV-2024-001', 2, 80.1),
        entry('INOV-2024-002', 3, 70),
      ],
      problems: [],
    };
    const innovations = [innovation('INOV-2024-003', 'Sumba Timur'), innovation('INOV-2024-001', 'Belu')];
    const id = buildAnnouncement(c, final, innovations, 'id');
    expect(id.title).toMatch(/^Pengumuman Top 2 Kompetisi Inovasi Pelayanan Publik/);
    expect(id.date).toBe('Jumat, 20 Desember 2024');
    expect(id.entries.map((e) => [e.rank, e.id, e.scoreText, e.region])).toEqual([
      [1, 'INOV-2024-003', '87,45', 'Sumba Timur'],
      [2, 'INOV-2024-001', '80,10', 'Belu'],
    ]);
    expect(id.text).toContain('1. Inovasi INOV-2024-003 — Dinas, Sumba Timur — nilai 87,45');
    const en = buildAnnouncement(c, final, innovations, 'en');
    expect(en.entries[0]?.scoreText).toBe('87.45');
    expect(en.date).toBe('Friday, 20 December 2024');
  });
});

describe('reading a typed cell', () => {
  it.each([
    ['8,5', { kind: 'number', value: 8.5 }],
    [' 8.5 ', { kind: 'number', value: 8.5 }],
    ['', { kind: 'empty' }],
    ['  ', { kind: 'empty' }],
    ['8,5,0', { kind: 'invalid', reason: 'not-a-number' }],
    ['delapan', { kind: 'invalid', reason: 'not-a-number' }],
    ['1e1', { kind: 'invalid', reason: 'not-a-number' }],
    ['10,01', { kind: 'invalid', reason: 'out-of-range' }],
    ['0', { kind: 'invalid', reason: 'out-of-range' }],
    ['10', { kind: 'number', value: 10 }],
  ])('%j on a 1–10 scale', (typed, expected) => {
    expect(readCell(typed, 1, 10)).toEqual(expected);
  });
});
