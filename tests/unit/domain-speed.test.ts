import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignStage } from '../../shared/domain/assignment.ts';
import { canonicalJson } from '../../shared/domain/canonical-json.ts';
import { readCell } from '../../shared/domain/cells.ts';
import type { Competition, Juror, Stage } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { compareIds } from '../../shared/domain/natural-order.ts';
import { hasConflict, panelOf } from '../../shared/domain/scoring.ts';
import { innovation, smallCompetition } from './fixtures.ts';

/**
 * The scans and selections that replaced regexes, copies and full sorts must give exactly what the
 * plain versions below (the earlier implementations) give.
 */

function plainCompareIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const bothDigits = /^\d/.test(x) && /^\d/.test(y);
    const d = bothDigits ? Number(x) - Number(y) || x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return 0;
}

function plainCanonicalJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, x]) => [k, sortKeys(x)]));
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

function plainReadCell(raw: string, min: number, max: number) {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return { kind: 'invalid', reason: 'not-a-number' };
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'not-a-number' };
  if (value < min || value > max) return { kind: 'invalid', reason: 'out-of-range' };
  return { kind: 'number', value };
}

function plainAssign(competition: Competition, stage: Stage, population: readonly Innovation[]) {
  const pairHash = (innovationId: string, juror: Juror) => {
    let h = 0x811c9dc5;
    for (const ch of `${innovationId}|${juror.id}`) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
  };
  const panel = panelOf(competition, stage);
  const perInnovation = Math.min(stage.jurorsPerInnovation ?? panel.length, panel.length);
  const load = new Map(panel.map((j) => [j.id, 0]));
  const out = new Map<string, { innovation: Innovation; conflict: boolean }[]>(panel.map((j) => [j.id, []]));
  for (const i of [...population].sort((a, b) => plainCompareIds(a.id, b.id))) {
    const ranked = panel
      .map((juror) => ({ juror, conflict: hasConflict(juror, i) }))
      .sort(
        (a, b) =>
          Number(a.conflict) - Number(b.conflict) ||
          (load.get(a.juror.id) ?? 0) - (load.get(b.juror.id) ?? 0) ||
          pairHash(i.id, a.juror) - pairHash(i.id, b.juror) ||
          plainCompareIds(a.juror.id, b.juror.id),
      )
      .slice(0, perInnovation);
    for (const { juror, conflict } of ranked) {
      load.set(juror.id, (load.get(juror.id) ?? 0) + 1);
      out.get(juror.id)?.push({ innovation: i, conflict });
    }
  }
  for (const rows of out.values()) rows.sort((a, b) => plainCompareIds(a.innovation.id, b.innovation.id));
  return out;
}

const ID = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[A-Za-z0-9 ._-]{0,12}$/),
  fc.constantFrom(
    '12345678901234567890',
    '12345678901234567891',
    '007',
    '7',
    'a01',
    'a1',
    '',
    'INOV-2024-100',
  ),
);

describe('domain fast paths agree with the plain versions', () => {
  it('compareIds', () => {
    fc.assert(
      fc.property(ID, ID, (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(Math.sign(plainCompareIds(a, b)));
      }),
      { numRuns: 20_000 },
    );
    expect(['INOV-2024-100', 'INOV-2024-99', 'j10', 'j2'].sort(compareIds)).toEqual([
      'INOV-2024-99',
      'INOV-2024-100',
      'j2',
      'j10',
    ]);
  });

  it('canonicalJson', () => {
    const keys = fc.oneof(
      fc.string(),
      fc.constantFrom('0', '10', '9', '4294967295', '01', '__proto__', 'toJSON'),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ withNullPrototype: true, withDate: true, withMap: true, withSparseArray: true }),
          fc.object({ key: keys }),
        ),
        (v) => {
          expect(canonicalJson(v)).toBe(plainCanonicalJson(v));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('readCell', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[ +\-.,0-9e]{0,6}$/),
          fc.stringMatching(/^[+-]?\d{0,18}([.,]\d{0,18})?$/),
        ),
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom(10, 100, 1e20),
        (s, min, max) => {
          expect(readCell(s, min, max)).toEqual(plainReadCell(s, min, max));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('assignStage', () => {
    const regions = ['Kota Kupang', 'Ende', 'Alor', 'Sikka'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom(...regions), { minLength: 9, maxLength: 9 }),
        (jurors, entries, per, jurorRegions) => {
          const competition = smallCompetition({
            jurors: Array.from({ length: jurors }, (_, k) => ({
              id: `j${(k * 7) % 11}`,
              name: `J${k}`,
              email: `j${k}@example.org`,
              region: jurorRegions[k] ?? 'Ende',
              conflicts: k === 2 ? ['I-3'] : [],
            })),
            stages: [
              {
                id: 'desk',
                name: 'Proposal',
                minJurors: 1,
                jurorsPerInnovation: per,
                criteria: [{ id: 'a', name: 'A', weight: 1, min: 0, max: 10 }],
              },
            ],
            final: { weights: { desk: 1 } },
          });
          const stage = competition.stages[0] as Stage;
          const population = Array.from({ length: entries }, (_, k) =>
            innovation(`I-${(k * 13) % 50}`, regions[k % regions.length]),
          );
          expect([...assignStage(competition, stage, population)]).toEqual([
            ...plainAssign(competition, stage, population),
          ]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
