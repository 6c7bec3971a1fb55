import { describe, expect, it } from 'vitest';
import { assignStage, compareIds } from '../../shared/domain/assignment.ts';
import type { Competition, Juror, Stage } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';
import { hasConflict } from '../../shared/domain/scoring.ts';
import { seededRandom } from '../../shared/seeded-random.ts';

/**
 * The assignment written the plain way, as its documentation states it: for each innovation in id
 * order, every panel juror sorted by (conflict, load, the pair's FNV-1a hash, the juror's place in id
 * order), the first `jurorsPerInnovation` picked. assignPanel visits jurors lightest first and stops
 * early; this checks that it picks the same jurors in the same order.
 */
function referenceAssignment(
  jurors: readonly Juror[],
  stage: Pick<Stage, 'jurors' | 'jurorsPerInnovation'>,
  population: readonly Innovation[],
): Map<string, { innovation: string; conflict: boolean }[]> {
  const panel = stage.jurors ? jurors.filter((j) => stage.jurors?.includes(j.id)) : [...jurors];
  const per = Math.max(0, Math.min(stage.jurorsPerInnovation ?? panel.length, panel.length));
  const idRank = new Map(
    panel
      .map((j, k) => ({ id: j.id, k }))
      .sort((a, b) => compareIds(a.id, b.id) || a.k - b.k)
      .map((x, r) => [x.k, r]),
  );
  const load = new Map<string, number>();
  const out = new Map(panel.map((j) => [j.id, [] as { innovation: string; conflict: boolean }[]]));
  const ordered = population
    .map((i, k) => ({ i, k }))
    .sort((a, b) => compareIds(a.i.id, b.i.id) || a.k - b.k)
    .map((x) => x.i);
  for (const innovation of ordered) {
    const keyOf = (j: Juror, k: number) => [
      hasConflict(j, innovation) ? 1 : 0,
      load.get(j.id) ?? 0,
      fnv(`${innovation.id}|${j.id}`),
      idRank.get(k) ?? 0,
    ];
    const ranked = panel
      .map((j, k) => ({ j, key: keyOf(j, k) }))
      .sort((a, b) => {
        for (let t = 0; t < a.key.length; t++) {
          const d = (a.key[t] ?? 0) - (b.key[t] ?? 0);
          if (d !== 0) return d;
        }
        return 0;
      })
      .slice(0, per);
    for (const { j, key } of ranked) {
      load.set(j.id, (load.get(j.id) ?? 0) + 1);
      out.get(j.id)?.push({ innovation: innovation.id, conflict: key[0] === 1 });
    }
  }
  return out;
}

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}

const REGIONS = ['Alor', 'Ende', 'Sikka', 'Kota Kupang', 'Belu'];

/** A random panel (some jurors listed twice, some declaring conflicts) and population. */
function randomCase(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const innovations: Innovation[] = Array.from({ length: 1 + Math.floor(random() * 120) }, (_, k) => ({
    id: `I-${1 + Math.floor(random() * 400)}${k % 7 === 0 ? 'b' : ''}`,
    title: 't',
    agency: 'a',
    region: pick(REGIONS),
    category: 'prov',
    submittedAt: '2024-09-01T00:00:00Z',
  }));
  const jurors: Juror[] = Array.from({ length: 1 + Math.floor(random() * 25) }, (_, k) => ({
    id: random() < 0.1 && k > 0 ? `j${Math.floor(random() * k) + 1}` : `j${k + 1}`,
    name: `J${k}`,
    email: `j${k}@example.org`,
    affiliation: 'x',
    ...(random() < 0.8 ? { region: pick(REGIONS) } : {}),
    conflicts: random() < 0.2 ? [pick(innovations).id] : [],
  }));
  const stage = {
    id: 'desk',
    jurorsPerInnovation: 1 + Math.floor(random() * 6),
    ...(random() < 0.3 ? { jurors: jurors.filter(() => random() < 0.7).map((j) => j.id) } : {}),
  } as Stage;
  return { competition: { jurors } as Competition, stage, innovations };
}

describe('assignStage against the plain sort of every juror', () => {
  it('picks the same jurors, in the same order, with the same conflicts', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { competition, stage, innovations } = randomCase(seed);
      const got = assignStage(competition, stage, innovations);
      const plain = [...got].map(([juror, rows]) => [
        juror,
        rows.map((r) => ({ innovation: r.innovation.id, conflict: r.conflict })),
      ]);
      expect(plain, `seed ${seed}`).toEqual([...referenceAssignment(competition.jurors, stage, innovations)]);
    }
  });
});
