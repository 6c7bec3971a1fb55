/**
 * The parts of an .xlsx package, as XML text, from tabs in the model's terms (the Sheets API's
 * CellData). No I/O and no Node API: the local Sheets server deflates and caches them
 * (local-sheets/xlsx-writer.ts), the .xlsx export zips them in the Worker (export/xlsx-tables.ts).
 * Strings are written inline, not in one shared table, and cell formats go into one table that only
 * grows, so no tab's part depends on another's and an unchanged tab's part can be kept as it was. What
 * the parts say is what exceljs wrote for the same cells: exceljs (tests, a first read), the fast
 * reader (local-sheets/xlsx-parts.ts) and LibreOffice read them alike.
 */
import { columnLetter } from '../../shared/sheet/layout.ts';
import { type CellData, DEFAULT_ROWS, type Sheet, type Validation } from '../local-sheets/model.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Google's width for a column nobody sized, and the height of one line of 10–11 pt text (points). */
const DEFAULT_COLUMN_PX = 100;
const LINE_PT = 15;
export const PX_PER_CHAR = 7;

/** One tab to write: the hidden API tab and exports are written plain, juri's tabs print landscape. */
export interface TabToWrite {
  sheet: Sheet;
  state: 'visible' | 'hidden' | 'veryHidden';
  plain?: boolean;
  /** A filter on the first row (the header), over the used columns. */
  autoFilter?: boolean;
}

interface Xf {
  numFmt?: string;
  font?: 'b' | 'i' | 'bi';
  fill?: string;
  alignment?: { horizontal?: string; vertical?: string; wrapText?: boolean };
}

/** The cell formats of a package; a format's index never changes once given. */
export interface Formats {
  index: Map<string, number>;
  xfs: Xf[];
  /** By the workbook's language, the index of each format object met so far. */
  byFormat: Map<string, WeakMap<object, number>>;
  /** By the language and whether the cell holds a number or formula, the index of a cell without a format. */
  unformatted: Map<string, number>;
}

export function newFormats(): Formats {
  const formats: Formats = { index: new Map(), xfs: [], byFormat: new Map(), unformatted: new Map() };
  styleIndex(formats, {});
  return formats;
}

interface Note {
  row: number;
  column: number;
  text: string;
}

/** A tab's own parts: its worksheet and, when it has notes, their comments and drawing. */
export interface TabXml {
  sheet: string;
  notes?: { comments: string; drawing: string };
}

export function tabXml(tab: TabToWrite, language: string, formats: Formats): TabXml {
  const notes: Note[] = [];
  const sheet = worksheetXml(tab, language, formats, notes);
  return notes.length > 0
    ? { sheet, notes: { comments: commentsXml(notes), drawing: drawingXml(notes) } }
    : { sheet };
}

/** Where each tab's parts go, by position (notes numbered among the tabs that have them). */
export interface TabNames {
  sheet: string;
  notes?: { comments: string; drawing: string; rels: string };
}

export function tabNames(withNotes: readonly boolean[]): TabNames[] {
  let count = 0;
  return withNotes.map((notes, i) => {
    const sheet = `xl/worksheets/sheet${i + 1}.xml`;
    if (!notes) return { sheet };
    count += 1;
    return {
      sheet,
      notes: {
        comments: `xl/comments${count}.xml`,
        drawing: `xl/drawings/vmlDrawing${count}.vml`,
        rels: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      },
    };
  });
}

/**
 * The package's own parts (content types, relationships, workbook, styles, properties) and each tab's
 * relationships, in the order a zip should hold them; the tabs' parts follow them.
 */
