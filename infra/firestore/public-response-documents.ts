import type { PublicResponse, PublicResponses } from '../../shared/ports.ts';
import { docId, type Fields } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/** Uji publik responses on Firestore: one document each, read oldest first. */
export function createPublicResponseDocuments({ backend, at }: DocumentScope): PublicResponses {
  return {
    async savePublicResponse(response) {
      await backend.commit([
        {
          op: 'set',
          path: at('publicResponses', docId(response.id)),
          fields: JSON.parse(JSON.stringify(response)) as Fields,
        },
      ]);
    },
    async listPublicResponses() {
      const docs = await backend.query({
        collection: at('publicResponses'),
        orderBy: { field: 'receivedAt', direction: 'asc' },
      });
      return docs.map((d) => d.fields as unknown as PublicResponse);
    },
  };
}
