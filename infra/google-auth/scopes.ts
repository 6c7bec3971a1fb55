/** The OAuth scopes juri asks for: Firestore, the Sheets (and sharing those it made), reading the Form and its responses. */
export const GOOGLE_SCOPES = {
  firestore: 'https://www.googleapis.com/auth/datastore',
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  /** perJuror mode: share the jurors' spreadsheets juri created (only files juri made itself). */
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  formsResponses: 'https://www.googleapis.com/auth/forms.responses.readonly',
  formsBody: 'https://www.googleapis.com/auth/forms.body.readonly',
} as const;

export const ALL_JURI_SCOPES: readonly string[] = Object.values(GOOGLE_SCOPES);

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
