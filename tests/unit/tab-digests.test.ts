import { describe, expect, it } from 'vitest';
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import { cellDigests, changedTabs, readDigest, TextDigest } from '../../shared/domain/tab-digests.ts';

const cell = (juror: string, innovation: string, value: string): ScoreEntry => ({
  stage: 'desk',
  juror,
  innovation,
  criterion: 'latar',
  value,
  cell: `'Desk – ${juror}'!E4`,
});

describe('per-tab digests (what a sync compares to work on the moved tabs only)', () => {
  it('tells apart texts that only their boundaries separate', () => {
    const of = (...parts: string[]) => parts.reduce((d, p) => d.add(p), new TextDigest()).hex();
    expect(of('ab', 'c')).not.toBe(of('a', 'bc'));
    expect(of('8,5')).not.toBe(of('8.5'));
    expect(of('x', 'y')).toBe(of('x', 'y'));
    expect(of('x')).toMatch(/^[0-9a-f]{28}$/);
  });

  it('digests each tab’s read under its context, rows and cells kept apart', () => {
    expect(readDigest('c', [['a', 'b']])).not.toBe(readDigest('c', [['a'], ['b']]));
    expect(readDigest('c', [['a', 'b']])).not.toBe(readDigest('other config', [['a', 'b']]));
    expect(readDigest('c', [['a', 'b']])).toBe(readDigest('c', [['a', 'b']]));
  });

  it('names the tabs whose cells moved, appeared or were all cleared', () => {
    const before = cellDigests([cell('j1', 'A', '8'), cell('j2', 'A', '7'), cell('j3', 'A', '6')]);
    const saved = Object.fromEntries([...before].map(([key, cells]) => [key, { read: '', cells }]));
    const now = cellDigests([cell('j1', 'A', '8'), cell('j2', 'A', '7,5'), cell('j4', 'A', '9')]);
    expect(changedTabs(saved, now)).toEqual(new Set(['desk|j2', 'desk|j3', 'desk|j4']));
    expect(changedTabs(undefined, now)).toBeNull();
    expect(changedTabs({ 'desk|j5': { read: 'r', cells: '' } }, new Map())).toEqual(new Set());
  });

  it('digests each cell’s address whole, however its tab’s part is shortened', () => {
    const at = (juror: string, address: string): ScoreEntry => ({ ...cell(juror, 'A', '8'), cell: address });
    const of = (...cells: ScoreEntry[]) => cellDigests(cells).get('desk|j1');
    const run = [at('j1', "'Desk – j1'!E4"), at('j1', "'Desk – j1'!E5")];
    expect(of(...run)).toBe(of(...run));
    // The same addresses cut elsewhere, another tab's part, no address: each a different digest.
    const variants = [
      of(...run),
      of(at('j1', "'Desk – j1'!E4"), at('j1', "'Desk – j1'!E6")),
      of(at('j1', "'Desk – j1'!E4"), at('j1', "'Desk – j2'!E5")),
      of(at('j1', "'Desk – j1'!E4"), at('j1', 'E5')),
      of(at('j1', "'Desk – j1'!E4"), { ...cell('j1', 'A', '8'), cell: "'Desk – j1'!" }),
      of(at('j1', "'Desk – j1'!E4"), at('j1', "'Desk – j1'!E4'Desk – j1'!E5")),
    ];
    expect(new Set(variants).size).toBe(variants.length);
    // A tab's cells interleaved with another tab's digest as the same run alone.
    const interleaved = cellDigests([run[0] as ScoreEntry, at('j2', "'Desk – j2'!E4"), run[1] as ScoreEntry]);
    expect(interleaved.get('desk|j1')).toBe(of(...run));
  });

  it('gives a known tab’s digest back as it is and hashes the others as without it', () => {
    const cells = [cell('j1', 'A', '8'), cell('j2', 'A', '7'), cell('j1', 'B', '6'), cell('j3', 'A', '9')];
    const whole = cellDigests(cells);
    const known = new Map([
      ['desk|j1', 'kept'],
      ['desk|j9', 'no cells now'],
    ]);
    const partly = cellDigests(cells, known);
    expect(partly.get('desk|j1')).toBe('kept');
    expect(partly.get('desk|j2')).toBe(whole.get('desk|j2'));
    expect(partly.get('desk|j3')).toBe(whole.get('desk|j3'));
    // Only the tabs the cells hold are answered, in the order they came.
    expect([...partly.keys()]).toEqual([...whole.keys()]);
  });
});
