export {
  FingerprintDocument,
  ModuleSlugsDocument,
  ModulesDocument,
  PagesDocument,
  SectionsDocument,
} from './generated/graphql.js';
export type {
  FingerprintQuery,
  ModuleSlugsQuery,
  ModulesQuery,
  PagesQuery,
  SectionsQuery,
} from './generated/graphql.js';
