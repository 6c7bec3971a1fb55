import { Firestore } from '@google-cloud/firestore';
import { createFirestoreStore } from '../../infra/firestore/node-store.ts';
import {
  applicationDefaultAuth,
  type GoogleApisAuth,
  toGoogleAuthClient,
} from '../../infra/google-auth/auth-client.ts';
import { ALL_JURI_SCOPES } from '../../infra/google-auth/scopes.ts';
import type { Clock } from '../../shared/ports.ts';
import type { GoogleEnv } from './env.ts';
import { googleDeployment, googleTokenSource } from './google.ts';
import { type Services, systemClock } from './services.ts';

/**
 * Long-lived clients for Node / Cloud Functions. A Firestore client holds a gRPC channel, so the
 * composition root makes it once per process and passes it in; it is not rebuilt per request.
 */
export interface NodeGoogleClients {
  firestore: Firestore;
  /** Auth for @googleapis/* clients. */
  auth: GoogleApisAuth;
}

/**
 * Application Default Credentials (the function's service account on Cloud Functions, or
 * `gcloud auth application-default login` on a laptop): no key file. A key in
 * GOOGLE_SERVICE_ACCOUNT_JSON is used when one is given, e.g. on a server outside Google Cloud.
 */
export function createNodeGoogleClients(env: GoogleEnv): NodeGoogleClients {
  const key = env.serviceAccount;
  const credentials = key ? { client_email: key.clientEmail, private_key: key.privateKey } : undefined;
  const firestore = new Firestore({
    projectId: env.projectId,
    databaseId: env.databaseId,
    ...(credentials ? { credentials } : {}),
  });
  // GoogleAuth's token URL is fixed; a test pointing GOOGLE_TOKEN_URL at a local endpoint uses ours.
  if (key && env.endpoints.tokenUrl) return { firestore, auth: toGoogleAuthClient(googleTokenSource(env)) };
  const auth = applicationDefaultAuth({
    scopes: ALL_JURI_SCOPES,
    projectId: env.projectId,
    ...(credentials ? { credentials } : {}),
  });
  return { firestore, auth };
}

export function composeGoogleNodeServices(
  env: GoogleEnv,
  clients: NodeGoogleClients,
  deps: { clock?: Clock } = {},
): Services[] {
  const store = createFirestoreStore(clients.firestore, { deadlineMs: env.firestoreDeadlineMs });
  return googleDeployment(env, store, clients.auth, deps.clock ?? systemClock);
}
