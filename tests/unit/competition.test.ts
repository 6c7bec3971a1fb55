import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCompetition } from '../../shared/domain/competition.ts';
import type { Issue } from '../../shared/domain/issues.ts';
import { NTT_REGIONS } from '../../shared/domain/regions.ts';
import { issueText } from '../../shared/messages/issues.ts';
import { NTT_2024_PATH } from '../helpers/services.ts';

const ntt = () => JSON.parse(readFileSync(NTT_2024_PATH, 'utf8'));
/** The issues as a reader sees them. */
const said = (issues: Issue[], lang: 'id' | 'en' = 'id') =>
  issues.map((i) => ({ path: i.path, message: issueText(i, lang) }));

describe('competition config', () => {
  it('accepts the shipped 2024 NTT config: desk top 20, then interview top 10', () => {
    const r = parseCompetition(ntt());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stages.map((s) => [s.id, s.advance?.top])).toEqual([
      ['desk', 20],
      ['interview', 10],
    ]);
    expect(r.value.regions).toHaveLength(23);
    expect(NTT_REGIONS).toHaveLength(22);
    const weights = r.value.stages[0]?.criteria.reduce((s, c) => s + c.weight, 0);
    expect(weights).toBe(100);
  });

  it('names the path and says what is wrong, in Indonesian by default and in English on request', () => {
    const bad = ntt();
    bad.stages[0].criteria[1].weight = 'tiga puluh';
    bad.stages[0].tieBreak = ['tidak-ada'];
    bad.jurors[0].region = 'Jakarta';
    bad.final.weights.semifinal = 10;
    const parsed = parseCompetition(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((e) => e.path)).toEqual(['stages[0].criteria[1].weight']);
    expect(said(parsed.issues)[0]?.message).toMatch(/diharapkan number/);
    expect(said(parsed.issues, 'en')[0]?.message).toMatch(/expected number/);

    delete bad.stages[0].criteria[1].weight;
    bad.stages[0].criteria[1].weight = 15;
    const semantic = parseCompetition(bad);
    expect(semantic.ok).toBe(false);
    if (semantic.ok) return;
    expect(said(semantic.issues)).toEqual([
      { path: 'jurors[0].region', message: 'wilayah "Jakarta" tidak ada dalam daftar wilayah' },
      { path: 'stages[0].tieBreak[0]', message: 'kriteria "tidak-ada" tidak ada pada tahap ini' },
      { path: 'final.weights.semifinal', message: 'tahap "semifinal" tidak ada' },
    ]);
  });

  it('rejects a scale whose max is not above its min, and an unknown time zone', () => {
    const bad = ntt();
    bad.stages[1].criteria[0].max = 1;
    bad.timezone = 'Asia/Kupang';
    const r = parseCompetition(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(said(r.issues, 'en')).toEqual([
      { path: 'timezone', message: 'unknown time zone "Asia/Kupang"' },
      { path: 'stages[1].criteria[0].max', message: 'max must be greater than min' },
    ]);
  });
});
