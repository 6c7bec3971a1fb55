import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellMask, type MaskMemo, maskedCell } from '../../infra/local-sheets/cell-mask.ts';
import { cleanedOrSame, cleanParsedInPlace } from '../../infra/local-sheets/clean-json.ts';
import type { CellData, Json, JsonObject } from '../../infra/local-sheets/model.ts';
import { applyMask } from '../../infra/local-sheets/structure.ts';
import { cleanDeep } from '../../shared/domain/text.ts';

/**
 * The local server's cell writes and cleaning share what they do not change instead of copying it;
 * what they give must be what the deep copies gave (the reference below: a clone of the old cell with
 * the mask applied to it in place), and nothing they were given may change.
 */
function reference(old: CellData | null, source: JsonObject, fields: string[]): CellData | null {
  const target = structuredClone(old ?? {}) as JsonObject;
  applyMask(target, source, fields);
  if ('userEnteredValue' in target && fields.some((f) => f === '*' || f.startsWith('userEnteredValue')))
    delete target.effectiveValue;
  const cell = target as CellData;
  const empty = !cell.userEnteredValue && !cell.userEnteredFormat && !cell.effectiveValue && !cell.note;
  return empty ? null : cell;
}

const KEYS = ['userEnteredValue', 'userEnteredFormat', 'effectiveValue', 'note', 'textFormat', 'bold', 'a'];
const key = fc.constantFrom(...KEYS);
const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const { tree } = fc.letrec<{ tree: Json }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(key, tie('tree'), { maxKeys: 3 }),
    fc.array(tie('tree'), { maxLength: 2 }),
  ),
}));
const object = fc.dictionary(key, tree, { maxKeys: 4 }) as fc.Arbitrary<JsonObject>;
const field = fc.oneof(
  fc.array(key, { minLength: 1, maxLength: 3 }).map((path) => path.join('.')),
  fc.constantFrom('*', '', 'a.', 'userEnteredValue', 'userEnteredFormat.textFormat.bold'),
);

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

describe('the local server’s cell writes', () => {
  it('give what a deep copy with the mask applied gives, and change neither cell nor request', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(object, { nil: null }), { minLength: 1, maxLength: 4 }),
        object,
        fc.array(field, { minLength: 1, maxLength: 4 }),
        (olds, source, fields) => {
          const expected = olds.map((old) => reference(old as CellData | null, source, fields));
          const mask = cellMask(fields);
          const memo: MaskMemo = new Map();
          frozen(olds);
          frozen(source);
          // Each cell alone (updateCells), and the cells of one request sharing a memo (repeatCell).
          expect(olds.map((old) => maskedCell(old as CellData | null, source, mask))).toEqual(expected);
          expect(olds.map((old) => maskedCell(old as CellData | null, source, mask, memo))).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('give cells a repeatCell formats alike one format object', () => {
    const mask = cellMask(['userEnteredFormat.wrapStrategy', 'userEnteredFormat.verticalAlignment']);
    const source = { userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } };
    const memo: MaskMemo = new Map();
    const cells = ['a', 'b'].map((s) =>
      maskedCell({ userEnteredValue: { stringValue: s } }, source, mask, memo),
    );
    expect(cells[0]?.userEnteredFormat).toBe(cells[1]?.userEnteredFormat);
    expect(cells[1]).toEqual({
      userEnteredValue: { stringValue: 'b' },
      userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' },
    });
  });
});

const text = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('a\r\nb', 'x\u0000y', '\u202Eabc', 'e\u0301', 'ok', '\uD800', '\uFEFF', '\t\n'),
);
const { json } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.constant(null),
    fc.dictionary(text, tie('json'), { maxKeys: 3 }),
    fc.array(tie('json'), { maxLength: 3 }),
  ),
}));

describe('the local server’s cleaning', () => {
  it('gives what cleanDeep gives, in place for a parsed body and unchanged when clean', () => {
    fc.assert(
      fc.property(json, (value) => {
        const expected = cleanDeep(value);
        expect(cleanParsedInPlace(JSON.parse(JSON.stringify(value)))).toEqual(expected);
        const copy = JSON.parse(JSON.stringify(value));
        const kept = cleanedOrSame(copy);
        expect(kept).toEqual(expected);
        if (JSON.stringify(expected) === JSON.stringify(value)) expect(kept).toBe(copy);
      }),
      { numRuns: 3000 },
    );
  });

  it('looks at a cell format shared by many cells once, and again where it is met deeper', () => {
    const clean = { textFormat: { bold: true }, numberFormat: { type: 'NUMBER', pattern: '0.0' } };
    const dirty = { numberFormat: { type: 'NUMBER', pattern: 'x\r\ny' } };
    const rows = (last: JsonObject) =>
      Array.from({ length: 50 }, (_, r) =>
        Array.from({ length: 5 }, (_, c) => ({
          userEnteredValue: { numberValue: r * 5 + c },
          userEnteredFormat: r === 49 && c === 4 ? last : clean,
        })),
      );
    const same = rows(clean);
    expect(cleanedOrSame(same)).toBe(same);
    const unclean = rows(dirty);
    expect(cleanedOrSame(unclean)).toEqual(cleanDeep(unclean));
    // Clean where first met, too deep where met again: refused as cleanDeep refuses it.
    const nested = { a: { b: { c: 'x' } } };
    const seen = new Set<string>();
    for (const levels of [55, 58, 59, 60, 61, 62]) {
      let deep: Json = { userEnteredFormat: nested };
      for (let i = 0; i < levels; i++) deep = [deep];
      const value = [{ userEnteredFormat: nested }, deep] as Json;
      const outcome = (clean: () => unknown) => {
        try {
          clean();
          return 'clean';
        } catch (e) {
          return e instanceof RangeError ? 'too deep' : String(e);
        }
      };
      const expected = outcome(() => cleanDeep(value));
      expect(
        outcome(() => cleanedOrSame(value)),
        String(levels),
      ).toBe(expected);
      seen.add(expected);
    }
    expect(seen).toEqual(new Set(['clean', 'too deep']));
  });

  it('refuses JSON nested too deeply as cleanDeep does', () => {
    let deep: Json = 'x';
    for (let i = 0; i < 80; i++) deep = [deep];
    expect(() => cleanDeep(deep)).toThrow(RangeError);
    expect(() => cleanParsedInPlace(JSON.parse(JSON.stringify(deep)))).toThrow(
      'JSON nested deeper than 64 levels',
    );
    expect(() => cleanedOrSame(deep)).toThrow(RangeError);
  });
});
