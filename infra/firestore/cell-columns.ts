import type { ScoreEntry } from '../../shared/domain/cells.ts';

/**
 * One juror tab's typed cells as columns (issue 22): the stage and juror once, innovation ids, criteria
 * and the tab part of each cell address as indexes into one list of names, the values and the rest of
 * each address as they are. At NTT scale a tab's 559 cells are ~92 KB as objects and ~10 KB so; a
 * written sync reads and writes the moved tabs' cells, so both ways are cheaper.
 */
export interface CellColumns {
  v: 2;
  stage: string;
  juror: string;
  names: string[];
  innovation: number[];
  criterion: number[];
  value: string[];
  /** The index of the address's tab part ("'Juri 1 – …'!") in names; -1: the cell has no address. */
  sheet: number[];
  at: string[];
}

/** A tab's cells (one stage, one juror: a run of tabKey) as columns. */
export function packCells(run: readonly ScoreEntry[]): CellColumns {
  const first = run[0];
  const names: string[] = [];
  const index = new Map<string, number>();
  const named = (name: string) => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.push(name) - 1;
      index.set(name, i);
    }
    return i;
  };
  const packed: CellColumns = {
    v: 2,
    stage: first?.stage ?? '',
    juror: first?.juror ?? '',
    names,
    innovation: [],
    criterion: [],
    value: [],
    sheet: [],
    at: [],
  };
  for (const cell of run) {
    packed.innovation.push(named(cell.innovation));
    packed.criterion.push(named(cell.criterion));
    packed.value.push(cell.value);
    const split = cell.cell === undefined ? -1 : cell.cell.lastIndexOf('!') + 1;
    packed.sheet.push(cell.cell === undefined ? -1 : named(cell.cell.slice(0, split)));
    packed.at.push(cell.cell === undefined ? '' : cell.cell.slice(split));
  }
  return packed;
}

/** Whether a stored tab's cells are columns (else the list of objects written before them). */
export function isCellColumns(value: unknown): value is CellColumns {
  return typeof value === 'object' && value !== null && (value as { v?: unknown }).v === 2;
}

/** The cells back as objects, each with its keys in ScoreEntry's order, as packCells took them. */
export function unpackCells(packed: CellColumns, into: ScoreEntry[]): void {
  const { stage, juror, names } = packed;
  for (let i = 0; i < packed.value.length; i++) {
    const sheet = packed.sheet[i] ?? -1;
    const cell: ScoreEntry = {
      stage,
      innovation: names[packed.innovation[i] ?? -1] ?? '',
      juror,
      criterion: names[packed.criterion[i] ?? -1] ?? '',
      value: packed.value[i] ?? '',
    };
    if (sheet >= 0) cell.cell = `${names[sheet] ?? ''}${packed.at[i] ?? ''}`;
    into.push(cell);
  }
}
