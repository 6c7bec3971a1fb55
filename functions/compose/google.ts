import { createRemoteJWKSet } from 'jose';
import { lazyXlsxWriter } from '../../infra/export/lazy-xlsx-writer.ts';
import { createFirestoreRestStore } from '../../infra/firestore/rest-store.ts';
import { createFormsResponses } from '../../infra/forms/forms-responses.ts';
import { type GoogleApisAuth, toGoogleAuthClient } from '../../infra/google-auth/auth-client.ts';
import { ALL_JURI_SCOPES } from '../../infra/google-auth/scopes.ts';
import {
  createServiceAccountTokenSource,
  type TokenSource,
} from '../../infra/google-auth/service-account-token-source.ts';
import type { TokenCache } from '../../infra/google-auth/token-cache.ts';
import { driveSharing, googleSheetUrl } from '../../infra/sheets/drive-share.ts';
import { createPerJurorScoreSheet } from '../../infra/sheets/per-juror-sheet.ts';
import { createSheetsScoreSheet } from '../../infra/sheets/sheets-adapter.ts';
import { intakeRulesCache } from '../../shared/domain/intake-rules.ts';
import { perConfig } from '../../shared/domain/per-config.ts';
import { AppError } from '../../shared/errors.ts';
import { bilingual } from '../../shared/messages/catalogue/t.ts';
import type { Clock, StoreAdapter } from '../../shared/ports.ts';
import { GOOGLE_JWKS_URL } from '../intake/push-token.ts';
import { jurorTabsCache } from '../scores/juror-tabs-cache.ts';
import { configKeyOf } from '../scores/sync-read.ts';
import type { DeployedCompetition, GoogleEnv } from './env.ts';
import { type Services, systemClock } from './services.ts';

export interface GoogleComposeDeps {
  /**
   * Where access tokens outlive one request. The Worker passes one per isolate so that a request
   * does not pay an RS256 signature plus a token subrequest (free plan: 50 per request) every time.
   */
  tokenCache?: TokenCache;
  fetch?: typeof fetch;
  clock?: Clock;
}

/** One token for every Google API juri calls, minted from the service-account key secret. */
export function googleTokenSource(env: GoogleEnv, deps: GoogleComposeDeps = {}): TokenSource {
  const key = env.serviceAccount;
  if (!key) {
    throw new AppError('internal', bilingual('error.serviceAccountUnset'));
  }
  return createServiceAccountTokenSource({
    clientEmail: key.clientEmail,
    privateKey: key.privateKey,
    ...(key.privateKeyId ? { privateKeyId: key.privateKeyId } : {}),
    scopes: ALL_JURI_SCOPES,
    ...(env.endpoints.tokenUrl ? { tokenUrl: env.endpoints.tokenUrl } : {}),
    ...(deps.tokenCache ? { cache: deps.tokenCache } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
}

/**
 * Services for Google mode on Workers (and anywhere without @google-cloud/firestore), one per
 * competition: Firestore over REST, the Sheets and Forms adapters, all with tokens from the
 * service-account key. The Worker builds them once per isolate (functions/compose/workers.ts).
 */
export function composeGoogleServices(env: GoogleEnv, deps: GoogleComposeDeps = {}): Services[] {
  const tokens = googleTokenSource(env, deps);
  const auth = toGoogleAuthClient(tokens);
  const store = createFirestoreRestStore({
    projectId: env.projectId,
    databaseId: env.databaseId,
    ...(env.endpoints.firestoreRootUrl ? { rootUrl: env.endpoints.firestoreRootUrl } : {}),
    getAccessToken: () => tokens.getAccessToken(),
  });
  return googleDeployment(env, store, auth, deps.clock ?? systemClock);
}

/**
 * Each competition's services over one store and one auth (the runtimes differ only in where those come
 * from): its own scoped ports and Sheet; the Forms client, the push key set and the secrets are shared.
 */
export function googleDeployment(
  env: GoogleEnv,
  store: StoreAdapter,
  auth: GoogleApisAuth,
  clock: Clock,
): Services[] {
  const shared = {
    xlsx: lazyXlsxWriter,
    intakeRules: intakeRulesCache(),
    jurorTabs: jurorTabsCache(),
    configKeys: perConfig(configKeyOf),
    pubsubKeys: createRemoteJWKSet(new URL(env.endpoints.pubsubJwksUrl ?? GOOGLE_JWKS_URL)),
    forms: createFormsResponses({
      auth,
      ...(env.endpoints.formsRootUrl ? { rootUrl: env.endpoints.formsRootUrl } : {}),
    }),
    clock,
    formsWatchTopic: env.formsWatchTopic,
    secrets: env.secrets,
    lang: env.lang,
  };
  return env.competitions.map((deployed) => ({
    competition: deployed.competition,
    stores: store.competition(deployed.competition.id),
    ...sheetOf(env, deployed, auth),
    ...shared,
  }));
}

/** The competition's Sheet: its SPREADSHEET_ID is the secretariat's; perJuror mode adds one per juror, made by setup. */
function sheetOf(
  env: GoogleEnv,
  deployed: DeployedCompetition,
  auth: GoogleApisAuth,
): Pick<Services, 'sheet' | 'sheetLink'> {
  if (!deployed.spreadsheetId) return { sheet: undefined };
  const main = {
    spreadsheetId: deployed.spreadsheetId,
    auth,
    ...(env.endpoints.sheetsRootUrl ? { rootUrl: env.endpoints.sheetsRootUrl } : {}),
  };
  return {
    sheetLink: { url: googleSheetUrl(main.spreadsheetId) },
    sheet:
      deployed.competition.sheet.mode === 'perJuror'
        ? createPerJurorScoreSheet({ main, share: driveSharing(auth), urlOf: googleSheetUrl })
        : createSheetsScoreSheet(main),
  };
}
