import type { GoogleApisAuth } from '../google-auth/auth-client.ts';

/** The part of every google-auth-library client juri's auth can be: an authorised request. */
interface Requesting {
  request(opts: { url: string; method: 'POST'; data: unknown }): Promise<unknown>;
}

const DRIVE_ROOT = 'https://www.googleapis.com/';

/**
 * Shares a spreadsheet the service account created with each address as an editor (Drive API v3
 * permissions.create; Google mails each person a link). Nobody else gets access: a spreadsheet a
 * service account creates is private to it until shared.
 */
export function driveSharing(auth: GoogleApisAuth, rootUrl = DRIVE_ROOT) {
  return async (spreadsheetId: string, emails: string[]): Promise<void> => {
    // juri's auth is always a client that signs requests (compose builds it from the service account),
    // never an API key, so no person meets this: a code for the developer, not a sentence.
    if (typeof auth !== 'object' || auth === null || !('request' in auth)) {
      throw new Error('drive-share: oauth-client-required');
    }
    const client = auth as unknown as Requesting;
    for (const emailAddress of new Set(emails)) {
      await client.request({
        url: `${rootUrl}drive/v3/files/${encodeURIComponent(spreadsheetId)}/permissions?sendNotificationEmail=true`,
        method: 'POST',
        data: { type: 'user', role: 'writer', emailAddress },
      });
    }
  };
}

/** Where a person opens a Google spreadsheet. */
export function googleSheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
}
