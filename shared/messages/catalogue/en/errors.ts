import type { ERRORS as ID } from '../id/errors.ts';
import type { English } from '../params.ts';

/** The words of the errors a person reads (AppError's text), in English. */
export const ERRORS = {
  'error.resultVersionNotFound': 'Result version not found.',
  'error.competitionNotFound': 'Competition not found.',
  'error.pageNotFound': 'Page not found.',
  'error.demoWithoutResult': 'The demo finished without a fixed result.',
  'error.acknowledgeNeedsBy': '--acknowledge-absent needs --by <name> (who acknowledges it).',
  'error.serviceAccountUnset':
    'GOOGLE_SERVICE_ACCOUNT_JSON is not set. Run: npx wrangler secret put GOOGLE_SERVICE_ACCOUNT_JSON',
  'error.stopping':
    'juri is stopping, so this work was stopped and its lease released. The previous result stays; run it again once juri is running again.',
  'error.loginRequired': 'Secretariat login (admin token) required.',
  'error.notFound': 'Not found.',
  'error.badRequest': 'Bad request.',
  'error.internal': 'Something went wrong on the server. Please try again.',
  'error.formResponsesWaiting': 'More Form responses are waiting; Pub/Sub will deliver again.',
  'error.formsApiUnset': 'The Google Forms API is not configured.',
  'error.lateReasonRequired': 'A reason for accepting the late entry is required.',
  'error.invalidPubSubToken': 'Invalid Pub/Sub token.',
  'error.googleKeysUnreachable': "Google's keys could not be fetched; retry.",
  'error.notPubSubPush': 'Not a Pub/Sub push message.',
  'error.badSignature': 'The request signature is invalid or expired.',
  'error.phaseChangedElsewhere': 'The competition phase was just changed elsewhere. Reload and check.',
  'error.calibrationLinkUnknown': 'This calibration link is not known.',
  'error.innovationNotFound': 'Innovation not found.',
  'error.confirmUnticked': 'Tick the confirmation box to go on.',
  'error.unknownPhase': 'Unknown phase.',
  'error.noSession': 'No secretariat session, or it has expired. Please sign in again.',
  'error.crossSiteForm': 'Request refused: the form must be sent from juri’s own page.',
  'error.responseTooLarge': 'Response too large.',
  'error.payloadTooLarge': 'Payload too large.',
  'error.noSuchFeedbackSheet': 'No such feedback sheet.',
  'error.noSyncYet': 'No score sync yet. Run "Sync now" first.',
  'error.unknownStage': 'Unknown stage.',
  'error.sheetUnset': 'No Google Sheet is configured (SPREADSHEET_ID is empty).',
  'error.syncBusy': 'Another sync is running; try again in a moment.',
  'error.leaseLost':
    'This work stalled for so long that another sync took over its lease, so it was stopped. The other sync’s result stands.',
  'error.privateKeyUnreadable':
    'The service-account private key cannot be read. Copy the whole JSON key file into GOOGLE_SERVICE_ACCOUNT_JSON again.',
  'error.tokenServiceUnreachable': 'Google token service is unreachable. Please try again shortly.',
  'error.sheetNotSetUp':
    'The Google Sheet is not set up (the hidden "_juri" tab is empty or damaged); run "juri sheet setup" first.',
  'error.tabMissing':
    'A tab juri needs is missing from the Google Sheet. Run the sheet setup (juri sheet setup) first, then sync again.',
  'error.sheetUnavailable':
    'The Google Sheet did not answer or is having trouble. Check the internet connection, then try again in a few minutes; if it keeps failing, run juri doctor.',
  'error.storageUnavailable': 'The data store is unavailable right now. Please try again shortly.',
  'error.logTabChanged':
    'The "Riwayat Nilai" tab of the Google Sheet changed during this sync; the next sync writes it whole. Sync again.',
} satisfies English<typeof ID>;
