/**
 * A second, deliberately naive implementation of the published ranking rules, written from the
 * rule text alone, so that property tests can compare the engine against it.
 */
import type { ScoreEntry } from '../../shared/domain/cells.ts';
import type { Competition } from '../../shared/domain/competition.ts';
import type { Innovation } from '../../shared/domain/innovation.ts';

export interface RefEntry {
  rank: number | null;
  id: string;
  score: number | null;
  status: 'complete' | 'incomplete';
  jurors: number;
  tie: boolean;
  advances: boolean;
}

function parse(raw: string, min: number, max: number): number | 'empty' | 'bad' {
  const t = raw.trim();
  if (t === '') return 'empty';
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return 'bad';
  const v = Number.parseFloat(t.replace(',', '.'));
  return v < min || v > max ? 'bad' : v;
}

const key4 = (x: number) => Math.round(x * 10000);

export function referenceRank(c: Competition, innovations: Innovation[], scores: ScoreEntry[]) {
  const out: Record<string, RefEntry[]> = {};
  let population = innovations.map((i) => i.id);
  const info = new Map(innovations.map((i) => [i.id, i]));
  const stageScore = new Map<string, Map<string, number>>();
  let lastTie: Map<string, number[]> = new Map();
  for (const stage of c.stages) {
    const rows: { id: string; score: number | null; complete: boolean; jurors: number; tb: number[] }[] = [];
    for (const id of population) {
      const inn = info.get(id);
      if (!inn) continue;
      const totals: number[] = [];
      const perCrit: Record<string, number[]> = {};
      for (const j of c.jurors) {
        if (j.region === inn.region || j.conflicts.includes(id)) continue;
        const vals: Record<string, number> = {};
        let ok = true;
        for (const cr of stage.criteria) {
          const typed = scores.filter(
            (s) => s.stage === stage.id && s.innovation === id && s.juror === j.id && s.criterion === cr.id,
          );
          const parsed = typed.map((s) => parse(s.value, cr.min, cr.max)).filter((v) => v !== 'empty');
          const first = parsed[0];
          if (typeof first !== 'number' || parsed.some((v) => v !== first)) {
            ok = false;
            continue;
          }
          vals[cr.id] = first;
        }
        if (!ok) continue;
        let num = 0;
        let den = 0;
        for (const cr of stage.criteria) {
          num += cr.weight * (((vals[cr.id] ?? 0) - cr.min) / (cr.max - cr.min));
          den += cr.weight;
        }
        totals.push((100 * num) / den);
        for (const cr of stage.criteria) {
          perCrit[cr.id] = [
            ...(perCrit[cr.id] ?? []),
            (100 * ((vals[cr.id] ?? 0) - cr.min)) / (cr.max - cr.min),
          ];
        }
      }
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
      rows.push({
        id,
        score: mean(totals),
        complete: totals.length >= stage.minJurors,
        jurors: totals.length,
        tb: stage.tieBreak.map((t) => mean(perCrit[t] ?? []) ?? 0),
      });
    }
    lastTie = new Map(rows.map((r) => [r.id, r.tb]));
    stageScore.set(
      stage.id,
      new Map(rows.filter((r) => r.complete && r.score !== null).map((r) => [r.id, r.score ?? 0])),
    );
    out[stage.id] = order(
      rows.map((r) => ({ ...r, category: info.get(r.id)?.category ?? '' })),
      stage.advance?.top ?? null,
      stage.advance?.per ?? 'overall',
    );
    population = (out[stage.id] ?? []).filter((e) => e.advances).map((e) => e.id);
  }
  const lastStage = c.stages[c.stages.length - 1];
  const finalPop = (out[lastStage?.id ?? ''] ?? []).map((e) => e.id);
  const weights = Object.entries(c.final.weights).filter(([, w]) => w > 0);
  const finalRows = finalPop.map((id) => {
    const parts = weights.map(([sid, w]) => [w, stageScore.get(sid)?.get(id)] as const);
    const complete = parts.every(([, s]) => s !== undefined);
    const score = complete
      ? parts.reduce((a, [w, s]) => a + w * (s ?? 0), 0) / parts.reduce((a, [w]) => a + w, 0)
      : null;
    return {
      id,
      score,
      complete,
      jurors: 0,
      tb: lastTie.get(id) ?? [],
      category: info.get(id)?.category ?? '',
    };
  });
  out.final = order(finalRows, c.final.top ?? lastStage?.advance?.top ?? 10, 'overall');
  return out;
}

function order(
  rows: {
    id: string;
    score: number | null;
    complete: boolean;
    jurors: number;
    tb: number[];
    category: string;
  }[],
  top: number | null,
  per: 'overall' | 'category',
): RefEntry[] {
  const better = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    if (key4(a.score ?? 0) !== key4(b.score ?? 0)) return key4(a.score ?? 0) > key4(b.score ?? 0);
    for (let i = 0; i < a.tb.length; i++) {
      if (key4(a.tb[i] ?? 0) !== key4(b.tb[i] ?? 0)) return key4(a.tb[i] ?? 0) > key4(b.tb[i] ?? 0);
    }
    return false;
  };
  const complete = rows.filter((r) => r.complete);
  return rows.map((r) => {
    if (!r.complete)
      return {
        rank: null,
        id: r.id,
        score: r.score,
        status: 'incomplete',
        jurors: r.jurors,
        tie: false,
        advances: false,
      };
    const rank = 1 + complete.filter((o) => better(o, r)).length;
    const tie = complete.some((o) => o.id !== r.id && !better(o, r) && !better(r, o));
    const catRank = 1 + complete.filter((o) => o.category === r.category && better(o, r)).length;
    const cut = per === 'category' ? catRank : rank;
    return {
      rank,
      id: r.id,
      score: r.score,
      status: 'complete',
      jurors: r.jurors,
      tie,
      advances: top !== null && cut <= top,
    };
  });
}
