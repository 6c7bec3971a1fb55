import type { sheets_v4 } from '@googleapis/sheets';

/** The Sheets calls the adapter makes, each retried and counted. */
export interface SheetsCalls {
  spreadsheetId: string;
  get(): Promise<sheets_v4.Schema$Spreadsheet>;
  batchGet(ranges: string[]): Promise<sheets_v4.Schema$ValueRange[]>;
  /** A values.batchGet's body as it arrived, not decoded. */
  batchGetBytes(ranges: string[]): Promise<Uint8Array<ArrayBuffer>>;
  writeValues(data: sheets_v4.Schema$ValueRange[]): Promise<void>;
  batchUpdate(requests: sheets_v4.Schema$Request[] | PreparedRequests): Promise<sheets_v4.Schema$Response[]>;
}

/**
 * Requests whose every text was cleaned as they were built (a publish's cells: publish-cells.ts), sent as
 * they are: walking a publish's thousands of cells again cost more than building them.
 */
export interface PreparedRequests {
  prepared: sheets_v4.Schema$Request[];
}
