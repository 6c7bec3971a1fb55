import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { OUTCOME_WORDS } from '../../shared/messages/selection.ts';
import { quoteTitle } from '../../shared/sheet/layout.ts';
import { SELECTION_READ_RANGE, SELECTION_TAB_TITLE } from '../../shared/sheet/selection-tab.ts';

/** The secretariat's own spreadsheet (the "Seleksi" tab lives there in either sheet mode). */
export interface SecretariatSheet {
  rootUrl: string;
  spreadsheetId: string;
  auth: NonNullable<sheets_v4.Options['auth']>;
}

/** Who the demo's secretariat is, and why they let the entry through. */
export const DEMO_DECIDER = 'Maria Ina Lelo (Sekretariat)';
const DEMO_NOTE = 'Inovasi berbeda dari pemenang 2023: diperluas ke 12 desa dengan kader baru.';

/**
 * The secretariat at work in the "Seleksi" tab, as a person would in the browser: every entry the rules
 * flagged "Perlu dicek" is let through, with a name and a reason in the typed columns. Returns their ids.
 */
export async function secretariatPassesChecks(target: SecretariatSheet): Promise<string[]> {
  const client = sheets({ version: 'v4', rootUrl: target.rootUrl, auth: target.auth });
  const read = await client.spreadsheets.values.get({
    spreadsheetId: target.spreadsheetId,
    range: SELECTION_READ_RANGE.replace(/!A2:J$/, '!A2:K'),
  });
  const check = OUTCOME_WORDS.check.id;
  const rows = (read.data.values ?? []).flatMap((row, i) =>
    String(row[10] ?? '').startsWith(check) ? [{ id: String(row[0]), sheetRow: i + 2 }] : [],
  );
  if (rows.length === 0) return [];
  await client.spreadsheets.values.batchUpdate({
    spreadsheetId: target.spreadsheetId,
    requestBody: {
      valueInputOption: 'USER_ENTERED',
      data: rows.map((r) => ({
        range: `${quoteTitle(SELECTION_TAB_TITLE)}!H${r.sheetRow}:J${r.sheetRow}`,
        values: [[OUTCOME_WORDS.pass.id, DEMO_DECIDER, DEMO_NOTE]],
      })),
    },
  });
  return rows.map((r) => r.id);
}
