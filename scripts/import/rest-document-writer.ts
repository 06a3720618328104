import type { WriteEnv } from '@lm/shared';
import type { DocumentWriter } from './apply-plan.js';
import {
  createDocument,
  deleteDocument,
  publishDocument,
  updateDocument,
  type StrapiClientOptions,
} from '../lib/strapi-rest-client.js';

/** The importer's messages name the importer, whichever request failed. */
const IMPORT: StrapiClientOptions = { prefix: '[import]' };

/** The importer's writes over Strapi's REST API, with the write token of `env`. */
export function restDocumentWriter(env: WriteEnv): DocumentWriter {
  return {
    createDraft: (collection, data) => createDocument(env, collection, data, 'draft', IMPORT),
    updateDraft: (collection, documentId, data) => updateDocument(env, collection, documentId, data, 'draft', IMPORT),
    publish: (collection, documentId) => publishDocument(env, collection, documentId, IMPORT),
    remove: (collection, documentId) => deleteDocument(env, collection, documentId, IMPORT),
  };
}
