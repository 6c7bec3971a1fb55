import type { ADAPTERS as ID } from '../id/adapters.ts';
import type { English } from '../params.ts';

/**
 * The words of the adapters (infra/): the Google services' and the local workbook's errors a person reads,
 * and what the build and the local workbook tell the person at the terminal, in English.
 */
export const ADAPTERS = {
  'adapter.gcfSourceReady': 'Cloud Functions source ready in {out}',
  'adapter.formsApiUnavailable': 'Google Forms API is unavailable{http}; try again later.',
  'adapter.serviceAccountKeyRefused':
    'Google refused the service-account key ({reason}). Check GOOGLE_SERVICE_ACCOUNT_JSON: the key may be deleted or from another project.',
  'adapter.firestoreNoAnswer':
    "Firestore did not answer within {seconds} seconds, so this request was stopped. Check the server's connection and Firestore's status (juri doctor), then try again; a sender's retry is still recorded once.",
  'adapter.jurorSheetNotSetUp':
    'Juror {juror}\'s spreadsheet does not exist yet; run "juri sheet setup" first.',
  'adapter.workbookOpenElsewhere':
    'The workbook {workbook} is open in LibreOffice or Excel, so juri cannot write to it. Save and close that workbook, then sync again.',
  'adapter.workbookNotFound':
    'The workbook {workbook} was not found. Put the file back (or run juri sheet setup to make a new one), then sync again.',
  'adapter.workbookNotSaved':
    'juri cannot save the workbook {workbook} ({why}), so this change is not saved. The folder {folder} or the file may not be written, or the disk is full. Allow writing to that folder (on Linux/macOS: chmod u+w "{folder}") or free some disk space, then sync again; until then this change is only in juri\'s memory and the previous result stays.',
  'adapter.workbookReadOnly':
    'The workbook {workbook} is read-only, so juri does not write to it and this change is not saved. Make it writable (chmod u+w, or untick "Read-only" in the file\'s properties), then sync again; until then this change is only in juri\'s memory and the previous result stays.',
  'adapter.workbookUnusable':
    'The workbook {workbook} cannot be read or written. Check that it is an intact .xlsx that may be written, then sync again.',
  'adapter.sheetsQuotaExhausted':
    'The Google Sheets API quota is exhausted (limit 60 requests per minute per user); tried {attempts} times. Wait about a minute, then sync again.',
  'adapter.sheetRefused':
    "The Google Sheet refused juri's request (code {status}). Check that juri's service account may edit that Sheet; juri doctor checks this.",
  'adapter.localWorkbookMissing': 'The workbook {file} was not found; check whether it was moved or deleted.',
  'adapter.localWorkbookUnreadable':
    'The workbook {file} cannot be read: {why}. Open it in LibreOffice or Excel and save it again as .xlsx, or restore an earlier copy.',
  'adapter.unreadableNotAPackage':
    'it is not a complete .xlsx archive (perhaps cut short while copying, or not an .xlsx file at all)',
  'adapter.unreadableNoWorkbook': 'the archive holds no workbook (its xl/workbook.xml part is missing)',
  'adapter.unreadableDamaged': 'its contents are damaged and cannot be parsed',
  'adapter.localWorkbookLocked':
    'The workbook {file} is open in LibreOffice/Excel (lock file {lock}); save and close it, then try again.',
  'adapter.localWorkbookReadOnly':
    'The workbook {file} is read-only, so juri neither writes to it nor replaces it; make it writable (chmod u+w, or untick "Read-only") and try again.',
  'adapter.localWorkbookUnwritable':
    'The workbook {file} cannot be written ({code}); check the file permissions and disk space.',
  'adapter.changesKeptAside':
    'juri: the last changes could not be written to {file}; they were kept in {copy}.',
  'adapter.changesLost':
    'juri: the last changes could not be written to {file} nor to a copy beside it; sync again once the folder may be written (the scores jurors typed are still in the workbook).',
  'adapter.workbookReadFailed': 'juri: {file} could not be read',
  'adapter.writeNoLongerApplies': 'juri: a write to {file} no longer applies after the file was edited',
  'adapter.writeRetrying': 'juri: {file} could not be written yet; trying again',
} satisfies English<typeof ID>;
