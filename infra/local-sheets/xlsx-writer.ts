import { crc32 } from 'node:zlib';
import { type Formats, newFormats, packageParts, type TabToWrite, tabNames, tabXml } from '../xlsx/ooxml.ts';
import { type Deflated, zipOf } from '../xlsx/zip.ts';
import type { Sheet } from './model.ts';
import { deflatedPart } from './zip-entries.ts';

/**
 * The workbook's .xlsx, written part by part (infra/xlsx/ooxml.ts). Each tab's worksheet part (and its
 * notes) is made from the tab's rows alone, so a tab whose rows did not change since the last write
 * keeps its deflated part as it was: a sync's publish, which swaps a few output tabs, writes those tabs
 * and the few small parts that list them, not the whole workbook. (exceljs laid out every cell of
 * every tab on each write: seconds at national scale, and most of a publish.)
 */

interface TabParts {
  key: string;
  sheet: Deflated;
  notes?: { comments: Deflated; drawing: Deflated };
}

/** What one write leaves for the next: the cell formats so far, and each tab's parts by its rows. */
export interface XlsxMemory {
  /** Every part of the last write by name, deflated. */
  entries: Map<string, Deflated>;
  formats: Formats;
  tabs: WeakMap<Sheet['rows'], TabParts>;
  /** Each tab's rows as written, by the rows in memory: the same array when nothing needed cleaning. */
  cleanRows: WeakMap<Sheet['rows'], Sheet['rows']>;
}

/**
 * The .xlsx of `tabs` (cleaned already: no character XML cannot hold). `language` tags every number
 * format (see xlsx.ts). Parts of tabs whose rows and looks are as in `previous` are taken from it.
 */
export function writeXlsx(
  tabs: readonly TabToWrite[],
  language: string,
  creator: string,
  previous?: XlsxMemory,
): { bytes: Uint8Array; memory: XlsxMemory } {
  const memory: XlsxMemory = {
    entries: new Map(),
    formats: previous?.formats ?? newFormats(),
    tabs: previous?.tabs ?? new WeakMap(),
    cleanRows: previous?.cleanRows ?? new WeakMap(),
  };
  const parts = tabs.map((tab) => tabParts(tab, language, memory));
  const names = tabNames(parts.map((p) => p.notes !== undefined));
  for (const [name, xml] of packageParts(tabs, names, creator, memory.formats))
    memory.entries.set(name, known(previous, name, xml));
  parts.forEach((part, i) => {
    const name = names[i];
    if (!name) return;
    memory.entries.set(name.sheet, part.sheet);
    if (name.notes && part.notes) {
      memory.entries.set(name.notes.comments, part.notes.comments);
      memory.entries.set(name.notes.drawing, part.notes.drawing);
    }
  });
  return { bytes: zipOf(memory.entries), memory };
}

/** The deflated part of `xml`, the last write's own when its content is the same. */
function known(previous: XlsxMemory | undefined, name: string, xml: string): Deflated {
  const last = previous?.entries.get(name);
  const bytes = Buffer.from(xml, 'utf8');
  if (last && last.size === bytes.length && last.crc === crc32(bytes)) return last;
  return deflatedPart(bytes);
}

function tabParts(tab: TabToWrite, language: string, memory: XlsxMemory): TabParts {
  const { sheet } = tab;
  const g = sheet.properties.gridProperties;
  const key = JSON.stringify([
    tab.plain ?? false,
    language,
    g.frozenRowCount ?? 0,
    g.frozenColumnCount ?? 0,
    sheet.properties.tabColorStyle?.rgbColor ?? sheet.properties.tabColor ?? null,
    sheet.columnWidths,
    sheet.validations,
  ]);
  const last = memory.tabs.get(sheet.rows);
  if (last?.key === key) return last;
  const xml = tabXml(tab, language, memory.formats);
  const parts: TabParts = {
    key,
    sheet: deflatedPart(xml.sheet),
    ...(xml.notes
      ? { notes: { comments: deflatedPart(xml.notes.comments), drawing: deflatedPart(xml.notes.drawing) } }
      : {}),
  };
  memory.tabs.set(sheet.rows, parts);
  return parts;
}
