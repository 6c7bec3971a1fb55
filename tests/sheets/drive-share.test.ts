import { describe, expect, it } from 'vitest';
import type { GoogleApisAuth } from '../../infra/google-auth/auth-client.ts';
import { driveSharing, googleSheetUrl } from '../../infra/sheets/drive-share.ts';

describe('sharing a juror’s spreadsheet (perJuror mode, Google)', () => {
  it('makes the juror and the secretariat editors, once each, through Drive permissions', async () => {
    const sent: { url: string; method: string; data: unknown }[] = [];
    const auth = { request: async (o: { url: string; method: string; data: unknown }) => sent.push(o) };
    const share = driveSharing(auth as unknown as GoogleApisAuth, 'http://127.0.0.1:9/');
    await share('sheet/1', ['juri1@example.org', 'sekretariat@example.org', 'juri1@example.org']);
    expect(sent).toEqual([
      {
        url: 'http://127.0.0.1:9/drive/v3/files/sheet%2F1/permissions?sendNotificationEmail=true',
        method: 'POST',
        data: { type: 'user', role: 'writer', emailAddress: 'juri1@example.org' },
      },
      {
        url: 'http://127.0.0.1:9/drive/v3/files/sheet%2F1/permissions?sendNotificationEmail=true',
        method: 'POST',
        data: { type: 'user', role: 'writer', emailAddress: 'sekretariat@example.org' },
      },
    ]);
    expect(googleSheetUrl('abc')).toBe('https://docs.google.com/spreadsheets/d/abc/edit');
  });
});
