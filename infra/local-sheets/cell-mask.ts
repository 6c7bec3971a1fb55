import type { CellData, Json, JsonObject } from './model.ts';

/**
 * A field mask (updateCells, repeatCell) applied to cells, read once per request. A cell is never
 * changed in place (draft.ts): the new cell shares every part the mask leaves alone with the old one,
 * and the values it takes with the request, which nothing changes either. A deep copy of each old
 * cell and of each value, with the mask's paths split again for every cell, was most of a publish's
 * batchUpdate at national scale, and its garbage.
 */
export interface CellMask {
  /** "*": the cell becomes what the request gives. */
  whole: boolean;
  /** The paths by the cell field they start with (a field's own path), in the mask's order. */
  byField: Map<string, string[][]>;
  /** Whether the mask writes the entered value: a formula's old result then goes with it. */
  entersValue: boolean;
}

export function cellMask(fields: readonly string[]): CellMask {
  const byField = new Map<string, string[][]>();
  for (const field of fields) {
    const path = field.split('.');
    // As Google reads "a." or "": no field to write.
    if (!path[path.length - 1]) continue;
    const first = path[0] ?? '';
    byField.set(first, [...(byField.get(first) ?? []), path]);
  }
  return {
    whole: fields.includes('*'),
    byField,
    entersValue: fields.some((f) => f === '*' || f.startsWith('userEnteredValue')),
  };
}

/**
 * What one request's mask made of each old field value: a repeatCell gives every cell the same
 * source, so cells whose old field is the same object get the same new one (and the .xlsx writer
 * finds their format once).
 */
export type MaskMemo = Map<string, Map<Json | undefined, Json | undefined>>;

/**
 * The cell `mask` makes of `old` with `source`: the masked paths copied from source, a path missing
 * there cleared, then every empty object removed (null when nothing is left).
 */
export function maskedCell(
  old: CellData | null,
  source: JsonObject,
  mask: CellMask,
  memo?: MaskMemo,
): CellData | null {
  let next: JsonObject;
  if (mask.whole) next = { ...source };
  else {
    const before = (old ?? {}) as JsonObject;
    next = { ...before };
    for (const key of Object.keys(before)) {
      if (mask.byField.has(key)) continue;
      const value = withoutEmpty(before[key]);
      if (value === undefined) delete next[key];
      else next[key] = value;
    }
    for (const [field, paths] of mask.byField) {
      const value = fieldValue(before[field], source, field, paths, memo);
      if (value === undefined) delete next[field];
      else next[field] = value;
    }
  }
  if ('userEnteredValue' in next && mask.entersValue) delete next.effectiveValue;
  const cell = next as CellData;
  const empty = !cell.userEnteredValue && !cell.userEnteredFormat && !cell.effectiveValue && !cell.note;
  return empty ? null : cell;
}

function fieldValue(
  old: Json | undefined,
  source: JsonObject,
  field: string,
  paths: string[][],
  memo: MaskMemo | undefined,
): Json | undefined {
  if (!memo) return masked(old, source, field, paths);
  let known = memo.get(field);
  if (!known) {
    known = new Map();
    memo.set(field, known);
  }
  if (known.has(old)) return known.get(old);
  const value = masked(old, source, field, paths);
  known.set(old, value);
  return value;
}

/** One field of the cell after its paths: copied on write, never changing what it shares. */
function masked(
  old: Json | undefined,
  source: JsonObject,
  field: string,
  paths: string[][],
): Json | undefined {
  // The common mask ("userEnteredValue"): the field is the request's own value.
  if (paths.length === 1 && paths[0]?.length === 1) return withoutEmpty(source[field]);
  const root: JsonObject = old === undefined ? {} : { [field]: old };
  const owned = new Set<object>([root]);
  for (const path of paths) {
    let t = root;
    let s: Json | undefined = source;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as string;
      const current = t[key];
      let child: JsonObject;
      if (!isObject(current)) child = {};
      else if (owned.has(current)) child = current;
      else child = { ...current };
      if (child !== current) {
        t[key] = child;
        owned.add(child);
      }
      t = child;
      s = isObject(s) ? s[key] : undefined;
    }
    const last = path[path.length - 1] as string;
    const value = isObject(s) ? s[last] : undefined;
    if (value === undefined) delete t[last];
    else t[last] = value;
  }
  const kept = withoutEmpty(root, owned);
  return isObject(kept) ? kept[field] : undefined;
}

/**
 * `value` with every empty object inside it removed (undefined when it is an empty object itself):
 * the same object when there is none, else copies of the objects on the way down (or `owned` ones,
 * changed in place).
 */
function withoutEmpty(value: Json | undefined, owned?: Set<object>): Json | undefined {
  if (!isObject(value)) return value;
  let out = value;
  let size = 0;
  for (const key of Object.keys(value)) {
    size += 1;
    const v = value[key];
    if (!isObject(v)) continue;
    const kept = withoutEmpty(v, owned);
    if (kept === v) continue;
    if (out === value && !owned?.has(value)) out = { ...value };
    if (kept === undefined) {
      delete out[key];
      size -= 1;
    } else out[key] = kept;
  }
  return size === 0 ? undefined : out;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
