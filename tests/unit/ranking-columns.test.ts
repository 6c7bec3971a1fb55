import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withDisplay } from '../../shared/domain/display-score.ts';
import { rankCompetition } from '../../shared/domain/ranking.ts';
import { rankByCurrentRules } from '../../shared/domain/record.ts';
import { cellsWhere, entriesOf, typedCellsOf } from '../../shared/domain/typed-cells.ts';
import { caseArb } from './ranking-cases.ts';

/**
 * The live sync ranks the juror tabs' cells in columns, the selection applied to the rows
 * (`cellsWhere`); a record and `juri rank` rank the same cells as a list. Both must give the same result.
 */
describe('ranking the cells in columns', () => {
  it('ranks as the same cells as a list, with some entries left out as selection does', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (c, passes) => {
        const passed = new Set(c.innovations.filter((_, k) => passes[k % passes.length]).map((i) => i.id));
        const known = new Set(c.innovations.map((i) => i.id));
        const judged = (id: string) => passed.has(id) || !known.has(id);
        const admitted = c.innovations.filter((i) => passed.has(i.id));
        const list = c.scores.filter((e) => judged(e.innovation));
        const read = typedCellsOf(c.competition, c.scores);
        const columns = cellsWhere(read, judged);
        // The record keeps the read's cells as a list with the selection applied (read.entries filtered):
        // the ranked columns must hold those very cells in that order. Rows are not merged again: a
        // juror's two rows for one entry stay two rows, as the tab shows them.
        const recorded = entriesOf(read).filter((e) => judged(e.innovation));
        expect(entriesOf(columns)).toEqual(recorded);
        for (const enforceAssignment of [false, true]) {
          const b = JSON.stringify(rankCompetition(c.competition, admitted, columns, { enforceAssignment }));
          for (const cells of [list, recorded])
            expect(b).toBe(
              JSON.stringify(rankCompetition(c.competition, admitted, cells, { enforceAssignment })),
            );
        }
        expect(JSON.stringify(rankByCurrentRules(c.competition, admitted, columns))).toBe(
          JSON.stringify(rankByCurrentRules(c.competition, admitted, list)),
        );
        // The scores as printed: worked out from the columns as from the list.
        const ranked = rankByCurrentRules(c.competition, admitted, list);
        expect(JSON.stringify(withDisplay(c.competition, { ...ranked }, columns))).toBe(
          JSON.stringify(withDisplay(c.competition, { ...ranked }, list)),
        );
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });

  it('keeps the very object when every row is kept', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const cells = typedCellsOf(c.competition, c.scores);
        expect(cellsWhere(cells, () => true)).toBe(cells);
      }),
      { numRuns: 20 },
    );
  });
});
