/**
 * The helpers exceljs reads a cell with (not in its public types): the fast reader of changed tabs
 * (xlsx-parts.ts) uses the same ones, so that it reads a cell exactly as the full exceljs read does.
 */
declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    isDateFmt(format: string | undefined): boolean;
    xmlDecode(text: string): string;
    parseBoolean(value: unknown): boolean;
  };
  export default utils;
}

declare module 'exceljs/lib/xlsx/xform/style/numfmt-xform.js' {
  const NumFmtXform: { getDefaultFmtCode(numFmtId: number): string | undefined };
  export default NumFmtXform;
}
