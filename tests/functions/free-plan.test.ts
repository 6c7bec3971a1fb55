import { describe, expect, it } from 'vitest';
import { freePlanFit, freePlanWords, WORKERD_SYNC_COST } from '../../functions/cli/free-plan.ts';
import { entriesWithin, expectedCells } from '../../shared/domain/capacity.ts';
import { loadNtt2024 } from '../helpers/services.ts';

describe('does a competition fit the Workers free plan (juri doctor)', () => {
  const ntt = loadNtt2024();

  it('counts the cells every stage’s jurors type: entries × jurors per entry × criteria, then the finalists', () => {
    const [desk, interview] = ntt.stages;
    const deskJurors = desk?.jurorsPerInnovation ?? ntt.jurors.length;
    const finalists = Math.min(80, desk?.advance?.top ?? 0);
    const interviewJurors = interview?.jurorsPerInnovation ?? ntt.jurors.length;
    expect(expectedCells(ntt, 80)).toBe(
      80 * deskJurors * (desk?.criteria.length ?? 0) +
        finalists * interviewJurors * (interview?.criteria.length ?? 0),
    );
    expect(expectedCells(ntt, 0)).toBe(0);
    const most = entriesWithin(ntt, 4000);
    expect(expectedCells(ntt, most)).toBeLessThanOrEqual(4000);
    expect(expectedCells(ntt, most + 1)).toBeGreaterThan(4000);
  });

  it('says where the sync must run once a written sync is over 10 ms, and the limit in entries', () => {
    const big = freePlanFit(ntt, 3500);
    expect(big.writtenMs).toBeGreaterThan(10);
    expect(big.fits).toBe(false);
    const words = freePlanWords(big, 3500);
    expect(words.id).toContain('Tidak muat di paket gratis Cloudflare Workers');
    expect(words.id).toContain('juri sync');
    expect(words.en).toContain('Workers Paid');
    const none = freePlanFit(ntt, 0);
    expect(none.writtenMs).toBe(WORKERD_SYNC_COST.writtenBaseMs);
  });

  it('names as the limit the last size that fits, and none when the fixed part is over already', () => {
    const lighter = { unchangedMs: 3, writtenBaseMs: 4, writtenPerCellMs: 0.002 };
    const limit = freePlanFit(ntt, 0, 0, lighter).maxEntries;
    expect(limit).toBeGreaterThan(0);
    expect(freePlanFit(ntt, limit, 0, lighter).fits).toBe(true);
    expect(freePlanFit(ntt, limit + 1, 0, lighter).fits).toBe(false);
    expect(freePlanWords(freePlanFit(ntt, 10, 0, lighter), 10).id).toContain(
      `sampai sekitar ${limit} inovasi`,
    );
    const heavy = { ...lighter, writtenBaseMs: 12 };
    expect(freePlanFit(ntt, 0, 0, heavy)).toMatchObject({ fits: false, maxEntries: 0 });
    // The cells the last sync read count when they are more than the entries stored suggest.
    expect(freePlanFit(ntt, 1, 99_999, lighter).cells).toBe(99_999);
  });
});