export function packageParts(
  tabs: readonly TabToWrite[],
  names: readonly TabNames[],
  creator: string,
  formats: Formats,
): [string, string][] {
  const overrides: string[] = [];
  const sheets: string[] = [];
  const links: string[] = [];
  const filters: string[] = [];
  const tabLinks: [string, string][] = [];
  tabs.forEach((tab, i) => {
    const n = i + 1;
    const name = names[i] as TabNames;
    overrides.push(override(`/${name.sheet}`, `${CONTENT}.worksheet+xml`));
    sheets.push(
      `<sheet name="${attr(tab.sheet.properties.title)}" sheetId="${n}" state="${tab.state}" r:id="rId${n}"/>`,
    );
    links.push(relationship(`rId${n}`, `${REL}/worksheet`, name.sheet.slice('xl/'.length)));
    if (tab.autoFilter) {
      const range = autoFilterRange(tab.sheet).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      filters.push(
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${text(quotedTitle(tab.sheet))}!${range}</definedName>`,
      );
    }
    if (name.notes) {
      overrides.push(override(`/${name.notes.comments}`, `${CONTENT}.comments+xml`));
      tabLinks.push([
        name.notes.rels,
        relationships([
          relationship('rId1', `${REL}/comments`, `../${name.notes.comments.slice('xl/'.length)}`),
          relationship('rId2', `${REL}/vmlDrawing`, `../${name.notes.drawing.slice('xl/'.length)}`),
        ]),
      ]);
    }
  });
  links.push(relationship(`rId${tabs.length + 1}`, `${REL}/styles`, 'styles.xml'));
  return [
    [
      '[Content_Types].xml',
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        override('/xl/workbook.xml', `${CONTENT}.sheet.main+xml`) +
        override('/xl/styles.xml', `${CONTENT}.styles+xml`) +
        override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
        `${overrides.join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      relationships([
        relationship('rId1', `${REL}/officeDocument`, 'xl/workbook.xml'),
        relationship('rId2', `${PACKAGE_REL}/metadata/core-properties`, 'docProps/core.xml'),
      ]),
    ],
    [
      'docProps/core.xml',
      `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${text(creator)}</dc:creator></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.join('')}</sheets>` +
        (filters.length > 0 ? `<definedNames>${filters.join('')}</definedNames>` : '') +
        '<calcPr calcId="171027"/></workbook>',
    ],
    ['xl/_rels/workbook.xml.rels', relationships(links)],
    ['xl/styles.xml', stylesXml(formats.xfs)],
    ...tabLinks,
  ];
}

/** The header row's cells, A1 to the last used column of the first row. */
function autoFilterRange(sheet: Sheet): string {
  const columns = Math.max(1, sheet.rows[0]?.length ?? 0);
  return `A1:${columnLetter(columns - 1)}1`;
}

function quotedTitle(sheet: Sheet): string {
  return `'${sheet.properties.title.replace(/'/g, "''")}'`;
}

function worksheetXml(tab: TabToWrite, language: string, formats: Formats, notes: Note[]): string {
  const { sheet } = tab;
  const p = sheet.properties;
  const g = p.gridProperties;
  const out: string[] = [`${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`];
  const color = (p.tabColorStyle?.rgbColor ?? p.tabColor) as RGB | undefined;
  if (!tab.plain || color) {
    out.push('<sheetPr>');
    if (color) out.push(`<tabColor rgb="FF${colorToHex(color)}"/>`);
    if (!tab.plain) out.push('<pageSetUpPr fitToPage="1"/>');
    out.push('</sheetPr>');
  }
  const ySplit = g.frozenRowCount ?? 0;
  const xSplit = g.frozenColumnCount ?? 0;
  if (ySplit > 0 || xSplit > 0) {
    const pane = ySplit > 0 && xSplit > 0 ? 'bottomRight' : ySplit > 0 ? 'bottomLeft' : 'topRight';
    out.push(
      '<sheetViews><sheetView workbookViewId="0"><pane',
      xSplit > 0 ? ` xSplit="${xSplit}"` : '',
      ySplit > 0 ? ` ySplit="${ySplit}"` : '',
      ` topLeftCell="${columnLetter(xSplit)}${ySplit + 1}" activePane="${pane}" state="frozen"/>`,
      `<selection pane="${pane}"/></sheetView></sheetViews>`,
    );
  }
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  const widths = Object.entries(sheet.columnWidths)
    .map(([c, px]) => [Number(c), px] as const)
    .sort((a, b) => a[0] - b[0]);
  if (widths.length > 0) {
    out.push('<cols>');
    for (const [c, px] of widths)
      out.push(`<col min="${c + 1}" max="${c + 1}" width="${px / PX_PER_CHAR}" customWidth="1"/>`);
    out.push('</cols>');
  }
  out.push('<sheetData>');
  // A tab's rows hold thousands of cells: each row is one string, its columns' letters made once.
  const letters: string[] = [];
  sheet.rows.forEach((cells, r) => {
    if (!cells || cells.length === 0) return;
    const lines = wrappedLines(sheet, cells);
    let row = '';
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      letters[c] ??= columnLetter(c);
      row += cellXml(cell, `${letters[c]}${r + 1}`, language, formats);
      if (cell.note) notes.push({ row: r, column: c, text: cell.note });
    }
    if (row === '' && lines <= 1) return;
    out.push(`<row r="${r + 1}"${lines > 1 ? ` ht="${lines * LINE_PT}" customHeight="1"` : ''}>${row}</row>`);
  });
  out.push('</sheetData>');
  if (tab.autoFilter) out.push(`<autoFilter ref="${autoFilterRange(sheet)}"/>`);
  const validations = sheet.validations.map(validationXml).filter((v) => v !== '');
  if (validations.length > 0)
    out.push(`<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (!tab.plain)
    out.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  if (notes.length > 0) out.push('<legacyDrawing r:id="rId2"/>');
  out.push('</worksheet>');
  return out.join('');
}

function cellXml(cell: CellData, address: string, language: string, formats: Formats): string {
  const v = cell.userEnteredValue;
  const s = styleOf(cell, language, formats);
  const style = s > 0 ? ` s="${s}"` : '';
  // A string stays a string cell even when it starts with "=": only formulaValue is a formula.
  if (v?.formulaValue !== undefined) {
    const formula = `<f>${text(v.formulaValue.slice(1))}</f>`;
    const number = cell.effectiveValue?.numberValue;
    const result = number ?? cell.effectiveValue?.stringValue;
    if (result === undefined) return `<c r="${address}"${style}>${formula}</c>`;
    if (typeof result === 'number') return `<c r="${address}"${style}>${formula}<v>${result}</v></c>`;
    return `<c r="${address}"${style} t="str">${formula}<v>${text(result)}</v></c>`;
  }
  if (v?.stringValue !== undefined)
    return `<c r="${address}"${style} t="inlineStr"><is><t xml:space="preserve">${text(v.stringValue)}</t></is></c>`;
  if (v?.numberValue !== undefined && Number.isFinite(v.numberValue))
    return `<c r="${address}"${style}><v>${v.numberValue}</v></c>`;
  if (v?.boolValue !== undefined) return `<c r="${address}"${style} t="b"><v>${v.boolValue ? 1 : 0}</v></c>`;
  return `<c r="${address}"${style}/>`;
}

/** The cell's format as the file holds it (what exceljs wrote for the same cell). */
function xfOf(cell: CellData, language: string): Xf {
  const v = cell.userEnteredValue;
  const f = cell.userEnteredFormat;
  const xf: Xf = {};
  const pattern = (f?.numberFormat as { pattern?: string } | undefined)?.pattern;
  // A number, or a cell a person will type a number into (the shaded input cells carry a format).
  if (language && (pattern || f || v?.numberValue !== undefined || v?.formulaValue !== undefined))
    xf.numFmt = `${language}${pattern ?? 'General'}`;
  else if (pattern) xf.numFmt = pattern;
  if (!f) return xf;
  const t = f.textFormat as { bold?: boolean; italic?: boolean } | undefined;
  if (t?.bold || t?.italic) xf.font = t.bold && t.italic ? 'bi' : t.bold ? 'b' : 'i';
  const bg = f.backgroundColor as RGB | undefined;
  if (bg) xf.fill = colorToHex(bg);
  const wrap = f.wrapStrategy === 'WRAP';
  const horizontal = typeof f.horizontalAlignment === 'string' ? f.horizontalAlignment.toLowerCase() : '';
  const vertical = typeof f.verticalAlignment === 'string' ? f.verticalAlignment.toLowerCase() : '';
  if (wrap || horizontal || vertical) {
    xf.alignment = {
      ...(horizontal ? { horizontal } : {}),
      ...(vertical ? { vertical: vertical === 'middle' ? 'center' : vertical } : {}),
      ...(wrap ? { wrapText: true } : {}),
    };
  }
  return xf;
}

/**
 * The format index of a cell. With a format, it depends on the format alone (the language is the
 * workbook's): cells sharing one format object are looked up once.
 */
function styleOf(cell: CellData, language: string, formats: Formats): number {
  const f = cell.userEnteredFormat;
  if (!f) {
    const v = cell.userEnteredValue;
    const key = `${v?.numberValue !== undefined || v?.formulaValue !== undefined ? 'n' : ''}|${language}`;
    let index = formats.unformatted.get(key);
    if (index === undefined) {
      index = styleIndex(formats, xfOf(cell, language));
      formats.unformatted.set(key, index);
    }
    return index;
  }
  let known = formats.byFormat.get(language);
  if (!known) {
    known = new WeakMap();
    formats.byFormat.set(language, known);
  }
  let index = known.get(f);
  if (index === undefined) {
    index = styleIndex(formats, xfOf(cell, language));
    known.set(f, index);
  }
  return index;
}

function styleIndex(formats: Formats, xf: Xf): number {
  const a = xf.alignment;
  const key = `${xf.numFmt ?? ''}|${xf.font ?? ''}|${xf.fill ?? ''}|${a?.horizontal ?? ''}|${a?.vertical ?? ''}|${a?.wrapText ? 1 : ''}`;
  let index = formats.index.get(key);
  if (index === undefined) {
    index = formats.xfs.length;
    formats.xfs.push(xf);
    formats.index.set(key, index);
  }
  return index;
}

const FONTS = { b: '<b/>', i: '<i/>', bi: '<b/><i/>' } as const;
const FONT_IDS = { b: 1, i: 2, bi: 3 } as const;

export function stylesXml(xfs: readonly Xf[]): string {
  const numFmts = new Map<string, number>();
  const fills = new Map<string, number>();
  for (const xf of xfs) {
    if (xf.numFmt !== undefined && !numFmts.has(xf.numFmt)) numFmts.set(xf.numFmt, 164 + numFmts.size);
    if (xf.fill !== undefined && !fills.has(xf.fill)) fills.set(xf.fill, 2 + fills.size);
  }
  const font = (inner: string) => `<font>${inner}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const cellXfs = xfs.map((xf) => {
    const numFmtId = xf.numFmt === undefined ? 0 : (numFmts.get(xf.numFmt) ?? 0);
    const fontId = xf.font ? FONT_IDS[xf.font] : 0;
    const fillId = xf.fill === undefined ? 0 : (fills.get(xf.fill) ?? 0);
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : '',
      fontId ? ' applyFont="1"' : '',
      fillId ? ' applyFill="1"' : '',
      xf.alignment ? ' applyAlignment="1"' : '',
    ].join('');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}`;
    if (!xf.alignment) return `${head}/>`;
    const a = xf.alignment;
    const alignment = [
      a.horizontal ? ` horizontal="${attr(a.horizontal)}"` : '',
      a.vertical ? ` vertical="${attr(a.vertical)}"` : '',
      a.wrapText ? ' wrapText="1"' : '',
    ].join('');
    return `${head}><alignment${alignment}/></xf>`;
  });
  return (
    `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
    (numFmts.size > 0
      ? `<numFmts count="${numFmts.size}">${[...numFmts]
          .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`)
          .join('')}</numFmts>`
      : '') +
    `<fonts count="4">${font('')}${font(FONTS.b)}${font(FONTS.i)}${font(FONTS.bi)}</fonts>` +
    `<fills count="${2 + fills.size}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    [...fills.keys()]
      .map((rgb) => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/></patternFill></fill>`)
      .join('') +
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${cellXfs.length}">${cellXfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** Only the rule juri sets (a number between two bounds), as exceljs wrote it. */
function validationXml(v: Validation): string {
  const condition = v.rule.condition as
    | { type?: string; values?: { userEnteredValue?: string }[] }
    | undefined;
  if (condition?.type !== 'NUMBER_BETWEEN') return '';
  const [min, max] = (condition.values ?? []).map((x) => Number(x.userEnteredValue));
  const r = v.range;
  const sqref = `${columnLetter(r.startColumnIndex ?? 0)}${(r.startRowIndex ?? 0) + 1}:${columnLetter(
    (r.endColumnIndex ?? 1) - 1,
  )}${r.endRowIndex ?? DEFAULT_ROWS}`;
  const message = typeof v.rule.inputMessage === 'string' ? attr(v.rule.inputMessage) : '';
  return (
    `<dataValidation type="decimal" allowBlank="1"${message ? ` showInputMessage="1" prompt="${message}"` : ''}` +
    ` showErrorMessage="1" errorStyle="${v.rule.strict === true ? 'stop' : 'warning'}" error="${message}"` +
    ` sqref="${sqref}"><formula1>${min ?? 0}</formula1><formula2>${max ?? 0}</formula2></dataValidation>`
  );
}

function commentsXml(notes: readonly Note[]): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${columnLetter(n.column)}${n.row + 1}" authorId="0"><text><r><t xml:space="preserve">${text(n.text)}</t></r></text></comment>`,
    )
    .join('');
  return `${DECLARATION}<comments xmlns="${MAIN}"><authors><author>juri</author></authors><commentList>${list}</commentList></comments>`;
}

/** The shapes Excel shows notes in (LibreOffice reads the comments part alone), as exceljs drew them. */
function drawingXml(notes: readonly Note[]): string {
  const shapes = notes.map((n, i) => {
    const left = n.column + 1;
    const top = Math.max(n.row - 1, 0);
    return (
      `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:${i + 1};visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${left}, 6, ${top}, 14, ${left + 2}, 2, ${top + 4}, 16</x:Anchor>` +
      `<x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>${n.row}</x:Row><x:Column>${n.column}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    `${DECLARATION}<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join('')}</xml>`
  );
}

/**
 * The lines the tallest wrapped cell of a row needs. Google grows such a row by itself; LibreOffice and
 * Excel keep the height the file gives, and a wrapped header then runs over the rows above and below it.
 */
function wrappedLines(sheet: Sheet, cells: (CellData | null)[]): number {
  let most = 1;
  cells.forEach((cell, c) => {
    const value = cell?.userEnteredValue?.stringValue;
    if (!value || cell?.userEnteredFormat?.wrapStrategy !== 'WRAP') return;
    const perLine = Math.max(
      1,
      Math.floor(((sheet.columnWidths[String(c)] ?? DEFAULT_COLUMN_PX) - 8) / PX_PER_CHAR),
    );
    const lines = value.includes('\n')
      ? value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0)
      : Math.max(1, Math.ceil(value.length / perLine));
    most = Math.max(most, lines);
  });
  return most;
}

type RGB = { red?: number; green?: number; blue?: number };

export function colorToHex(c: RGB): string {
  return `${hexPart(c.red)}${hexPart(c.green)}${hexPart(c.blue)}`.toUpperCase();
}

function hexPart(x: number | undefined): string {
  return Math.round((x ?? 0) * 255)
    .toString(16)
    .padStart(2, '0');
}

function override(part: string, type: string): string {
  return `<Override PartName="${attr(part)}" ContentType="${type}"/>`;
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${attr(target)}"/>`;
}

function relationships(links: readonly string[]): string {
  return `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}">${links.join('')}</Relationships>`;
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

function text(s: string): string {
  return s.replace(/[&<>]/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

function attr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (ch) => ATTR_ESCAPES[ch] ?? ch);
}
