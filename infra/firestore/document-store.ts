import type { CompetitionStores, StoreAdapter } from '../../shared/ports.ts';
import { storeAdapter } from '../store-adapter.ts';
import { createAttemptDocuments } from './attempt-documents.ts';
import { createChangeDocuments } from './change-documents.ts';
import { createCursorDocuments } from './cursor-documents.ts';
import { competitionPath, type DocumentBackend } from './document-backend.ts';
import { documentScope } from './document-scope.ts';
import { createInnovationDocuments } from './innovation-documents.ts';
import { createIntakeDocuments } from './intake-documents.ts';
import { createLeaseDocuments } from './lease-documents.ts';
import { createLifecycleDocuments } from './lifecycle-documents.ts';
import { createPublicResponseDocuments } from './public-response-documents.ts';
import { createRecordDocuments } from './record-documents.ts';
import { createSessionDocuments } from './session-documents.ts';
import { createSyncDocuments } from './sync-documents.ts';
import { createSyncLeaseLink } from './sync-lease-link.ts';

/**
 * The store on Firestore documents, shared by the Node (gRPC) and the Workers (REST) adapters: each
 * competition's documents under competitions/{id}/, each port bound to one competition.
 */
export function createDocumentStore(backend: DocumentBackend): StoreAdapter {
  return storeAdapter((competition) => competitionDocuments(backend, competition));
}

function competitionDocuments(backend: DocumentBackend, competition: string): CompetitionStores {
  const scope = documentScope(backend, competitionPath(competition));
  const sync = createSyncLeaseLink(scope.at('heads', 'sync'));
  const leases = createLeaseDocuments(scope, sync);
  const innovations = createInnovationDocuments(scope, leases);
  const archive = createIntakeDocuments(scope);
  const records = createRecordDocuments(scope);
  const changeLog = createChangeDocuments(scope);
  const syncLog = createSyncDocuments(scope, {
    readRoster: async () => {
      const [list, rejections] = await Promise.all([innovations.listInnovations(), archive.listRejections()]);
      return { innovations: list, rejections };
    },
    latestVersion: () => records.latestVersion(),
    listChanges: (limit) => changeLog.listScoreChanges(limit),
    lease: sync.link,
  });
  return {
    innovations,
    archive,
    syncLog,
    leases,
    cursors: createCursorDocuments(scope),
    records,
    changeLog,
    publicResponses: createPublicResponseDocuments(scope),
    sessions: createSessionDocuments(scope),
    signIn: createAttemptDocuments(scope),
    lifecycle: createLifecycleDocuments(scope),
  };
}
