import type { WriteEnv } from '@lm/shared';
import type { DocumentWriter } from './apply-plan.js';
import { createDocument, deleteDocument, publishDocument, updateDocument } from './strapi-rest-client.js';

/** The importer's writes over Strapi's REST API, with the write token of `env`. */
export function restDocumentWriter(env: WriteEnv): DocumentWriter {
  return {
    createDraft: (collection, data) => createDocument(env, collection, data, 'draft'),
    updateDraft: (collection, documentId, data) => updateDocument(env, collection, documentId, data, 'draft'),
    publish: (collection, documentId) => publishDocument(env, collection, documentId),
    remove: (collection, documentId) => deleteDocument(env, collection, documentId),
  };
}
