import type { Cursors } from '../../shared/ports.ts';
import { docId } from './document-backend.ts';
import type { DocumentScope } from './document-scope.ts';

/** Cursors on Firestore: `cursors/{name}` holds the value. */
export function createCursorDocuments({ backend, at }: DocumentScope): Cursors {
  return {
    async getCursor(name) {
      const fields = await backend.get(at('cursors', docId(name)));
      return typeof fields?.value === 'string' ? fields.value : null;
    },
    async setCursor(name, value) {
      await backend.commit([{ op: 'set', path: at('cursors', docId(name)), fields: { value } }]);
    },
  };
}
